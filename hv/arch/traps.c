/* traps.c: what hv does with each trap, after trap_entry.S saved the frame.
 *
 * TOUR 8: trap_entry() sorts traps into four kinds.
 *  - Hypercalls: the int 0x82 gate, or a VMCALL that raised #UD in ring 1.
 *  - A guest's INT n for a vector of its own virtual IDT: it reaches hv as #GP
 *    and is delivered as vector n (soft_int.h).
 *  - Faults in hv itself (ring 0): only instructions in the exception table may
 *    fault, and they resume at their fixup; anything else is an hv bug: panic.
 *  - Faults and traps of the guest: bounced to the guest's own handler (bounce.c).
 *  - Device interrupts: the PIT's tick (ev/tick.c), which may also preempt.
 * Then sched_before_return() may swap the frame for another domain's. */
#include <pv/layout.h>
#include <stdbool.h>

#include "arch/bounce.h"
#include "arch/cpu.h"
#include "arch/emulate_cli.h"
#include "arch/extable.h"
#include "arch/regs.h"
#include "arch/soft_int.h"
#include "dom/domain.h"
#include "dom/sched.h"
#include "ev/tick.h"
#include "hc/dispatch.h"
#include "lib/panic.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "mm/guest_copy.h"

#define VEC_NMI 2
#define VEC_UD 6
#define VEC_DF 8
#define VEC_GP 13
#define VEC_PF 14
#define VEC_MC 18
#define VEC_IRQ_FIRST 0x20
#define VEC_TIMER 0x20 /* IRQ 0, the PIT */
#define VEC_IRQ_LAST 0x2F

extern char entry_stack[], entry_stack_top[];

struct cpu_regs *guest_frame(void)
{
	return (struct cpu_regs *)((uintptr_t)entry_stack_top - sizeof(struct cpu_regs));
}

/* Is the #UD at the frame's EIP a VMCALL (0F 01 C1)? */
static int is_vmcall(const struct cpu_regs *regs)
{
	uint8_t insn[3];
	if (copy_from_guest(insn, regs->eip, sizeof(insn)))
		return 0;
	return insn[0] == 0x0F && insn[1] == 0x01 && insn[2] == 0xC1;
}

/* A #GP that is really the guest's INT n for a vector it registered: deliver it
 * as that vector (soft_int.h). Returns true if it did. */
static bool bounce_soft_int(struct cpu_regs *regs)
{
	int vector = soft_int_vector(regs->error_code);
	uint8_t insn[INT_N_LENGTH];
	if (vector < 0 || copy_from_guest(insn, regs->eip, sizeof(insn)) ||
	    !soft_int_allowed((uint32_t)vector, &current->vidt[vector], regs_ring(regs), insn))
		return false;
	regs->eip += INT_N_LENGTH;
	bounce_trap(regs, (uint32_t)vector, 0);
	return true;
}

/* A fault while hv itself ran: fix it up if the instruction is allowed to fault. */
static void hv_fault(struct cpu_regs *regs)
{
	uint32_t fixup = extable_fixup(regs->eip);
	if (fixup) {
		regs->eip = fixup;
		return;
	}
	panic("vector %u error 0x%x in hv at eip %08x (cr2 %08x)", regs->vector, regs->error_code,
	      regs->eip, read_cr2());
}

/* Entered from trap_common with the saved frame, on hv's stack and page directory;
 * trap_common then returns to the guest through return_to_guest. */
void trap_entry(struct cpu_regs *regs)
{
	uint32_t vector = regs->vector;

	if (regs_ring(regs) == 0) {
		if (vector == VEC_TIMER)
			tick_handle(); /* hv was idle, waiting for a domain to wake */
		else if (!(vector >= VEC_IRQ_FIRST && vector <= VEC_IRQ_LAST))
			hv_fault(regs);
		return; /* back into hv: never a scheduling point */
	}

	if (vector == PV_HYPERCALL_VECTOR) {
		hc_dispatch(regs);
	} else if (vector == VEC_UD && regs_ring(regs) == 1 && is_vmcall(regs)) {
		regs->eip += 3;
		hc_dispatch(regs);
	} else if (vector == VEC_PF) {
		current->shared->vcpu[0].cr2 = read_cr2();
		bounce_trap(regs, vector, regs->error_code);
	} else if (vector == VEC_NMI || vector == VEC_DF || vector == VEC_MC) {
		panic("hardware exception %u while a guest ran", vector);
	} else if (vector == VEC_GP && bounce_soft_int(regs)) {
		/* delivered as the INT n the guest asked for */
	} else if (vector == VEC_GP && emulate_cli(regs)) {
		/* CLI or STI of an emulate=1 domain, done on its virtual IF */
	} else if (vector == VEC_TIMER) {
		tick_handle();
	} else if (vector >= VEC_IRQ_FIRST && vector <= VEC_IRQ_LAST) {
		/* Masked at the PIC; a spurious IRQ 7 or 15 can still arrive. Ignore it. */
	} else {
		/* Every other exception is the guest's own business, VMCALL from ring 3
		 * included: there it is just an invalid opcode, as on real hardware. */
		bounce_trap(regs, vector, regs->error_code);
	}
	sched_before_return(regs);
}

/* exit_path_fault in trap_entry.S lands here, on hv's stack: a guest's saved
 * selectors or return frame could not be loaded. The domain is beyond repair; run
 * someone else. The fault's own frame went onto the entry stack, below (and over
 * part of) the guest frame, so the register report is partly stale, and the
 * entry stack is wiped before another guest could read what was left there. */
__attribute__((noreturn)) void return_to_guest(void);

__attribute__((noreturn)) void exit_path_fault_kill(void)
{
	struct cpu_regs *frame = guest_frame();
	domain_kill(current, frame, "its saved state could not be restored on return");
	memset(entry_stack, 0, (uintptr_t)frame - (uintptr_t)entry_stack);
	sched_before_return(frame);
	return_to_guest();
}
