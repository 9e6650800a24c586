/* time.h: system time and wall-clock time, and how guests read them.
 *
 * System time counts nanoseconds since hv started its tick, advanced by NS_PER_TICK
 * on every PIT interrupt. Wall-clock time is the RTC's reading at boot, so wall
 * time now = wallclock + system time. hv publishes both in every live domain's
 * shared_info (struct pv_time_info) with a version counter that is odd while it
 * writes: a reader that sees the same even version before and after its read has
 * a consistent copy. */
#ifndef HV_EV_TIME_H
#define HV_EV_TIME_H

#include <pv/shared_info.h>
#include <stdint.h>

void time_init(void);

/* One PIT tick has passed. */
void time_tick(void);

uint64_t time_now_ns(void);

/* Write the current time into one shared_info page. */
void time_publish(struct pv_time_info *t);

#endif
