/* event_wait.c: sleeping until an event arrives (event_wait.h). */
#include "event_wait.h"

void test_block(void)
{
	if (hv_sched_op(PV_SCHEDOP_BLOCK, 0, 0) == -PV_EINVAL) {
		pv_events_unmask();
		hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	}
}
