/* timer-oneshot: set_timer_op fires PV_VIRQ_TIMER once, on time, in virtual time.
 *
 * Property: a deadline 5 ms and 20 ms ahead fires exactly once, not before the
 * deadline and at most 2 ms after it (hv checks deadlines on its 1 kHz tick, so
 * the stated tolerance is one tick plus one for the delivery); a deadline already
 * past fires at once; re-arming replaces the deadline, so only the later-set one
 * fires; a huge deadline and 0 (cancel) never fire. The guest sleeps with
 * sched_op BLOCK meanwhile, so hv idles in between. */
#include <pv/time.h>

#include "event_wait.h"
#include "test.h"

#define MS 1000000ull
#define TOLERANCE_NS (2 * MS)

static uint32_t timer_port;
static volatile uint32_t fired;
static volatile uint64_t fired_at;

static void on_event(uint32_t port)
{
	if (port == timer_port) {
		fired++;
		fired_at = pv_system_time_ns(pv_shared_info);
	}
}

static uint64_t now(void)
{
	return pv_system_time_ns(pv_shared_info);
}

static void arm(uint64_t deadline)
{
	if (hv_set_timer_op((uint32_t)deadline, (uint32_t)(deadline >> 32)) != 0)
		test_error("set_timer_op refused a deadline");
}

/* Spin (events unmasked) until system time reaches until. */
static void wait_until_time(uint64_t until)
{
	while (now() < until)
		hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
}

/* Arm a deadline delta ahead, sleep until it fires, check when. */
static void check_fires_on_time(uint64_t delta)
{
	uint32_t before = fired;
	uint64_t deadline = now() + delta;
	arm(deadline);
	TEST_WAIT_UNTIL(fired != before);
	TEST_EQ(fired - before, 1, "timer fired once");
	test_check(fired_at >= deadline, "fired %lu us before the deadline",
		   (unsigned long)((deadline - fired_at) / 1000));
	test_check(fired_at <= deadline + TOLERANCE_NS, "fired %lu us after the deadline",
		   (unsigned long)((fired_at - deadline) / 1000));
	printf("timer-oneshot: %lu ms deadline fired %lu us late\n", (unsigned long)(delta / MS),
	       (unsigned long)((fired_at - deadline) / 1000));
}

int main(void)
{
	test_traps_catch_all();
	long port = hv_evtchn_op(PV_EVTCHNOP_BIND_VIRQ, PV_VIRQ_TIMER, 0);
	if (port <= 0 || pv_events_install(on_event) != 0 || pv_event_port_unmask((uint32_t)port))
		test_error("could not bind and unmask the timer VIRQ");
	timer_port = (uint32_t)port;
	pv_events_unmask();

	check_fires_on_time(5 * MS);
	check_fires_on_time(20 * MS);

	/* A deadline in the past fires at once (by the return from the call). */
	uint32_t before = fired;
	arm(now() > MS ? now() - MS : 1);
	TEST_WAIT_UNTIL(fired != before);
	TEST_EQ(fired - before, 1, "past deadline fired once");

	/* Re-arming replaces: the 50 ms deadline is gone, only the 5 ms one fires. */
	before = fired;
	uint64_t start = now();
	arm(start + 50 * MS);
	arm(start + 5 * MS);
	wait_until_time(start + 70 * MS);
	TEST_EQ(fired - before, 1, "re-armed timer fired once");

	/* A huge deadline never fires; 0 cancels. */
	before = fired;
	arm(~0ull >> 1);
	wait_until_time(now() + 10 * MS);
	arm(now() + 5 * MS);
	arm(0);
	wait_until_time(now() + 15 * MS);
	TEST_EQ(fired - before, 0, "huge and cancelled deadlines");
	test_finish();
}
