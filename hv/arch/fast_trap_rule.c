/* fast_trap_rule.c: when a system call may skip hv. Pure C. */
#include <pv/layout.h>
#include <pv/trap.h>

#include "arch/fast_trap.h"

bool fast_trap_eligible(const struct vtrap *vt, uint32_t kernel_ss, uint32_t enabled)
{
	return enabled && vt->address && vt->cs == PV_SEL_KERNEL_CS &&
	       (vt->flags & PV_TRAP_DPL_MASK) == 3 && !(vt->flags & PV_TRAP_MASK_EVENTS) &&
	       kernel_ss == PV_SEL_KERNEL_DS;
}
