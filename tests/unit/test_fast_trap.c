/* test_fast_trap.c: when INT 0x80 may enter the guest kernel without hv. */
#include <criterion/criterion.h>
#include <pv/layout.h>
#include <pv/trap.h>

#include "arch/fast_trap.h"

static const struct vtrap syscall = { .address = 0xC0001000,
				      .cs = PV_SEL_KERNEL_CS,
				      .flags = PV_TRAP_DPL(3) };

Test(fast_trap, a_dpl3_handler_with_a_kernel_stack_is_direct)
{
	cr_assert(fast_trap_eligible(&syscall, PV_SEL_KERNEL_DS, 1));
}

Test(fast_trap, the_domain_can_turn_it_off)
{
	cr_assert_not(fast_trap_eligible(&syscall, PV_SEL_KERNEL_DS, 0));
}

Test(fast_trap, no_kernel_stack_means_no_gate)
{
	cr_assert_not(fast_trap_eligible(&syscall, 0, 1));
}

Test(fast_trap, masking_events_needs_hv)
{
	struct vtrap vt = syscall;
	vt.flags |= PV_TRAP_MASK_EVENTS;
	cr_assert_not(fast_trap_eligible(&vt, PV_SEL_KERNEL_DS, 1));
}

Test(fast_trap, lower_dpl_or_no_handler_is_not_direct)
{
	struct vtrap vt = syscall;
	vt.flags = PV_TRAP_DPL(1);
	cr_assert_not(fast_trap_eligible(&vt, PV_SEL_KERNEL_DS, 1));
	vt = syscall;
	vt.address = 0;
	cr_assert_not(fast_trap_eligible(&vt, PV_SEL_KERNEL_DS, 1));
}
