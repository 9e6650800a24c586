/* rtc.c: the CMOS real-time clock, read once at boot for the wall-clock time. */
#include "dev/rtc.h"

#include "arch/cpu.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0A
#define RTC_STATUS_B 0x0B
#define RTC_UPDATING 0x80
#define RTC_BINARY 0x04
#define RTC_24H 0x02

static uint8_t cmos(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static uint32_t decode(uint8_t value, uint8_t status_b)
{
	return (status_b & RTC_BINARY) ? value : (value >> 4) * 10u + (value & 0x0F);
}

uint64_t rtc_read_unix_seconds(void)
{
	while (cmos(RTC_STATUS_A) & RTC_UPDATING)
		;
	uint8_t b = cmos(RTC_STATUS_B);
	uint32_t sec = decode(cmos(RTC_SECONDS), b), min = decode(cmos(RTC_MINUTES), b);
	uint8_t raw_hour = cmos(RTC_HOURS);
	uint32_t hour = decode(raw_hour & 0x7F, b);
	if (!(b & RTC_24H) && (raw_hour & 0x80))
		hour = (hour % 12) + 12; /* a 12-hour clock's PM flag */
	uint32_t day = decode(cmos(RTC_DAY), b), month = decode(cmos(RTC_MONTH), b);
	uint32_t year = 2000 + decode(cmos(RTC_YEAR), b);
	uint64_t days = rtc_days_since_epoch(year, month, day);
	return days * 86400u + hour * 3600u + min * 60u + sec;
}
