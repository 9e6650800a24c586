/* tick.c: what hv does on every timer interrupt. */
#include "ev/tick.h"

#include "dev/pit.h"
#include "dom/domain.h"
#include "dom/sched.h"
#include "ev/time.h"
#include "ev/timer.h"

void tick_handle(void)
{
	pic_eoi(0);
	time_tick();
	for (uint32_t i = 0; i < DOMAIN_MAX; i++) {
		struct domain *d = domain_by_index(i);
		if (d->state == DOMAIN_RUNNABLE || d->state == DOMAIN_BLOCKED)
			time_publish(&d->shared->time);
	}
	timers_check();
	sched_tick();
}
