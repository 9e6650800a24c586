/* evtchn-exhaustion: running out of ports is an error, and only this domain's.
 *
 * Domain 1 allocates ports, all offered to domain 2, until hv says -PV_ENOSPC: it
 * must get every port from 1 to PV_NR_EVENT_PORTS - 1, in order. It closes one in
 * the middle and allocates again: it gets exactly that one back, and then ENOSPC
 * again. It then waits (yielding) until domain 2 has bound its last port.
 * Domain 2 waits (yielding) until it can bind domain 1's last port, proof that
 * domain 1 is full, and then allocates a port of its own: that must succeed. It
 * stays until domain 1 has seen the binding and sent an event over it (its end of
 * the channel would become unbound again when domain 2 ends).
 *
 * Property: exhaustion fails cleanly with ENOSPC, closing makes room again, and
 * one domain's full table does not stop another from allocating. Domain 1
 * reports by its exit code; domain 2 prints the result line. */
#include "test.h"

#define LAST_PORT (PV_NR_EVENT_PORTS - 1)
#define REUSED_PORT 500u
#define TRIES 100000u

static int fill(void)
{
	uint32_t got = 0;
	long r;
	while ((r = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, 2, 0)) > 0) {
		got++;
		if ((uint32_t)r != got) {
			test_check(0, "allocation %lu returned port %ld", (unsigned long)got, r);
			return 1;
		}
	}
	TEST_EQ(r, -PV_ENOSPC, "allocating with every port in use");
	TEST_EQ(got, LAST_PORT, "ports allocated before ENOSPC");

	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_CLOSE, REUSED_PORT, 0), 0, "close one port");
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, 2, 0), REUSED_PORT,
		"allocating after the close");
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, 2, 0), -PV_ENOSPC, "allocating once more");

	/* Stay alive until domain 2 has bound the last port, or it would find nothing
	 * to bind; then tell it so over that very channel. */
	int bound = 0;
	for (uint32_t i = 0; i < TRIES && !bound; i++) {
		bound = hv_evtchn_op(PV_EVTCHNOP_STATUS, LAST_PORT, 0) == PV_EVTCHNSTAT_INTERDOMAIN;
		if (!bound)
			hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	}
	test_check(bound, "domain 2 never bound the last port");
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, LAST_PORT, 0), 0, "send domain 2 the all-clear");
	if (test_failure_count())
		return 1;
	printf("evtchn-exhaustion: domain 1 filled its %u ports\n", LAST_PORT);
	return 0;
}

__attribute__((noreturn)) static void allocate_beside(void)
{
	long bound = -PV_EINVAL;
	for (uint32_t i = 0; i < TRIES && bound == -PV_EINVAL; i++) {
		bound = hv_evtchn_op(PV_EVTCHNOP_BIND_INTERDOMAIN, 1, LAST_PORT);
		if (bound == -PV_EINVAL)
			hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	}
	TEST_EQ(bound, 1, "binding domain 1's last port");
	long mine = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, 1, 0);
	TEST_EQ(mine, 2, "domain 2 allocating while domain 1 is full");

	/* Domain 1 checks that we bound it; our end stays connected until then. */
	for (uint32_t i = 0; i < TRIES && bound > 0 && !pv_event_port_pending((uint32_t)bound); i++)
		hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	test_finish();
}

int main(void)
{
	if (pv_start_info->domid == 1)
		return fill();
	allocate_beside();
}
