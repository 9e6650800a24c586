/* evtchn-unmask: an event held back by a mask is delivered when the mask goes.
 *
 * The domain connects a port to itself (a loopback channel: it offers port p to
 * itself and binds it, getting q) and sends on p, so each event lands on q.
 *  1. q's mask bit is set (hv masks every port at boot): the send sets q's
 *     pending bit but raises nothing, upcall_pending stays 0 and no upcall runs.
 *  2. evtchn_op UNMASK on q: the return from that hypercall enters the upcall,
 *     which sees q, once.
 *  3. q unmasked but the virtual IF off (pv_events_mask): the send raises
 *     upcall_pending but hv does not enter the upcall. pv_events_unmask() then
 *     delivers it at once (its pending check).
 * Property: a pending event is never lost to a mask, port or virtual IF: it is
 * delivered exactly once, when the mask is lifted, and not before. */
#include "event_wait.h"
#include "test.h"

static volatile uint32_t upcalls, last_port;

static void on_event(uint32_t port)
{
	upcalls++;
	last_port = port;
}

int main(void)
{
	uint32_t self = pv_start_info->domid;
	volatile struct pv_vcpu_info *vcpu = &pv_shared_info->vcpu[0];

	TEST_EQ(pv_events_install(on_event), 0, "set_callbacks");
	long p = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, self, 0);
	long q = hv_evtchn_op(PV_EVTCHNOP_BIND_INTERDOMAIN, self, (uint32_t)p);
	test_check(p > 0 && q > 0, "loopback channel: ports %ld and %ld", p, q);
	if (p <= 0 || q <= 0)
		test_finish();
	pv_events_unmask();

	/* 1. Port masked: pending, but nothing raised. */
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, (uint32_t)p, 0), 0, "send while q is masked");
	TEST_EQ(pv_event_port_pending((uint32_t)q), 1, "q pending while masked");
	TEST_EQ(vcpu->upcall_pending, 0, "upcall_pending while q is masked");
	TEST_EQ(upcalls, 0, "upcalls while q is masked");

	/* 2. UNMASK re-raises it, delivered on the way back from the hypercall. */
	TEST_EQ(pv_event_port_unmask((uint32_t)q), 0, "unmask q");
	TEST_EQ(upcalls, 1, "upcalls right after unmasking q");
	TEST_EQ(last_port, q, "the port the upcall saw");
	TEST_EQ(pv_event_port_pending((uint32_t)q), 0, "q pending after the upcall");

	/* 3. Virtual IF off: raised but held until pv_events_unmask. */
	pv_events_mask();
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, (uint32_t)p, 0), 0, "send with events masked");
	TEST_EQ(vcpu->upcall_pending, 1, "upcall_pending with events masked");
	TEST_EQ(upcalls, 1, "upcalls with events masked");
	pv_events_unmask();
	TEST_EQ(upcalls, 2, "upcalls right after pv_events_unmask");
	TEST_EQ(vcpu->upcall_pending, 0, "upcall_pending after the upcall");
	TEST_EQ(vcpu->upcall_mask, 0, "events unmasked again after the upcall's iret");

	test_finish();
}
