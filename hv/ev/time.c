/* time.c: system time and wall-clock time, and how guests read them. */
#include "ev/time.h"

#include "dev/pit.h"
#include "dev/rtc.h"

static uint64_t system_time_ns;
static uint64_t wallclock_sec;

void time_init(void)
{
	wallclock_sec = rtc_read_unix_seconds();
	system_time_ns = 0;
}

void time_tick(void)
{
	system_time_ns += NS_PER_TICK;
}

uint64_t time_now_ns(void)
{
	return system_time_ns;
}

void time_publish(struct pv_time_info *t)
{
	t->version++; /* odd: an update is under way */
	__asm__ volatile("" ::: "memory");
	t->system_time_ns = system_time_ns;
	t->wallclock_sec = wallclock_sec;
	t->wallclock_nsec = 0;
	__asm__ volatile("" ::: "memory");
	t->version++; /* even again: consistent */
}
