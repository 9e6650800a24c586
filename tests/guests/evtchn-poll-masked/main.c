/* evtchn-poll-masked: sched_op POLL wakes for an event on a masked port.
 *
 * POLL is how a guest waits for particular ports without taking upcalls: the
 * ports stay masked (as hv leaves every port at boot) and events masked too. An
 * event on a masked port sets only its pending bit, raising no upcall_pending, so
 * hv must still tell the scheduler, or the poller sleeps forever (the run would
 * then time out).
 * Domain 1 offers port 1 to domain 2 and polls it; domain 2 binds it, yields a
 * few times so that domain 1 is surely asleep, and sends.
 * Property: the poll returns 0 with the port pending and no upcall raised.
 * Domain 1 reports by its exit code; domain 2 prints the result line. */
#include "test.h"

static int poller(void)
{
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, 2, 0), 1, "offer port 1");
	uint32_t ports[1] = { 1 };
	TEST_EQ(hv_sched_op(PV_SCHEDOP_POLL, (uint32_t)ports, 1), 0, "poll port 1");
	TEST_EQ(pv_event_port_pending(1), 1, "port 1 pending after the poll");
	TEST_EQ(pv_shared_info->vcpu[0].upcall_pending, 0, "upcall_pending (port masked)");
	if (test_failure_count())
		return 1;
	printf("evtchn-poll-masked: domain 1 woke from its poll\n");
	return 0;
}

__attribute__((noreturn)) static void sender(void)
{
	long port = -PV_EINVAL;
	for (uint32_t i = 0; i < 1000 && port == -PV_EINVAL; i++) {
		port = hv_evtchn_op(PV_EVTCHNOP_BIND_INTERDOMAIN, 1, 1);
		if (port == -PV_EINVAL)
			hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	}
	TEST_EQ(port, 1, "bind to domain 1's port 1");
	for (int i = 0; i < 5; i++)
		hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, (uint32_t)port, 0), 0, "send");
	test_finish();
}

int main(void)
{
	if (pv_start_info->domid == 1)
		return poller();
	sender();
}
