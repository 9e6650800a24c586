/* trap_table_check.h: is a guest's virtual IDT entry acceptable? Pure C. */
#ifndef HV_HC_TRAP_TABLE_CHECK_H
#define HV_HC_TRAP_TABLE_CHECK_H

#include <pv/trap.h>
#include <stdbool.h>

/* Vectors hv keeps for itself: NMI, double fault, machine check, the hypercall. */
bool trap_vector_reserved(uint32_t vector);

/* NULL if entry may go into a virtual IDT, else why not. Checks the vector, the
 * flags, that cs is the guest kernel code selector (never ring 0) and that the
 * handler lies below PV_HV_START. */
const char *trap_info_check(const struct pv_trap_info *entry);

/* NULL if all count entries may form a virtual IDT together: each passes
 * trap_info_check and no vector appears twice. count must be at most
 * PV_TRAP_TABLE_MAX (the caller checked it). */
const char *trap_table_check(const struct pv_trap_info *entries, uint32_t count);

#endif
