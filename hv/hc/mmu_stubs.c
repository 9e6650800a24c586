/* mmu_stubs.c: placeholders for hypercalls whose handlers are being written.
 * Each answers -PV_ENOSYS, the ABI's "not implemented yet". */
#include <pv/abi_gen.h>

#include "hc/hc_handlers.h"

long hc_set_gdt(guest_addr_t frames, uint32_t entries)
{
	return -PV_ENOSYS;
}

long hc_update_descriptor(uint32_t maddr, uint32_t lo, uint32_t hi)
{
	return -PV_ENOSYS;
}
