/* test_iret_check.c: how hv sanitises a guest's iret frame. */
#include <criterion/criterion.h>
#include <pv/layout.h>

#include "hc/iret_check.h"

static struct pv_iret_frame kernel_frame(void)
{
	struct pv_iret_frame f = { .eax = 7,
				   .eip = 0xC0001234,
				   .cs = PV_SEL_KERNEL_CS,
				   .eflags = PV_EFLAGS_FIXED | PV_EFLAGS_IF,
				   .esp = 0xC0100000,
				   .ss = PV_SEL_KERNEL_DS };
	return f;
}

Test(iret_check, keeps_a_plain_kernel_frame)
{
	struct pv_iret_frame f = kernel_frame();
	cr_assert_null(iret_frame_sanitize(&f));
	cr_assert_eq(f.cs, PV_SEL_KERNEL_CS);
	cr_assert_eq(f.ss, PV_SEL_KERNEL_DS);
	cr_assert_eq(f.eflags, PV_EFLAGS_FIXED | PV_EFLAGS_IF);
	cr_assert_eq(f.eip, 0xC0001234);
	cr_assert_eq(f.eax, 7);
}

Test(iret_check, keeps_a_user_frame)
{
	struct pv_iret_frame f = kernel_frame();
	f.cs = PV_SEL_USER_CS;
	f.ss = PV_SEL_USER_DS;
	cr_assert_null(iret_frame_sanitize(&f));
	cr_assert_eq(f.cs & 3, 3);
}

Test(iret_check, raises_a_requested_ring_0_to_ring_1)
{
	struct pv_iret_frame f = kernel_frame();
	f.cs = PV_SEL_KERNEL_CS & ~3u;
	f.ss = PV_SEL_KERNEL_DS & ~3u;
	cr_assert_null(iret_frame_sanitize(&f));
	cr_assert_eq(f.cs, PV_SEL_KERNEL_CS);
	cr_assert_eq(f.ss, PV_SEL_KERNEL_DS);
}

Test(iret_check, clears_iopl_nt_rf_and_vm)
{
	struct pv_iret_frame f = kernel_frame();
	f.eflags = 0xFFFFFFFF;
	cr_assert_null(iret_frame_sanitize(&f));
	cr_assert_eq(f.eflags & PV_EFLAGS_IOPL, 0);
	cr_assert_eq(f.eflags & PV_EFLAGS_NT, 0);
	cr_assert_eq(f.eflags & PV_EFLAGS_RF, 0);
	cr_assert_eq(f.eflags & PV_EFLAGS_VM, 0);
	cr_assert_eq(f.eflags, PV_EFLAGS_GUEST_MASK | PV_EFLAGS_IF | PV_EFLAGS_FIXED);
}

Test(iret_check, passes_the_requested_virtual_if_through)
{
	struct pv_iret_frame f = kernel_frame();
	f.eflags = PV_EFLAGS_FIXED;
	cr_assert_null(iret_frame_sanitize(&f));
	cr_assert_eq(f.eflags & PV_EFLAGS_IF, 0);
}

Test(iret_check, refuses_hv_selectors_and_mixed_pairs)
{
	struct pv_iret_frame f = kernel_frame();
	f.cs = 0x08;
	cr_assert_not_null(iret_frame_sanitize(&f));
	f = kernel_frame();
	f.cs = PV_SEL_USER_CS; /* user code on the kernel stack segment */
	cr_assert_not_null(iret_frame_sanitize(&f));
	f = kernel_frame();
	f.ss = PV_SEL_USER_DS;
	cr_assert_not_null(iret_frame_sanitize(&f));
	f = kernel_frame();
	f.cs = PV_SEL_KERNEL_DS; /* a data selector as code */
	cr_assert_not_null(iret_frame_sanitize(&f));
}

Test(iret_check, refuses_an_eip_inside_hv)
{
	struct pv_iret_frame f = kernel_frame();
	f.eip = PV_HV_START;
	cr_assert_str_eq(iret_frame_sanitize(&f), "iret frame: eip inside hv");
}

Test(iret_check, ignores_the_high_half_of_selector_slots)
{
	struct pv_iret_frame f = kernel_frame();
	f.cs |= 0xABCD0000;
	f.ss |= 0x12340000;
	cr_assert_null(iret_frame_sanitize(&f));
	cr_assert_eq(f.cs, PV_SEL_KERNEL_CS);
	cr_assert_eq(f.ss, PV_SEL_KERNEL_DS);
}
