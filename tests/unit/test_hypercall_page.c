/* test_hypercall_page.c: the bytes hv writes into a guest's hypercall page. */
#include <criterion/criterion.h>
#include <pv/abi_gen.h>
#include <pv/layout.h>
#include <string.h>

#include "hc/hypercall_page.h"

Test(hypercall_page, int82_slot_is_mov_int_ret)
{
	uint8_t slot[PV_HYPERCALL_SLOT_SIZE];
	hypercall_slot_encode(slot, PV_HC_CONSOLE_IO, HC_TRANSPORT_INT82);
	const uint8_t expect[] = { 0xB8, PV_HC_CONSOLE_IO, 0, 0, 0, 0xCD, 0x82, 0xC3 };
	cr_assert_arr_eq(slot, expect, sizeof(expect));
}

Test(hypercall_page, vmcall_slot_is_mov_vmcall_ret)
{
	uint8_t slot[PV_HYPERCALL_SLOT_SIZE];
	hypercall_slot_encode(slot, PV_HC_VERSION, HC_TRANSPORT_VMCALL);
	const uint8_t expect[] = { 0xB8, PV_HC_VERSION, 0, 0, 0, 0x0F, 0x01, 0xC1, 0xC3 };
	cr_assert_arr_eq(slot, expect, sizeof(expect));
}

Test(hypercall_page, iret_slot_never_returns)
{
	uint8_t slot[PV_HYPERCALL_SLOT_SIZE];
	hypercall_slot_encode(slot, PV_HC_IRET, HC_TRANSPORT_INT82);
	const uint8_t expect[] = { 0xB8, PV_HC_IRET, 0, 0, 0, 0xCD, 0x82, 0x0F, 0x0B };
	cr_assert_arr_eq(slot, expect, sizeof(expect));
}

Test(hypercall_page, slot_padding_is_int3)
{
	uint8_t slot[PV_HYPERCALL_SLOT_SIZE];
	memset(slot, 0, sizeof(slot));
	hypercall_slot_encode(slot, 1, HC_TRANSPORT_VMCALL);
	for (unsigned i = 9; i < PV_HYPERCALL_SLOT_SIZE; i++)
		cr_assert_eq(slot[i], 0xCC, "byte %u", i);
}

Test(hypercall_page, every_slot_loads_its_own_number)
{
	static uint8_t page[PV_PAGE_SIZE];
	hypercall_page_fill(page, HC_TRANSPORT_INT82);
	for (uint32_t nr = 0; nr < PV_PAGE_SIZE / PV_HYPERCALL_SLOT_SIZE; nr++) {
		const uint8_t *s = page + nr * PV_HYPERCALL_SLOT_SIZE;
		uint32_t imm;
		memcpy(&imm, s + 1, 4);
		cr_assert_eq(s[0], 0xB8);
		cr_assert_eq(imm, nr);
	}
}
