/* test_trap_table_check.c: which virtual IDT entries set_trap_table accepts. */
#include <criterion/criterion.h>
#include <pv/layout.h>

#include "hc/trap_table_check.h"

static struct pv_trap_info good(void)
{
	struct pv_trap_info e = {
		.vector = 14, .flags = 0, .cs = PV_SEL_KERNEL_CS, .address = 0xC0001000
	};
	return e;
}

Test(trap_table_check, accepts_a_kernel_handler_below_hv)
{
	struct pv_trap_info e = good();
	cr_assert_null(trap_info_check(&e));
	e.flags = PV_TRAP_DPL(3) | PV_TRAP_MASK_EVENTS;
	cr_assert_null(trap_info_check(&e));
	e.address = PV_HV_START - 1;
	cr_assert_null(trap_info_check(&e));
}

Test(trap_table_check, refuses_a_ring0_selector)
{
	struct pv_trap_info e = good();
	e.cs = PV_SEL_KERNEL_CS & ~3u;
	cr_assert_str_eq(trap_info_check(&e), "ring-0 code selector");
	e.cs = 0x08; /* hv's own code segment */
	cr_assert_str_eq(trap_info_check(&e), "ring-0 code selector");
}

Test(trap_table_check, refuses_selectors_other_than_the_guest_kernel_code)
{
	struct pv_trap_info e = good();
	e.cs = PV_SEL_USER_CS;
	cr_assert_not_null(trap_info_check(&e));
	e.cs = PV_SEL_KERNEL_DS;
	cr_assert_not_null(trap_info_check(&e));
}

Test(trap_table_check, refuses_handlers_inside_hv)
{
	struct pv_trap_info e = good();
	e.address = PV_HV_START;
	cr_assert_str_eq(trap_info_check(&e), "handler address inside hv");
	e.address = 0xFFFFFFF0;
	cr_assert_str_eq(trap_info_check(&e), "handler address inside hv");
}

Test(trap_table_check, refuses_reserved_vectors)
{
	static const uint8_t reserved[] = { 2, 8, 18, PV_HYPERCALL_VECTOR };
	for (unsigned i = 0; i < sizeof(reserved); i++) {
		struct pv_trap_info e = good();
		e.vector = reserved[i];
		cr_assert_str_eq(trap_info_check(&e), "vector is reserved by hv", "vector %u",
				 reserved[i]);
	}
	for (unsigned v = 0; v < 256; v++)
		cr_assert_eq(trap_vector_reserved(v), v == 2 || v == 8 || v == 18 || v == 0x82);
}

Test(trap_table_check, refuses_unknown_flag_bits)
{
	struct pv_trap_info e = good();
	e.flags = 0x08;
	cr_assert_str_eq(trap_info_check(&e), "unknown flag bits");
	e.flags = 0x80 | PV_TRAP_DPL(1);
	cr_assert_str_eq(trap_info_check(&e), "unknown flag bits");
}

Test(trap_table_check, a_whole_table_of_good_entries_passes)
{
	struct pv_trap_info t[3] = { good(), good(), good() };
	t[0].vector = 0;
	t[1].vector = 3;
	t[2].vector = 0x80;
	cr_assert_null(trap_table_check(t, 3));
	cr_assert_null(trap_table_check(t, 0), "an empty table empties the virtual IDT");
}

Test(trap_table_check, a_vector_given_twice_is_refused)
{
	struct pv_trap_info t[3] = { good(), good(), good() };
	t[0].vector = 3;
	t[1].vector = 6;
	t[2].vector = 3;
	cr_assert_str_eq(trap_table_check(t, 3), "vector given twice");
}

Test(trap_table_check, one_bad_entry_anywhere_refuses_the_table)
{
	struct pv_trap_info t[4] = { good(), good(), good(), good() };
	for (unsigned i = 0; i < 4; i++)
		t[i].vector = (uint8_t)(32 + i);
	t[3].address = PV_HV_START;
	cr_assert_not_null(trap_table_check(t, 4));
	cr_assert_null(trap_table_check(t, 3));
}
