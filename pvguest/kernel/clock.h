/* clock.h: time, and the timer tick that ends a process's time slice.
 *
 * hv keeps one clock, system time (nanoseconds since it booted, published in
 * shared_info on each of its 1 ms ticks), and gives each domain one one-shot
 * timer (set_timer_op) that raises PV_VIRQ_TIMER. pvguest binds that VIRQ to an
 * event port and re-arms the timer in its handler, which makes it periodic: a
 * tick every CLOCK_TICK_NS. Each tick ends the running process's time slice
 * (sched.h).
 *
 * The tick arrives as an event upcall (the library's): hv enters it on whatever stack
 * the domain is on, in ring 3 or in the kernel, whenever events are unmasked. So
 * the handler does almost nothing: it re-arms the timer and sets a flag. The
 * switch itself happens where the kernel is between two things, on its way back
 * to ring 3 (sched_preempt_point). */
#ifndef PVGUEST_CLOCK_H
#define PVGUEST_CLOCK_H

#include <stdint.h>

#define CLOCK_TICK_NS 10000000ull /* 10 ms: a process's time slice */

/* Bind the timer VIRQ, register the upcall and arm the first tick. 0, or a
 * negative PV error from the hypercall that refused. */
long clock_init(void);

/* The event port the timer VIRQ is bound to (after clock_init). */
uint32_t clock_port(void);

/* System time: nanoseconds since hv booted, in steps of hv's 1 ms tick. */
uint64_t clock_now_ns(void);

#endif
