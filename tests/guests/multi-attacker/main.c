/* multi-attacker: one attack per domain, for `make run-multi`.
 *
 * The command line picks it:
 *  - case=wild-write: stores into hv's area with no page-fault handler. The store
 *    faults (#GP on a real CPU, #PF under QEMU) and hv kills the domain.
 *  - case=bad-stack: points its stack at an unmapped page and takes a breakpoint:
 *    hv cannot push the frame and kills the domain.
 *  - case=spin: masks events and spins forever. Legal, so hv only preempts it.
 *  - case=flood: makes hypercalls and sends events as fast as it can, forever.
 *    Legal too, and preempted.
 * None of them may stop the workers from finishing, correctly and in time. */
#include "test.h"

static void wild_write(void)
{
	printf("attacker: writing into hv at 0xfc100000\n");
	fflush(stdout);
	*(volatile uint32_t *)0xFC100000u = 0xDEADBEEF;
	printf("attacker: survived the wild write\n");
}

static void bad_stack(void)
{
	test_traps_catch_all(); /* a handler exists: the stack is the only problem */
	printf("attacker: breakpoint on an unmapped stack\n");
	fflush(stdout);
	__asm__ volatile("mov %%esp, %%ebx\n\t"
			 "mov $0x1000, %%esp\n\t"
			 "int3\n\t"
			 "mov %%ebx, %%esp" ::
				 : "ebx", "memory");
	printf("attacker: survived the bad stack\n");
}

static void spin(void)
{
	pv_events_mask();
	printf("attacker: spinning with events masked\n");
	fflush(stdout);
	for (volatile uint32_t i = 0;; i++)
		;
}

static void flood(void)
{
	printf("attacker: flooding hv with hypercalls and events\n");
	fflush(stdout);
	for (uint32_t i = 0;; i++) {
		hv_version(PV_VERSION_ABI);
		hv_evtchn_op(PV_EVTCHNOP_SEND, 1 + i % 8, 0);
	}
}

int main(void)
{
	if (test_case_is("wild-write"))
		wild_write();
	else if (test_case_is("bad-stack"))
		bad_stack();
	else if (test_case_is("spin"))
		spin();
	else if (test_case_is("flood"))
		flood();
	else
		test_error("unknown attack");
	return 1; /* an attack that did not get its domain killed failed */
}
