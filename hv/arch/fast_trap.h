/* fast_trap.h: a guest's system calls, straight from ring 3 to ring 1.
 *
 * Normally every trap enters hv, which bounces it to the guest. For INT 0x80, the
 * system-call vector of most small kernels, that costs a trip through hv that
 * nothing needs: hv can instead point the real IDT's gate 0x80 at the guest
 * kernel's handler (a DPL-3 trap gate into PV_SEL_KERNEL_CS) and put the kernel's
 * stack into the TSS's ring-1 slot. The CPU then switches from ring 3 to ring 1
 * by itself, as Xen's "fast trap" does. It is only done when it gives the same
 * result as a bounce:
 *  - the guest registered vector 0x80 with DPL 3 and without PV_TRAP_MASK_EVENTS
 *    (a trap gate cannot mask events);
 *  - the guest has a kernel stack (stack_switch);
 *  - the domain did not ask for fasttrap=off.
 * Frames agree because a software interrupt (vector 32 and up) is always
 * delivered without an error-code slot, bounced or direct. The gate and the TSS
 * slot are the running domain's: they are rewritten at every domain switch and
 * whenever that domain changes its trap table or kernel stack. */
#ifndef HV_ARCH_FAST_TRAP_H
#define HV_ARCH_FAST_TRAP_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/vtrap.h"

#define FAST_TRAP_VECTOR 0x80u

struct domain;

/* May this virtual IDT entry be entered directly? Pure C. */
bool fast_trap_eligible(const struct vtrap *vt, uint32_t kernel_ss, uint32_t enabled);

/* Make the real gate and the TSS's ring-1 stack match domain d. */
void fast_trap_sync(const struct domain *d);

#endif
