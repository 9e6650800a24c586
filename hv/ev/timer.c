/* timer.c: each domain's one-shot timer (set_timer_op). */
#include "ev/timer.h"

#include <pv/abi_gen.h>
#include <stdbool.h>

#include "dom/domain.h"
#include "ev/evtchn_hooks.h"
#include "ev/time.h"
#include "hc/hc_handlers.h"

void timers_check(void)
{
	uint64_t now = time_now_ns();
	for (uint32_t i = 0; i < DOMAIN_MAX; i++) {
		struct domain *d = domain_by_index(i);
		bool alive = d->state == DOMAIN_RUNNABLE || d->state == DOMAIN_BLOCKED;
		if (alive && d->timer_deadline && d->timer_deadline <= now) {
			d->timer_deadline = 0;
			evtchn_send_virq(d, PV_VIRQ_TIMER);
		}
	}
}

long hc_set_timer_op(uint32_t deadline_lo, uint32_t deadline_hi)
{
	current->timer_deadline = (uint64_t)deadline_hi << 32 | deadline_lo;
	timers_check(); /* a deadline already past fires now */
	return 0;
}
