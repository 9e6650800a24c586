/* emulate_cli.h: CLI and STI, trapped and emulated on the virtual IF (emulate=1).
 *
 * This is the lecture's trap-and-emulate example, done literally. A pv32 guest
 * does not execute CLI and STI. Its virtual interrupt flag is vcpu[0].upcall_mask
 * in shared_info, and it masks and unmasks events with plain stores
 * (pv_events_mask() and pv_events_unmask() in pv/guest.h). A kernel written for
 * bare metal does execute them, and in ring 1 with IOPL 0 each one raises #GP(0).
 * For a domain started with emulate=1, hv then does what the lecture's VMM does:
 * it reads the instruction at EIP, and if it is CLI (FA) or STI (FB) it sets or
 * clears the domain's virtual IF (upcall_mask = 1 or 0) and resumes the guest at
 * the next instruction. The real IF stays set, so the PIT's interrupts keep
 * reaching hv. While the virtual IF is clear, hv simply holds events back from
 * the guest.
 *
 * It is for teaching only (docs/virtual-if.md). Every emulated instruction is a
 * trip through hv that costs about a hundred times the store it stands for (make
 * bench). Without emulate=1, the default, CLI and STI stay #GP and are reflected to
 * the guest's own handler like any other fault (tests/guests/hostile-privileged).
 *
 * What hv emulates, and what it leaves alone:
 *  - Only ring 1, the guest kernel. A guest's ring 3 runs at virtual CPL 3 with
 *    IOPL 0, where a real CPU faults too, so the #GP goes to the guest kernel.
 *  - Only a #GP with error code 0, which is what CLI and STI raise.
 *  - Only the bare one-byte instruction. A prefixed one (66 FA, say) is legal but
 *    pointless, is not decoded, and stays a #GP.
 *  - Not STI's one-instruction interrupt shadow: a waiting event is delivered on
 *    the way back from the emulation, before the instruction after STI runs. */
#ifndef HV_ARCH_EMULATE_CLI_H
#define HV_ARCH_EMULATE_CLI_H

#include <pv/shared_info.h>
#include <stdbool.h>
#include <stdint.h>

#include "arch/regs.h"

#define EMULATE_CLI_OPCODE 0xFAu
#define EMULATE_STI_OPCODE 0xFBu
#define EMULATE_CLI_LENGTH 1u /* both are one byte */

enum emulate_cli_op {
	EMULATE_NONE = 0, /* not ours: the #GP goes to the guest */
	EMULATE_CLI,
	EMULATE_STI,
};

/* Which instruction raised a #GP with error_code in ring, given the first byte at
 * its EIP. Pure C. */
enum emulate_cli_op emulate_cli_decode(uint32_t ring, uint32_t error_code, uint8_t opcode);

/* Emulate the #GP in regs, whose instruction starts with opcode, on vcpu's virtual
 * IF: decode it, and if it is CLI or STI set or clear vcpu->upcall_mask and step
 * EIP past it. Returns what it emulated; on EMULATE_NONE nothing changed. Pure C. */
enum emulate_cli_op emulate_cli_apply(struct cpu_regs *regs, uint8_t opcode,
				      struct pv_vcpu_info *vcpu);

/* The #GP hook (emulate_cli_gp.c): if the current domain asked for emulate=1 and
 * the #GP in regs is its CLI or STI, emulate it and return true. Otherwise return
 * false, having changed nothing, and the caller reflects the #GP as usual. */
bool emulate_cli(struct cpu_regs *regs);

#endif
