/* tick.h: what hv does on every timer interrupt.
 *
 * TOUR 15: hv's own heartbeat. Every millisecond the PIT interrupts whatever runs,
 * a guest in any ring or hv idling; tick_handle advances time, fires due timers as
 * PV_VIRQ_TIMER events, and charges the running domain's turn, so the scheduler
 * (dom/sched.c) can preempt even a guest that masked its events. */
#ifndef HV_EV_TICK_H
#define HV_EV_TICK_H

/* Advance time, publish it to every domain, fire due timers, charge the running
 * domain's turn. Runs with interrupts off, from a guest's trap or from idle. */
void tick_handle(void);

#endif
