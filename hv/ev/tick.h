/* tick.h: what hv does on every timer interrupt. */
#ifndef HV_EV_TICK_H
#define HV_EV_TICK_H

/* Advance time, publish it to every domain, fire due timers, charge the running
 * domain's turn. Runs with interrupts off, from a guest's trap or from idle. */
void tick_handle(void);

#endif
