/* bounce.c: delivering a trap to the current domain's own handler. */
#include "arch/bounce.h"

#include "dom/domain.h"
#include "mm/guest_copy.h"

static const char *const vector_names[32] = {
	"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "CSO", "#TS",
	"#NP", "#SS", "#GP", "#PF", "?",   "#MF", "#AC", "#MC", "#XM", "#VE",
};

static const char *vector_name(uint32_t vector)
{
	return vector < 32 && vector_names[vector] ? vector_names[vector] : "int";
}

void bounce_trap(struct cpu_regs *regs, uint32_t vector, uint32_t error_code)
{
	struct domain *d = current;
	struct pv_vcpu_info *vcpu = &d->shared->vcpu[0];
	struct bounce_plan plan;

	const char *why = bounce_plan_make(regs, vector, error_code, &d->vidt[vector], d->kernel_ss,
					   d->kernel_esp, vcpu->upcall_mask, &plan);
	if (why) {
		domain_kill(d, regs, "%s for vector %u (%s)", why, vector, vector_name(vector));
		return;
	}
	const uint8_t *frame = (const uint8_t *)&plan.frame + sizeof(plan.frame) - plan.frame_size;
	if (copy_to_guest(plan.frame_addr, frame, plan.frame_size)) {
		domain_kill(d, regs, "cannot push the bounce frame for vector %u (%s) at %08x",
			    vector, vector_name(vector), plan.frame_addr);
		return;
	}

	regs->eip = plan.handler_eip;
	regs->cs = plan.handler_cs;
	regs->eflags = plan.eflags;
	regs->esp = plan.frame_addr;
	regs->ss = plan.ss;
	if (plan.mask_events)
		vcpu->upcall_mask = 1;
}
