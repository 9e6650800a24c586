/* emulate_cli_gp.c: the #GP hook of the emulate=1 teaching mode (emulate_cli.h). */
#include "arch/emulate_cli.h"
#include "dom/domain.h"
#include "mm/guest_copy.h"

bool emulate_cli(struct cpu_regs *regs)
{
	uint8_t opcode;
	/* Every other domain pays one compare: the mode is off unless asked for. */
	if (!current->config.emulate_cli)
		return false;
	/* EIP is the guest's word: fetch the byte through the checked copy, once. */
	if (copy_from_guest(&opcode, regs->eip, sizeof(opcode)))
		return false;
	return emulate_cli_apply(regs, opcode, &current->shared->vcpu[0]) != EMULATE_NONE;
}
