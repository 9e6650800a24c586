/* iret.c: the iret hypercall, a guest's return from a bounced trap.
 *
 * TOUR 13: the way back from a bounced trap.
 * A ring-1 kernel cannot IRET to itself through hv's frames, and a plain IRET would
 * not restore the virtual IF. So the guest leaves a struct pv_iret_frame on its
 * stack and asks hv to resume it. hv reads the frame once, sanitises it
 * (iret_check.c), and rewrites the trapped frame so that hv's own IRET lands where
 * the guest asked, with the virtual IF the frame names. */
#include <pv/trap.h>

#include "arch/regs.h"
#include "dom/domain.h"
#include "hc/hc_handlers.h"
#include "hc/iret_check.h"
#include "mm/guest_copy.h"

long hc_iret(void)
{
	struct cpu_regs *regs = guest_frame();
	struct pv_iret_frame frame;

	/* Decode. A frame that cannot be used is a broken protocol: the guest has
	 * already unwound its handler and has nowhere sensible to continue. */
	if (copy_from_guest(&frame, regs->esp, sizeof(frame))) {
		domain_kill(current, regs, "iret frame unreadable at %08x", regs->esp);
		return 0;
	}
	const char *why = iret_frame_sanitize(&frame);
	if (why) {
		domain_kill(current, regs, "%s", why);
		return 0;
	}

	/* Apply. The dispatcher stores our result in EAX: the frame's EAX. */
	current->shared->vcpu[0].upcall_mask = (frame.eflags & PV_EFLAGS_IF) ? 0 : 1;
	regs->eip = frame.eip;
	regs->cs = frame.cs;
	regs->eflags = frame.eflags | PV_EFLAGS_IF;
	regs->esp = frame.esp;
	regs->ss = frame.ss;
	return (long)frame.eax;
}
