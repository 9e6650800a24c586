/* time.h: reading hv's clock from shared_info without tearing it.
 *
 * hv updates struct pv_time_info between two increments of its version: odd means
 * an update is under way. A reader copies the fields between two reads of the
 * version and retries until both reads agree on an even value. hv only writes
 * while the guest is not running (one CPU), so a retry is rare; the protocol is
 * what keeps the read right on more CPUs or against a preempting update. */
#ifndef PV_TIME_H
#define PV_TIME_H

#include "shared_info.h"

/* A consistent copy of the time hv last published. */
static inline struct pv_time_info pv_time_read(const struct pv_shared_info *si)
{
	const volatile struct pv_time_info *t = &si->time;
	struct pv_time_info copy;
	uint32_t before, after;
	do {
		before = t->version;
		__asm__ volatile("" ::: "memory");
		copy.system_time_ns = t->system_time_ns;
		copy.wallclock_sec = t->wallclock_sec;
		copy.wallclock_nsec = t->wallclock_nsec;
		__asm__ volatile("" ::: "memory");
		after = t->version;
	} while ((before & 1) || before != after);
	copy.version = after;
	return copy;
}

/* Nanoseconds since hv booted. */
static inline uint64_t pv_system_time_ns(const struct pv_shared_info *si)
{
	return pv_time_read(si).system_time_ns;
}

#endif
