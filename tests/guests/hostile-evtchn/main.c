/* hostile-evtchn: bad port numbers, stolen ports and a channel closed mid-flood.
 *
 * Domain 1 ("victim"):
 *  - offers port 1 to domain 2 and port 2 only to itself;
 *  - tries every command on numbers that cannot name a port (0, -1, 0x80000000,
 *    PV_NR_EVENT_PORTS): -PV_EINVAL; on a closed port: -PV_ENOENT (STATUS: CLOSED);
 *    SEND on its unbound port 2: -PV_EINVAL; unknown domains: -PV_ENOENT; unknown
 *    VIRQs and commands, callbacks inside hv: -PV_EINVAL; a VIRQ twice: -PV_EBUSY;
 *  - lets domain 2 flood port 1, and after some events closes it under the flood;
 *    then SEND and CLOSE on it fail with -PV_ENOENT.
 * Domain 2 ("flooder"):
 *  - tries to bind domain 1's port 2, offered to domain 1 only: -PV_EPERM;
 *  - binds port 1 and sends on it, yielding after each send, until a send fails:
 *    that must be -PV_EINVAL (its end is unbound again, offered back to domain 1).
 * Property: every bad request gets its error and changes nothing, and closing a
 * channel while the other end sends is safe: both domains live on, and the
 * sender sees a clean error. Domain 1 reports by its exit code; domain 2 prints
 * the result line. */
#include "event_wait.h"
#include "test.h"

#define VICTIM 1u
#define FLOODER 2u
#define SHARED_PORT 1u	/* domain 1's first allocation, offered to domain 2 */
#define PRIVATE_PORT 2u /* domain 1's second, offered to itself only */
#define EVENTS_BEFORE_CLOSE 20u
#define TRIES 100000u

static volatile uint32_t received;

static void on_event(uint32_t port)
{
	if (port == SHARED_PORT)
		received++;
}

static long op(uint32_t cmd, uint32_t a1, uint32_t a2)
{
	return hv_evtchn_op(cmd, a1, a2);
}

static void bad_numbers(void)
{
	static const uint32_t bad[] = { 0, 0xFFFFFFFFu, 0x80000000u, PV_NR_EVENT_PORTS };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		TEST_EQ(op(PV_EVTCHNOP_SEND, bad[i], 0), -PV_EINVAL, "SEND on a bad number");
		TEST_EQ(op(PV_EVTCHNOP_CLOSE, bad[i], 0), -PV_EINVAL, "CLOSE on a bad number");
		TEST_EQ(op(PV_EVTCHNOP_STATUS, bad[i], 0), -PV_EINVAL, "STATUS on a bad number");
		TEST_EQ(op(PV_EVTCHNOP_UNMASK, bad[i], 0), -PV_EINVAL, "UNMASK on a bad number");
		TEST_EQ(op(PV_EVTCHNOP_BIND_INTERDOMAIN, FLOODER, bad[i]), -PV_EINVAL,
			"BIND_INTERDOMAIN to a bad number");
	}
	uint32_t closed = 77;
	TEST_EQ(op(PV_EVTCHNOP_SEND, closed, 0), -PV_ENOENT, "SEND on a closed port");
	TEST_EQ(op(PV_EVTCHNOP_CLOSE, closed, 0), -PV_ENOENT, "CLOSE on a closed port");
	TEST_EQ(op(PV_EVTCHNOP_UNMASK, closed, 0), -PV_ENOENT, "UNMASK on a closed port");
	TEST_EQ(op(PV_EVTCHNOP_STATUS, closed, 0), PV_EVTCHNSTAT_CLOSED, "STATUS of a closed port");
	TEST_EQ(op(PV_EVTCHNOP_BIND_INTERDOMAIN, VICTIM, closed), -PV_EINVAL,
		"BIND_INTERDOMAIN to a closed port");
	TEST_EQ(op(PV_EVTCHNOP_SEND, PRIVATE_PORT, 0), -PV_EINVAL, "SEND on an unbound port");
}

