/* evtchn_weak.c: stand-ins for the event hooks when event channels are absent. */
#include "ev/evtchn_hooks.h"

__attribute__((weak)) void evtchn_send_virq(struct domain *d, uint32_t virq)
{
	(void)d;
	(void)virq;
}

__attribute__((weak)) void evtchn_deliver_upcall(struct cpu_regs *frame)
{
	(void)frame;
}
