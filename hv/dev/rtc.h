/* rtc.h: the CMOS real-time clock, read once at boot for the wall-clock time. */
#ifndef HV_DEV_RTC_H
#define HV_DEV_RTC_H

#include <stdint.h>

/* Seconds since 1970-01-01 00:00 UTC now, as the RTC says (it keeps UTC in QEMU). */
uint64_t rtc_read_unix_seconds(void);

/* Days from 1970-01-01 to the given date (proleptic Gregorian). Pure C. */
uint32_t rtc_days_since_epoch(uint32_t year, uint32_t month, uint32_t day);

#endif
