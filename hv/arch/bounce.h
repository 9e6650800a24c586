/* bounce.h: delivering a trap to the guest's own handler ("bouncing" it).
 *
 * TOUR 12: a guest kernel in ring 1 cannot own the real IDT, so every fault lands
 * in hv first. hv then does what the CPU would have done had the guest's virtual
 * IDT been real: it pushes a struct pv_bounce_frame (pv/trap.h) on the guest's
 * ring-1 stack and resumes the guest at its handler. The handler returns with the
 * iret hypercall. No handler, or a stack hv cannot push onto, kills the domain. */
#ifndef HV_ARCH_BOUNCE_H
#define HV_ARCH_BOUNCE_H

#include <pv/trap.h>
#include <stdbool.h>
#include <stdint.h>

#include "arch/regs.h"
#include "arch/vtrap.h"

/* Vectors below this are exceptions, whose frames carry an error-code slot (0 when
 * the CPU gives none); a software interrupt to a higher vector has no such slot,
 * exactly like the frame a CPU gate pushes (which the fast trap relies on). */
#define BOUNCE_FIRST_SOFT_VECTOR 32u

/* Not a real vector: the event upcall (ev/evtchn.c), framed like a software
 * interrupt, named in a kill report as "the event upcall". */
#define BOUNCE_EVENT_UPCALL 256u

/* Where a bounce goes and what it pushes, computed without side effects. */
struct bounce_plan {
	struct pv_bounce_frame frame; /* what goes on the guest stack */
	uint32_t frame_size;	      /* 24, or 20 without the error-code slot */
	uint32_t frame_addr;	      /* where: the new guest ESP */
	uint32_t ss;		      /* the handler's stack selector */
	uint32_t handler_cs, handler_eip;
	uint32_t eflags; /* the real EFLAGS the handler starts with */
	int mask_events; /* set upcall_mask on entry */
};

/* Plan a bounce of (vector, error_code) for a guest frame, or return a reason it
 * cannot be done (no handler, no kernel stack). Pure: unit-tested on the host. */
const char *bounce_plan_make(const struct cpu_regs *regs, uint32_t vector, uint32_t error_code,
			     const struct vtrap *vt, uint32_t kernel_ss, uint32_t kernel_esp,
			     int events_masked, struct bounce_plan *plan);

/* Bounce (vector, error_code) into the current domain, or kill it. */
void bounce_trap(struct cpu_regs *regs, uint32_t vector, uint32_t error_code);

/* Enter the current domain at eip (ring 1, PV_SEL_KERNEL_CS) as if through a gate
 * with PV_TRAP_MASK_EVENTS: a frame with the interrupted EIP, CS, EFLAGS (virtual
 * IF as it is now), ESP and SS, and events masked on entry. vector chooses the frame
 * layout (>= BOUNCE_FIRST_SOFT_VECTOR: no error-code slot) and names the delivery
 * in a kill report. Returns false if the domain was killed (no usable stack). */
bool bounce_to_address(struct cpu_regs *regs, uint32_t eip, uint32_t vector);

#endif
