/* hostile-evtchn-upcall-stack: an upcall that cannot be pushed kills the domain.
 *
 * hv enters the event upcall like a software interrupt: it writes a five-word
 * frame below the guest's ring-1 stack pointer. The guest makes an event pending
 * (a loopback channel: it sends on one end to the other, unmasked port) while its
 * virtual IF is off, then points ESP at unmapped 0x1000, turns the virtual IF on
 * with a plain store and makes a hypercall. On the way back hv would deliver the
 * upcall, and the frame would go to 0x1000 - 20 = 0xfec.
 *
 * Expected: hv kills this domain with the reason in test.conf, never writes the
 * frame, never returns into the dead domain, and the witness runs after. If the
 * guest survives it prints a FAILURE line, and the run has two result lines. */
#include <pv/abi_gen.h>

#include "test.h"

static void on_event(uint32_t port)
{
	(void)port;
}

int main(void)
{
	uint32_t self = pv_start_info->domid;
	TEST_EQ(pv_events_install(on_event), 0, "set_callbacks");
	long p = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, self, 0);
	long q = hv_evtchn_op(PV_EVTCHNOP_BIND_INTERDOMAIN, self, (uint32_t)p);
	TEST_EQ(pv_event_port_unmask((uint32_t)q), 0, "unmask the receiving port");
	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, (uint32_t)p, 0), 0, "send with events masked");
	TEST_EQ(pv_shared_info->vcpu[0].upcall_pending, 1, "upcall_pending");
	if (test_failure_count())
		test_finish();

	__asm__ volatile("mov %%esp, %%esi\n\t"
			 "mov $0x1000, %%esp\n\t"
			 "movb $0, (%0)\n\t" /* virtual IF on */
			 "int $0x82\n\t"
			 "mov %%esi, %%esp"
			 :
			 : "r"(&pv_shared_info->vcpu[0].upcall_mask), "a"(PV_HC_VERSION),
			   "b"(PV_VERSION_ABI)
			 : "esi", "ecx", "edx", "memory");

	test_check(0, "the guest survived an upcall onto a bad stack");
	test_finish();
}
