/* hostile-bad-stack: a trap whose bounce frame cannot be pushed kills the domain.
 *
 * hv delivers a trap by writing a six-word bounce frame below the guest's ring-1
 * stack pointer (or below the stack_switch stack, for a trap from ring 3). The
 * guest chooses that pointer, so it can aim hv's write anywhere. Attacks, picked
 * by case= in the module command line:
 *
 *   case=unmapped  ESP = 0x1000, int3: the frame would go to unmapped memory.
 *   case=hv        ESP = PV_HV_START + 0x1000, int3: the frame would land in hv.
 *   case=readonly  ESP = end of the page directory, int3: the frame would
 *                  overwrite the guest's own (read-only) page directory.
 *   case=user      no stack_switch, then ud2 in ring 3: there is no kernel stack.
 *
 * Expected: hv kills this domain with a reason naming the vector (test.conf of
 * each variant has the exact line), never writes the frame, and the witness runs
 * after. If the guest survives the attack it prints a FAILURE line, and the run
 * then has two result lines: a failure. */
#include "test.h"

#include <string.h>

static uint8_t user_stack[4096] __attribute__((aligned(16)));

/* Execute int3 with ESP = esp, then put the real stack back. */
static void int3_on_stack(uint32_t esp)
{
	__asm__ volatile("mov %%esp, %%ebx\n\t"
			 "mov %0, %%esp\n\t"
			 "int3\n\t"
			 "mov %%ebx, %%esp"
			 :
			 : "r"(esp)
			 : "ebx", "memory");
}

/* Ring 3: fault at once; no kernel stack is registered to take the trap. */
static void user_main(void)
{
	__asm__ volatile("ud2");
	for (;;)
		; /* unreachable: the domain is dead or the handler reported an error */
}

int main(void)
{
	test_traps_catch_all(); /* #BP and #UD have handlers: only the stack is bad */

	if (test_case_is("unmapped")) {
		int3_on_stack(0x1000);
	} else if (test_case_is("hv")) {
		int3_on_stack(PV_HV_START + 0x1000);
	} else if (test_case_is("readonly")) {
		int3_on_stack(pv_start_info->pt_base + PV_PAGE_SIZE);
	} else if (test_case_is("user")) {
		pv_enter_user((uint32_t)user_main, (uint32_t)(user_stack + sizeof(user_stack)) - 4);
	} else {
		test_error("no known case= in the module command line");
	}

	test_check(0, "the guest survived a trap with a bad stack");
	test_finish();
}
