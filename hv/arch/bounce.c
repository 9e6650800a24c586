/* bounce.c: delivering a trap to the current domain's own handler. */
#include "arch/bounce.h"

#include <pv/layout.h>

#include "dom/domain.h"
#include "lib/printf.h"
#include "mm/guest_copy.h"

static const char *const vector_names[32] = {
	"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "CSO", "#TS",
	"#NP", "#SS", "#GP", "#PF", "?",   "#MF", "#AC", "#MC", "#XM", "#VE",
};

static const char *vector_name(uint32_t vector)
{
	return vector < 32 && vector_names[vector] ? vector_names[vector] : "int";
}

/* Kill the current domain because a bounce of vector could not be done: why, or
 * (why NULL) the frame could not be pushed at frame_addr. */
static void bounce_failed(struct cpu_regs *regs, uint32_t vector, const char *why,
			  uint32_t frame_addr)
{
	char what[32];
	if (vector == BOUNCE_EVENT_UPCALL)
		snprintf(what, sizeof(what), "the event upcall");
	else
		snprintf(what, sizeof(what), "vector %u (%s)", vector, vector_name(vector));
	if (why)
		domain_kill(current, regs, "%s for %s", why, what);
	else
		domain_kill(current, regs, "cannot push the bounce frame for %s at %08x", what,
			    frame_addr);
}

/* Push the frame vt and vector call for and resume the current domain in vt's
 * handler. Returns false if the domain was killed instead. */
static bool bounce_via(struct cpu_regs *regs, uint32_t vector, uint32_t error_code,
		       const struct vtrap *vt)
{
	struct domain *d = current;
	struct pv_vcpu_info *vcpu = &d->shared->vcpu[0];
	struct bounce_plan plan;

	const char *why = bounce_plan_make(regs, vector, error_code, vt, d->kernel_ss,
					   d->kernel_esp, vcpu->upcall_mask, &plan);
	if (why) {
		bounce_failed(regs, vector, why, 0);
		return false;
	}
	const uint8_t *frame = (const uint8_t *)&plan.frame + sizeof(plan.frame) - plan.frame_size;
	if (copy_to_guest(plan.frame_addr, frame, plan.frame_size)) {
		bounce_failed(regs, vector, 0, plan.frame_addr);
		return false;
	}

	regs->eip = plan.handler_eip;
	regs->cs = plan.handler_cs;
	regs->eflags = plan.eflags;
	regs->esp = plan.frame_addr;
	regs->ss = plan.ss;
	if (plan.mask_events)
		vcpu->upcall_mask = 1;
	return true;
}

void bounce_trap(struct cpu_regs *regs, uint32_t vector, uint32_t error_code)
{
	bounce_via(regs, vector, error_code, &current->vidt[vector]);
}

bool bounce_to_address(struct cpu_regs *regs, uint32_t eip, uint32_t vector)
{
	const struct vtrap vt = { .address = eip,
				  .cs = PV_SEL_KERNEL_CS,
				  .flags = PV_TRAP_MASK_EVENTS };
	return bounce_via(regs, vector, 0, &vt);
}
