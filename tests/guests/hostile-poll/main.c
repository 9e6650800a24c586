/* hostile-poll: sched_op POLL checks its port list before it sleeps.
 *
 * Attack: a poll on a port list that is NULL, inside hv, wrapping, empty, too
 * long, or naming ports 0, 1024 and 0xFFFFFFFF.
 *
 * Property: each is refused with the exact error (the range is checked before the
 * count, as everywhere: -PV_EFAULT, then -PV_EINVAL), the domain does not go to
 * sleep, and a poll on a port that is already pending returns 0 at once (the
 * control: the same call with a good list works). */
#include "test.h"

static long poll(const void *ports, uint32_t count)
{
	return hv_sched_op(PV_SCHEDOP_POLL, (uint32_t)ports, count);
}

int main(void)
{
	static uint32_t good[2], bad[1];

	TEST_EQ(poll(0, 1), -PV_EFAULT, "NULL port list");
	TEST_EQ(poll((void *)PV_HV_START, 1), -PV_EFAULT, "port list inside hv");
	TEST_EQ(poll((void *)0xFFFFFFF8u, 4), -PV_EFAULT, "wrapping port list");
	TEST_EQ(poll(good, 0x80000000u), -PV_EFAULT, "count with the sign bit");
	TEST_EQ(poll(good, 0), -PV_EINVAL, "no ports");
	TEST_EQ(poll(good, PV_POLL_MAX + 1), -PV_EINVAL, "more than PV_POLL_MAX ports");
	bad[0] = 0;
	TEST_EQ(poll(bad, 1), -PV_EINVAL, "port 0");
	bad[0] = PV_NR_EVENT_PORTS;
	TEST_EQ(poll(bad, 1), -PV_EINVAL, "port 1024");
	bad[0] = 0xFFFFFFFFu;
	TEST_EQ(poll(bad, 1), -PV_EINVAL, "port 0xFFFFFFFF");

	/* The control: a channel to ourselves, one event sent, its port polled. */
	uint32_t self = pv_start_info->domid;
	long offered = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, self, 0);
	long bound = hv_evtchn_op(PV_EVTCHNOP_BIND_INTERDOMAIN, self, (uint32_t)offered);
	if (offered <= 0 || bound <= 0)
		test_error("could not make a channel to ourselves");
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, (uint32_t)bound, 0), 0, "send to ourselves");
	good[0] = (uint32_t)bound; /* not the pending end: listed first, to be skipped */
	good[1] = (uint32_t)offered;
	TEST_EQ(poll(good, 2), 0, "poll with a pending port returns at once");
	test_finish();
}
