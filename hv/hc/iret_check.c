/* iret_check.c: turning a guest's iret frame into something safe to resume. */
#include "hc/iret_check.h"

#include <pv/layout.h>

const char *iret_frame_sanitize(struct pv_iret_frame *frame)
{
	uint32_t cs = frame->cs & 0xFFFF, ss = frame->ss & 0xFFFF;
	if ((cs & 3) == 0)
		cs |= 1;
	if ((ss & 3) == 0)
		ss |= 1;

	int kernel = cs == PV_SEL_KERNEL_CS && ss == PV_SEL_KERNEL_DS;
	int user = cs == PV_SEL_USER_CS && ss == PV_SEL_USER_DS;
	if (!kernel && !user)
		return "iret frame: selectors are not a guest kernel or user pair";
	if (frame->eip >= PV_HV_START)
		return "iret frame: eip inside hv";

	frame->cs = cs;
	frame->ss = ss;
	frame->eflags = (frame->eflags & (PV_EFLAGS_GUEST_MASK | PV_EFLAGS_IF)) | PV_EFLAGS_FIXED;
	return 0;
}
