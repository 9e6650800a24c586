/* test_rtc_date.c: the calendar arithmetic behind hv's wall-clock time. */
#include <criterion/criterion.h>

#include "dev/rtc.h"

Test(rtc_date, the_epoch_is_day_zero)
{
	cr_assert_eq(rtc_days_since_epoch(1970, 1, 1), 0);
	cr_assert_eq(rtc_days_since_epoch(1970, 1, 2), 1);
	cr_assert_eq(rtc_days_since_epoch(1971, 1, 1), 365);
}

Test(rtc_date, leap_years_count_february_29)
{
	/* 2000 is a leap year (divisible by 400), 2100 would not be. */
	cr_assert_eq(rtc_days_since_epoch(2000, 3, 1) - rtc_days_since_epoch(2000, 2, 28), 2);
	cr_assert_eq(rtc_days_since_epoch(2001, 3, 1) - rtc_days_since_epoch(2001, 2, 28), 1);
	cr_assert_eq(rtc_days_since_epoch(2024, 12, 31) - rtc_days_since_epoch(2024, 1, 1), 365);
}

Test(rtc_date, known_dates)
{
	/* 2000-01-01 is 946684800 s after the epoch; 2026-11-23 is day 20780. */
	cr_assert_eq(rtc_days_since_epoch(2000, 1, 1) * 86400ull, 946684800ull);
	cr_assert_eq(rtc_days_since_epoch(2026, 11, 23), 20780);
}
