/* bounce_plan.c: what a trap bounce pushes and where, decided without side effects.
 *
 * Pure C, shared by hv and the host unit tests. The only inputs are the trapped
 * frame, the virtual IDT entry and the kernel stack from stack_switch. */
#include <pv/layout.h>

#include "arch/bounce.h"

/* Real EFLAGS bits a handler never starts with: single-step, nested task,
 * resume, virtual-8086 mode. IOPL is always 0 already; IF is always 1 in guests. */
#define EFLAGS_CLEARED_ON_ENTRY \
	(PV_EFLAGS_TF | PV_EFLAGS_NT | PV_EFLAGS_RF | PV_EFLAGS_VM | PV_EFLAGS_IOPL)

const char *bounce_plan_make(const struct cpu_regs *regs, uint32_t vector, uint32_t error_code,
			     const struct vtrap *vt, uint32_t kernel_ss, uint32_t kernel_esp,
			     int events_masked, struct bounce_plan *plan)
{
	if (!vt->address)
		return "no handler registered";

	uint32_t ring = regs->cs & 3;
	uint32_t stack_ss = regs->ss, stack_esp = regs->esp;
	if (ring == 3) {
		if (!kernel_ss)
			return "trap from ring 3 but no kernel stack (stack_switch)";
		stack_ss = kernel_ss;
		stack_esp = kernel_esp;
	}
	uint32_t size = sizeof(struct pv_bounce_frame);
	if (vector >= BOUNCE_FIRST_SOFT_VECTOR)
		size -= sizeof(plan->frame.error_code);
	if (stack_esp < size || stack_esp > PV_HV_START)
		return "ring-1 stack pointer out of range";

	plan->frame.error_code = error_code;
	plan->frame.eip = regs->eip;
	plan->frame.cs = regs->cs & 0xFFFF;
	/* The guest sees its virtual IF, not the real one (which is always set). */
	plan->frame.eflags = (regs->eflags & ~(PV_EFLAGS_IF | PV_EFLAGS_IOPL)) |
			     (events_masked ? 0 : PV_EFLAGS_IF);
	plan->frame.esp = regs->esp;
	plan->frame.ss = regs->ss & 0xFFFF;

	plan->frame_size = size;
	plan->frame_addr = stack_esp - size;
	plan->ss = stack_ss;
	plan->handler_cs = vt->cs;
	plan->handler_eip = vt->address;
	plan->eflags = (regs->eflags & ~EFLAGS_CLEARED_ON_ENTRY) | PV_EFLAGS_IF | PV_EFLAGS_FIXED;
	plan->mask_events = (vt->flags & PV_TRAP_MASK_EVENTS) != 0;
	return 0;
}
