/* trap_table_check.c: is a guest's virtual IDT entry acceptable? Pure C. */
#include "hc/trap_table_check.h"

#include <pv/layout.h>

bool trap_vector_reserved(uint32_t vector)
{
	return vector == 2 || vector == 8 || vector == 18 || vector == PV_HYPERCALL_VECTOR;
}

const char *trap_info_check(const struct pv_trap_info *entry)
{
	if (trap_vector_reserved(entry->vector))
		return "vector is reserved by hv";
	if (entry->flags & ~PV_TRAP_FLAGS_VALID)
		return "unknown flag bits";
	if ((entry->cs & 3) == 0)
		return "ring-0 code selector";
	if (entry->cs != PV_SEL_KERNEL_CS)
		return "code selector is not the guest kernel's";
	if (entry->address >= PV_HV_START)
		return "handler address inside hv";
	return 0;
}

const char *trap_table_check(const struct pv_trap_info *entries, uint32_t count)
{
	bool seen[256] = { false };
	for (uint32_t i = 0; i < count; i++) {
		const char *why = trap_info_check(&entries[i]);
		if (why)
			return why;
		if (seen[entries[i].vector])
			return "vector given twice";
		seen[entries[i].vector] = true;
	}
	return 0;
}
