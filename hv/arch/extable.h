/* extable.h: the exception table, hv's list of instructions allowed to fault.
 *
 * Each entry pairs an instruction address with where to continue if it faults.
 * Only the pops and IRET at the end of trap_entry.S are listed: they load a
 * guest's saved selectors and frame, which could be bad. (Guest pointers never
 * fault: hv checks them with a software page walk before touching them.) Any
 * other fault in ring 0 is an hv bug. */
#ifndef HV_ARCH_EXTABLE_H
#define HV_ARCH_EXTABLE_H

#include <stdint.h>

/* The fixup address for a faulting instruction, or 0 if it has none. */
uint32_t extable_fixup(uint32_t fault_eip);

#endif
