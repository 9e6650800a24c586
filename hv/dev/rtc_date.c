/* rtc_date.c: calendar arithmetic for the real-time clock. Pure C. */
#include "dev/rtc.h"

static int is_leap(uint32_t year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

uint32_t rtc_days_since_epoch(uint32_t year, uint32_t month, uint32_t day)
{
	static const uint16_t before_month[12] = { 0,	31,  59,  90,  120, 151,
						   181, 212, 243, 273, 304, 334 };
	uint32_t days = 0;
	for (uint32_t y = 1970; y < year; y++)
		days += is_leap(y) ? 366 : 365;
	days += before_month[(month - 1) % 12];
	if (month > 2 && is_leap(year))
		days++;
	return days + day - 1;
}
