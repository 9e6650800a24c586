/* timer.h: each domain's one-shot timer (set_timer_op).
 *
 * A domain arms one deadline in system time; when the clock reaches it, hv sends
 * PV_VIRQ_TIMER once and disarms it. Deadlines are checked on every tick, so a
 * timer fires within one tick (1 ms) after its deadline; one already past when it
 * is armed fires at once. Re-arming replaces the deadline, so no number of
 * re-arms can queue up work: the check is one comparison per domain per tick. */
#ifndef HV_EV_TIMER_H
#define HV_EV_TIMER_H

/* Fire every domain timer whose deadline has passed. */
void timers_check(void);

#endif
