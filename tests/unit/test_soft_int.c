/* test_soft_int.c: which #GP faults are really a guest's INT n. */
#include <criterion/criterion.h>
#include <pv/layout.h>
#include <pv/trap.h>

#include "arch/soft_int.h"

static const uint8_t int80[2] = { 0xCD, 0x80 };

Test(soft_int, error_code_names_the_idt_entry)
{
	cr_assert_eq(soft_int_vector(0x80 * 8 + 2), 0x80);
	cr_assert_eq(soft_int_vector(0x82 * 8 + 2), 0x82);
	cr_assert_eq(soft_int_vector(0), -1, "an ordinary #GP(0)");
	cr_assert_eq(soft_int_vector(0x10), -1, "a GDT selector");
	cr_assert_eq(soft_int_vector(0x80 * 8 + 3), -1, "external event");
	cr_assert_eq(soft_int_vector(0x100 * 8 + 2), -1, "beyond 256 vectors");
}

Test(soft_int, delivered_when_the_dpl_admits_the_ring)
{
	struct vtrap vt = { .address = 0xC0001000,
			    .cs = PV_SEL_KERNEL_CS,
			    .flags = PV_TRAP_DPL(3) };
	cr_assert(soft_int_allowed(0x80, &vt, 3, int80));
	cr_assert(soft_int_allowed(0x80, &vt, 1, int80));
	vt.flags = PV_TRAP_DPL(1);
	cr_assert(soft_int_allowed(0x80, &vt, 1, int80));
	cr_assert_not(soft_int_allowed(0x80, &vt, 3, int80), "DPL 1 refuses ring 3");
	vt.flags = PV_TRAP_DPL(0);
	cr_assert_not(soft_int_allowed(0x80, &vt, 1, int80), "DPL 0 refuses ring 1");
}

Test(soft_int, no_handler_means_no_delivery)
{
	struct vtrap vt = { .address = 0, .flags = PV_TRAP_DPL(3) };
	cr_assert_not(soft_int_allowed(0x80, &vt, 3, int80));
}

Test(soft_int, only_a_real_int_n_instruction_counts)
{
	struct vtrap vt = { .address = 0xC0001000, .flags = PV_TRAP_DPL(3) };
	const uint8_t other_vector[2] = { 0xCD, 0x81 };
	const uint8_t not_int[2] = { 0x0F, 0x0B };
	cr_assert_not(soft_int_allowed(0x80, &vt, 3, other_vector));
	cr_assert_not(soft_int_allowed(0x80, &vt, 3, not_int));
}
