/* iret_check.h: turning a guest's iret frame into something safe to resume. Pure C. */
#ifndef HV_HC_IRET_CHECK_H
#define HV_HC_IRET_CHECK_H

#include <pv/trap.h>

/* Sanitise frame in place: a requested RPL 0 becomes RPL 1 on both selectors, and
 * EFLAGS keeps only the bits in PV_EFLAGS_GUEST_MASK plus IF and the fixed bit 1
 * (IOPL, NT, RF and VM are cleared). Returns NULL, or why the frame cannot be
 * resumed at all: selectors that are not a guest kernel or user pair, or an EIP at
 * or above PV_HV_START. The IF bit left in frame->eflags is the requested virtual
 * IF; the real IF is always set by the caller. */
const char *iret_frame_sanitize(struct pv_iret_frame *frame);

#endif