static void bad_other_arguments(void)
{
	TEST_EQ(op(PV_EVTCHNOP_ALLOC_UNBOUND, 99, 0), -PV_ENOENT, "ALLOC_UNBOUND to domain 99");
	TEST_EQ(op(PV_EVTCHNOP_ALLOC_UNBOUND, 0x10001, 0), -PV_ENOENT,
		"ALLOC_UNBOUND to domain 0x10001 (1 if truncated)");
	TEST_EQ(op(PV_EVTCHNOP_BIND_INTERDOMAIN, 99, 1), -PV_ENOENT, "BIND to domain 99");
	TEST_EQ(op(PV_EVTCHNOP_BIND_VIRQ, PV_NR_VIRQS, 0), -PV_EINVAL, "BIND_VIRQ unknown");
	TEST_EQ(op(PV_EVTCHNOP_BIND_VIRQ, 0xFFFFFFFFu, 0), -PV_EINVAL, "BIND_VIRQ -1");
	long v = op(PV_EVTCHNOP_BIND_VIRQ, PV_VIRQ_DEBUG, 0);
	test_check(v > 0, "BIND_VIRQ debug: %ld", v);
	TEST_EQ(op(PV_EVTCHNOP_BIND_VIRQ, PV_VIRQ_DEBUG, 0), -PV_EBUSY, "BIND_VIRQ twice");
	TEST_EQ(op(PV_EVTCHNOP_SEND, (uint32_t)v, 0), -PV_EINVAL, "SEND on a VIRQ port");
	TEST_EQ(op(PV_EVTCHNOP_CLOSE, (uint32_t)v, 0), 0, "CLOSE the VIRQ port");
	TEST_EQ(op(7, 1, 0), -PV_EINVAL, "evtchn_op command 7");
	TEST_EQ(op(0xFFFFFFFFu, 1, 0), -PV_EINVAL, "evtchn_op command -1");
	TEST_EQ(hv_set_callbacks(PV_HV_START, 0), -PV_EINVAL, "upcall inside hv");
	TEST_EQ(hv_set_callbacks(0, 0xFFFFFFF0u), -PV_EINVAL, "failsafe inside hv");
}

/* Domain 1. */
static int victim(void)
{
	TEST_EQ(op(PV_EVTCHNOP_ALLOC_UNBOUND, FLOODER, 0), SHARED_PORT, "offer port 1");
	TEST_EQ(op(PV_EVTCHNOP_ALLOC_UNBOUND, VICTIM, 0), PRIVATE_PORT, "keep port 2");
	bad_numbers();
	bad_other_arguments();
	TEST_EQ(op(PV_EVTCHNOP_STATUS, PRIVATE_PORT, 0), PV_EVTCHNSTAT_UNBOUND,
		"port 2 after all that");

	TEST_EQ(pv_events_install(on_event), 0, "set_callbacks");
	TEST_EQ(pv_event_port_unmask(SHARED_PORT), 0, "unmask port 1");
	pv_events_unmask();
	TEST_WAIT_UNTIL(received >= EVENTS_BEFORE_CLOSE);
	TEST_EQ(op(PV_EVTCHNOP_CLOSE, SHARED_PORT, 0), 0, "close port 1 under the flood");
	TEST_EQ(op(PV_EVTCHNOP_SEND, SHARED_PORT, 0), -PV_ENOENT, "SEND on the closed port");
	TEST_EQ(op(PV_EVTCHNOP_CLOSE, SHARED_PORT, 0), -PV_ENOENT, "CLOSE it again");
	TEST_EQ(op(PV_EVTCHNOP_STATUS, SHARED_PORT, 0), PV_EVTCHNSTAT_CLOSED, "its status");
	if (test_failure_count())
		return 1;
	printf("hostile-evtchn: domain 1 closed its port under a flood\n");
	return 0;
}

/* Domain 2. */
__attribute__((noreturn)) static void flooder(void)
{
	long port = -PV_EINVAL;
	for (uint32_t i = 0; i < TRIES && port == -PV_EINVAL; i++) {
		port = op(PV_EVTCHNOP_BIND_INTERDOMAIN, VICTIM, SHARED_PORT);
		if (port == -PV_EINVAL)
			hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	}
	test_check(port > 0, "bind to domain 1's port 1: %ld", port);
	if (port <= 0)
		test_finish();
	TEST_EQ(op(PV_EVTCHNOP_BIND_INTERDOMAIN, VICTIM, PRIVATE_PORT), -PV_EPERM,
		"bind a port offered to someone else");

	uint32_t sent = 0;
	long r = 0;
	for (uint32_t i = 0; i < TRIES && r == 0; i++) {
		r = op(PV_EVTCHNOP_SEND, (uint32_t)port, 0);
		if (r == 0)
			sent++;
		hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	}
	TEST_EQ(r, -PV_EINVAL, "SEND after the other end closed");
	test_check(sent >= EVENTS_BEFORE_CLOSE, "only %lu sends went through", (unsigned long)sent);
	TEST_EQ(op(PV_EVTCHNOP_STATUS, (uint32_t)port, 0), PV_EVTCHNSTAT_UNBOUND,
		"our end after the close");
	TEST_EQ(op(PV_EVTCHNOP_CLOSE, (uint32_t)port, 0), 0, "close our end");
	printf("hostile-evtchn: %lu sends, then %ld\n", (unsigned long)sent, r);
	test_finish();
}

int main(void)
{
	if (pv_start_info->domid == VICTIM)
		return victim();
	flooder();
}
