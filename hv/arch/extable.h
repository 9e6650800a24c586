/* extable.h: the exception table, hv's list of instructions allowed to fault.
 *
 * Each entry pairs an instruction address with where to continue if it faults.
 * Only two kinds of instruction are listed: the copy in copy_raw.S (a guest pointer
 * was bad) and the pops and IRET at the end of trap_entry.S (a guest's saved
 * selectors or frame were bad). Any other fault in ring 0 is an hv bug. */
#ifndef HV_ARCH_EXTABLE_H
#define HV_ARCH_EXTABLE_H

#include <stdint.h>

/* The fixup address for a faulting instruction, or 0 if it has none. */
uint32_t extable_fixup(uint32_t fault_eip);

#endif
