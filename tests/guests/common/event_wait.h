/* event_wait.h: sleeping until an event arrives, for the event-channel tests.
 *
 * Waiting for "something an event handler sets" has one classic bug: check the
 * condition, an event arrives and its handler runs, then sleep, and nothing ever
 * wakes the guest again (a lost wakeup). TEST_WAIT_UNTIL avoids it the standard
 * way: it checks the condition with events masked, and sched_op BLOCK unmasks and
 * sleeps as one step (returning at once if an event is pending already). */
#ifndef EVENT_WAIT_H
#define EVENT_WAIT_H

#include <pv/guest.h>

/* With events masked and nothing to do: sleep until an upcall has run. Where BLOCK
 * is not implemented (-PV_EINVAL), unmask and yield instead. Returns with events
 * unmasked. */
void test_block(void);

/* Wait until cond holds (re-evaluated after every sleep), events unmasked after. */
#define TEST_WAIT_UNTIL(cond)               \
	do {                                \
		pv_events_mask();           \
		if (cond) {                 \
			pv_events_unmask(); \
			break;              \
		}                           \
		test_block();               \
	} while (1)

#endif
