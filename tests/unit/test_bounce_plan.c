/* test_bounce_plan.c: what hv pushes when it bounces a trap, and where. */
#include <criterion/criterion.h>
#include <pv/layout.h>

#include "arch/bounce.h"

static const struct vtrap handler = { .address = 0xC0002000, .cs = PV_SEL_KERNEL_CS };

static struct cpu_regs ring1_regs(void)
{
	struct cpu_regs r = { 0 };
	r.eip = 0xC0001000;
	r.cs = PV_SEL_KERNEL_CS;
	r.eflags = PV_EFLAGS_FIXED | PV_EFLAGS_IF;
	r.esp = 0xC0200000;
	r.ss = PV_SEL_KERNEL_DS;
	return r;
}

Test(bounce_plan, ring1_trap_goes_on_the_interrupted_stack)
{
	struct cpu_regs r = ring1_regs();
	struct bounce_plan p;
	cr_assert_null(bounce_plan_make(&r, 14, 6, &handler, 0, 0, 0, &p));
	cr_assert_eq(p.frame_addr, 0xC0200000 - sizeof(struct pv_bounce_frame));
	cr_assert_eq(p.ss, PV_SEL_KERNEL_DS);
	cr_assert_eq(p.frame.error_code, 6);
	cr_assert_eq(p.frame.eip, 0xC0001000);
	cr_assert_eq(p.frame.cs, PV_SEL_KERNEL_CS);
	cr_assert_eq(p.frame.esp, 0xC0200000);
	cr_assert_eq(p.frame.ss, PV_SEL_KERNEL_DS);
	cr_assert_eq(p.handler_eip, 0xC0002000);
	cr_assert_eq(p.handler_cs, PV_SEL_KERNEL_CS);
}

Test(bounce_plan, ring3_trap_goes_on_the_stack_switch_stack)
{
	struct cpu_regs r = ring1_regs();
	r.cs = PV_SEL_USER_CS;
	r.ss = PV_SEL_USER_DS;
	r.esp = 0x08000000;
	struct bounce_plan p;
	cr_assert_null(bounce_plan_make(&r, 6, 0, &handler, PV_SEL_KERNEL_DS, 0xC0300000, 0, &p));
	cr_assert_eq(p.frame_addr, 0xC0300000 - sizeof(struct pv_bounce_frame));
	cr_assert_eq(p.ss, PV_SEL_KERNEL_DS);
	cr_assert_eq(p.frame.cs, PV_SEL_USER_CS);
	cr_assert_eq(p.frame.esp, 0x08000000);
	cr_assert_eq(p.frame.ss, PV_SEL_USER_DS);
}

Test(bounce_plan, ring3_trap_without_kernel_stack_is_refused)
{
	struct cpu_regs r = ring1_regs();
	r.cs = PV_SEL_USER_CS;
	struct bounce_plan p;
	cr_assert_not_null(bounce_plan_make(&r, 6, 0, &handler, 0, 0, 0, &p));
}

Test(bounce_plan, no_handler_is_refused)
{
	struct cpu_regs r = ring1_regs();
	struct vtrap none = { 0 };
	struct bounce_plan p;
	cr_assert_str_eq(bounce_plan_make(&r, 6, 0, &none, 0, 0, 0, &p), "no handler registered");
}

Test(bounce_plan, stack_pointers_that_cannot_hold_a_frame_are_refused)
{
	struct cpu_regs r = ring1_regs();
	struct bounce_plan p;
	r.esp = 8; /* the frame would wrap below 0 */
	cr_assert_not_null(bounce_plan_make(&r, 3, 0, &handler, 0, 0, 0, &p));
	r.esp = PV_HV_START + 0x1000;
	cr_assert_not_null(bounce_plan_make(&r, 3, 0, &handler, 0, 0, 0, &p));
}

Test(bounce_plan, frame_shows_the_virtual_if_not_the_real_one)
{
	struct cpu_regs r = ring1_regs(); /* real IF is set, as always in a guest */
	struct bounce_plan p;
	cr_assert_null(bounce_plan_make(&r, 3, 0, &handler, 0, 0, 1, &p));
	cr_assert_eq(p.frame.eflags & PV_EFLAGS_IF, 0, "events masked: IF clear in the frame");
	cr_assert_null(bounce_plan_make(&r, 3, 0, &handler, 0, 0, 0, &p));
	cr_assert_neq(p.frame.eflags & PV_EFLAGS_IF, 0);
}

Test(bounce_plan, handler_starts_without_tf_nt_or_iopl)
{
	struct cpu_regs r = ring1_regs();
	r.eflags |= PV_EFLAGS_TF | PV_EFLAGS_NT | PV_EFLAGS_IOPL;
	struct bounce_plan p;
	cr_assert_null(bounce_plan_make(&r, 1, 0, &handler, 0, 0, 0, &p));
	cr_assert_eq(p.eflags & (PV_EFLAGS_TF | PV_EFLAGS_NT | PV_EFLAGS_IOPL), 0);
	cr_assert_neq(p.eflags & PV_EFLAGS_IF, 0, "the real IF stays on in a guest");
	cr_assert_eq(p.frame.eflags & PV_EFLAGS_IOPL, 0);
}

Test(bounce_plan, mask_events_flag_is_carried)
{
	struct cpu_regs r = ring1_regs();
	struct vtrap masking = handler;
	masking.flags = PV_TRAP_MASK_EVENTS;
	struct bounce_plan p;
	cr_assert_null(bounce_plan_make(&r, 13, 0, &masking, 0, 0, 0, &p));
	cr_assert(p.mask_events);
	cr_assert_null(bounce_plan_make(&r, 13, 0, &handler, 0, 0, 0, &p));
	cr_assert_not(p.mask_events);
}

Test(bounce_plan, software_interrupts_have_no_error_code_slot)
{
	struct cpu_regs r = ring1_regs();
	r.cs = PV_SEL_USER_CS;
	r.ss = PV_SEL_USER_DS;
	struct bounce_plan p;
	cr_assert_null(
		bounce_plan_make(&r, 0x80, 0, &handler, PV_SEL_KERNEL_DS, 0xC0300000, 0, &p));
	cr_assert_eq(p.frame_size, 20, "eip cs eflags esp ss, as a CPU gate pushes them");
	cr_assert_eq(p.frame_addr, 0xC0300000 - 20);
	cr_assert_null(bounce_plan_make(&r, 31, 0, &handler, PV_SEL_KERNEL_DS, 0xC0300000, 0, &p));
	cr_assert_eq(p.frame_size, 24, "exceptions keep the error-code slot");
}
