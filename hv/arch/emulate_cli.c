/* emulate_cli.c: recognising a CLI or STI in a #GP and applying it to the virtual
 * IF. Pure C: the caller fetches the byte and names the vcpu (emulate_cli_gp.c). */
#include "arch/emulate_cli.h"

#define GUEST_KERNEL_RING 1u

enum emulate_cli_op emulate_cli_decode(uint32_t ring, uint32_t error_code, uint8_t opcode)
{
	if (ring != GUEST_KERNEL_RING || error_code != 0)
		return EMULATE_NONE;
	if (opcode == EMULATE_CLI_OPCODE)
		return EMULATE_CLI;
	if (opcode == EMULATE_STI_OPCODE)
		return EMULATE_STI;
	return EMULATE_NONE;
}

enum emulate_cli_op emulate_cli_apply(struct cpu_regs *regs, uint8_t opcode,
				      struct pv_vcpu_info *vcpu)
{
	enum emulate_cli_op op = emulate_cli_decode(regs_ring(regs), regs->error_code, opcode);
	if (op == EMULATE_NONE)
		return op;
	/* What the lecture's VMM does: the flag in the VM's own structure changes, the
	 * real one does not. upcall_mask is the virtual IF inverted. */
	vcpu->upcall_mask = op == EMULATE_CLI ? 1 : 0;
	regs->eip += EMULATE_CLI_LENGTH;
	return op;
}
