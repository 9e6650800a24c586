/* hypercall_page.c: the stubs hv writes into each guest's hypercall page. Pure C. */
#include "hc/hypercall_page.h"

#include <pv/abi_gen.h>
#include <pv/layout.h>

void hypercall_slot_encode(uint8_t *slot, uint32_t nr, enum hc_transport transport)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < PV_HYPERCALL_SLOT_SIZE; i++)
		slot[i] = 0xCC; /* int3 */

	slot[n++] = 0xB8; /* mov $nr, %eax */
	for (int shift = 0; shift < 32; shift += 8)
		slot[n++] = (uint8_t)(nr >> shift);
	if (transport == HC_TRANSPORT_VMCALL) {
		slot[n++] = 0x0F;
		slot[n++] = 0x01;
		slot[n++] = 0xC1;
	} else {
		slot[n++] = 0xCD;
		slot[n++] = PV_HYPERCALL_VECTOR;
	}
	if (nr == PV_HC_IRET) {
		slot[n++] = 0x0F; /* ud2: iret does not return */
		slot[n++] = 0x0B;
	} else {
		slot[n++] = 0xC3; /* ret */
	}
}

void hypercall_page_fill(uint8_t *page, enum hc_transport transport)
{
	for (uint32_t nr = 0; nr < PV_PAGE_SIZE / PV_HYPERCALL_SLOT_SIZE; nr++)
		hypercall_slot_encode(page + nr * PV_HYPERCALL_SLOT_SIZE, nr, transport);
}
