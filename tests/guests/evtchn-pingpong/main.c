/* evtchn-pingpong: events cross between two domains, each delivered exactly once.
 *
 * Domain 1 offers a port to domain 2 before it ever gives up the CPU, so that
 * port is 1 (the lowest): that is how domain 2, which has no channel yet to learn
 * it, knows to bind to (domain 1, port 1). It retries while the port is not offered
 * yet (-PV_EINVAL), in case domain 2 ever runs first. Then domain 2 sends a ping,
 * sleeps until the pong, and repeats, N times; domain 1 answers each ping with a
 * pong. Both sleep with sched_op BLOCK between events (yield where BLOCK is
 * missing), and count events in their upcall handlers.
 *
 * Property: after N round trips each side's handler ran exactly N times, on its
 * own port only, and each side saw exactly one event per event the other sent
 * (a second one before the answer would be a duplicate; none at all a loss).
 * Domain 1 reports by its exit code; domain 2 prints the result line. */
#include "event_wait.h"
#include "test.h"

#define ROUND_TRIPS 1000u
#define BIND_TRIES 1000u

static volatile uint32_t my_port, received, strays;

static void on_event(uint32_t port)
{
	if (port == my_port)
		received++;
	else
		strays++;
}

/* Domain 1: offer port 1, answer every ping. */
static int serve(void)
{
	long port = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, 2, 0);
	TEST_EQ(port, 1, "the first port domain 1 allocates");
	if (port <= 0)
		return 1;
	my_port = (uint32_t)port;
	TEST_EQ(pv_event_port_unmask(my_port), 0, "unmask the port");
	pv_events_unmask();

	for (uint32_t answered = 0; answered < ROUND_TRIPS; answered++) {
		TEST_WAIT_UNTIL(received > answered);
		TEST_EQ(received, answered + 1, "pings received after answering the previous one");
		TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, my_port, 0), 0, "send a pong");
		if (test_failure_count())
			return 1;
	}
	TEST_EQ(strays, 0, "events on other ports");
	if (test_failure_count())
		return 1;
	printf("evtchn-pingpong: domain 1 answered %u pings\n", ROUND_TRIPS);
	return 0;
}

/* Domain 2: bind to (1, 1), ping and wait for the pong, N times. */
__attribute__((noreturn)) static void ping(void)
{
	long port = -PV_EINVAL;
	for (uint32_t i = 0; i < BIND_TRIES && port == -PV_EINVAL; i++) {
		port = hv_evtchn_op(PV_EVTCHNOP_BIND_INTERDOMAIN, 1, 1);
		if (port == -PV_EINVAL)
			hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	}
	test_check(port > 0, "bind to domain 1's port 1: %ld", port);
	if (port <= 0)
		test_finish();
	my_port = (uint32_t)port;
	TEST_EQ(pv_event_port_unmask(my_port), 0, "unmask the port");
	pv_events_unmask();

	for (uint32_t sent = 1; sent <= ROUND_TRIPS; sent++) {
		TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, my_port, 0), 0, "send a ping");
		TEST_WAIT_UNTIL(received >= sent);
		TEST_EQ(received, sent, "pongs received after sending a ping");
		if (test_failure_count())
			test_finish();
	}
	TEST_EQ(received, ROUND_TRIPS, "pongs");
	TEST_EQ(strays, 0, "events on other ports");
	printf("evtchn-pingpong: %u round trips\n", ROUND_TRIPS);
	test_finish();
}

int main(void)
{
	TEST_EQ(pv_events_install(on_event), 0, "set_callbacks");
	if (pv_start_info->domid == 1)
		return serve();
	ping();
}
