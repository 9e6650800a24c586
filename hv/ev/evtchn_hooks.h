/* evtchn_hooks.h: the two places the scheduler and the timer reach into events.
 * ev/evtchn.c implements them. */
#ifndef HV_EV_EVTCHN_HOOKS_H
#define HV_EV_EVTCHN_HOOKS_H

#include <stdint.h>

#include "arch/regs.h"

struct domain;

/* Raise virtual interrupt virq (PV_VIRQ_*) in d, if d bound it to a port. */
void evtchn_send_virq(struct domain *d, uint32_t virq);

/* The last step before returning to the current domain: if an event is pending
 * and events are unmasked, enter the domain's upcall instead. */
void evtchn_deliver_upcall(struct cpu_regs *frame);

#endif
