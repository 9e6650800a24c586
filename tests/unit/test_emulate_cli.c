/* test_emulate_cli.c: which #GP faults are a guest kernel's CLI or STI, and what
 * emulating one changes (emulate=1). */
#include <criterion/criterion.h>
#include <pv/layout.h>
#include <string.h>

#include "arch/emulate_cli.h"

#define EIP 0xC0001234u

/* A #GP(0) from the guest kernel (ring 1) at EIP, with every other field marked. */
static struct cpu_regs gp_from(uint32_t cs, uint32_t error_code)
{
	struct cpu_regs r;
	memset(&r, 0x5A, sizeof(r));
	r.vector = 13;
	r.error_code = error_code;
	r.eip = EIP;
	r.cs = cs;
	return r;
}

Test(emulate_cli, decodes_bare_cli_and_sti_from_ring_1)
{
	cr_assert_eq(emulate_cli_decode(1, 0, 0xFA), EMULATE_CLI);
	cr_assert_eq(emulate_cli_decode(1, 0, 0xFB), EMULATE_STI);
}

Test(emulate_cli, other_instructions_are_not_ours)
{
	const uint8_t others[] = { 0xF4 /* hlt */,
				   0x0F /* mov cr, lgdt, ... */,
				   0xE6 /* out */,
				   0x66 /* a prefix, even before FA */,
				   0xCD /* int n */,
				   0x9D /* popf */,
				   0x00,
				   0xFF };
	for (size_t i = 0; i < sizeof(others); i++)
		cr_assert_eq(emulate_cli_decode(1, 0, others[i]), EMULATE_NONE, "opcode %02x",
			     others[i]);
}

Test(emulate_cli, only_the_guest_kernel_ring)
{
	cr_assert_eq(emulate_cli_decode(3, 0, 0xFA), EMULATE_NONE, "ring 3 faults, as on a CPU");
	cr_assert_eq(emulate_cli_decode(3, 0, 0xFB), EMULATE_NONE);
	cr_assert_eq(emulate_cli_decode(2, 0, 0xFA), EMULATE_NONE);
	cr_assert_eq(emulate_cli_decode(0, 0, 0xFA), EMULATE_NONE, "hv's own faults are not");
}

Test(emulate_cli, only_an_error_code_of_zero)
{
	/* A #GP naming an IDT entry or a selector is another fault, whatever the byte. */
	cr_assert_eq(emulate_cli_decode(1, 0x80 * 8 + 2, 0xFA), EMULATE_NONE);
	cr_assert_eq(emulate_cli_decode(1, 0x10, 0xFB), EMULATE_NONE);
	cr_assert_eq(emulate_cli_decode(1, 1, 0xFA), EMULATE_NONE);
}

Test(emulate_cli, cli_masks_events_and_steps_over_one_byte)
{
	struct cpu_regs r = gp_from(PV_SEL_KERNEL_CS, 0), want = r;
	struct pv_vcpu_info vcpu = { .upcall_pending = 1, .upcall_mask = 0 };
	cr_assert_eq(emulate_cli_apply(&r, 0xFA, &vcpu), EMULATE_CLI);
	cr_assert_eq(vcpu.upcall_mask, 1);
	cr_assert_eq(vcpu.upcall_pending, 1, "a waiting event stays pending");
	want.eip = EIP + 1;
	cr_assert_eq(memcmp(&r, &want, sizeof(r)), 0, "only EIP moved");
}

Test(emulate_cli, sti_unmasks_events)
{
	struct cpu_regs r = gp_from(PV_SEL_KERNEL_CS, 0);
	struct pv_vcpu_info vcpu = { .upcall_mask = 1 };
	cr_assert_eq(emulate_cli_apply(&r, 0xFB, &vcpu), EMULATE_STI);
	cr_assert_eq(vcpu.upcall_mask, 0);
	cr_assert_eq(r.eip, EIP + 1);
}

Test(emulate_cli, repeated_cli_or_sti_is_idempotent)
{
	struct cpu_regs r = gp_from(PV_SEL_KERNEL_CS, 0);
	struct pv_vcpu_info vcpu = { .upcall_mask = 1 };
	cr_assert_eq(emulate_cli_apply(&r, 0xFA, &vcpu), EMULATE_CLI);
	cr_assert_eq(vcpu.upcall_mask, 1);
	cr_assert_eq(emulate_cli_apply(&r, 0xFB, &vcpu), EMULATE_STI);
	cr_assert_eq(emulate_cli_apply(&r, 0xFB, &vcpu), EMULATE_STI);
	cr_assert_eq(vcpu.upcall_mask, 0);
	cr_assert_eq(r.eip, EIP + 3);
}

Test(emulate_cli, anything_else_changes_nothing)
{
	struct {
		uint32_t cs, error_code;
		uint8_t opcode;
	} cases[] = {
		{ PV_SEL_USER_CS, 0, 0xFA },	  /* from ring 3 */
		{ PV_SEL_KERNEL_CS, 0x10, 0xFA }, /* another #GP */
		{ PV_SEL_KERNEL_CS, 0, 0xF4 },	  /* hlt */
		{ PV_SEL_KERNEL_CS, 0x82 * 8 + 2, 0xFB },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cpu_regs r = gp_from(cases[i].cs, cases[i].error_code), before = r;
		struct pv_vcpu_info vcpu = { .upcall_pending = 1, .upcall_mask = 1 },
				    vbefore = vcpu;
		cr_assert_eq(emulate_cli_apply(&r, cases[i].opcode, &vcpu), EMULATE_NONE,
			     "case %zu", i);
		cr_assert_eq(memcmp(&r, &before, sizeof(r)), 0, "case %zu: regs changed", i);
		cr_assert_eq(memcmp(&vcpu, &vbefore, sizeof(vcpu)), 0, "case %zu: vcpu changed", i);
	}
}
