/* m2p.c: the machine-to-pseudo-physical table, which guests may read. */
#include "mm/m2p.h"

#include <pv/mm.h>

#include "mm/paging.h"

#define M2P_ENTRIES (HV_DIRECTMAP_LIMIT / PAGE_SIZE)
_Static_assert(M2P_ENTRIES == PV_M2P_ENTRIES, "the ABI publishes the M2P table's size");
#define M2P_PAGES (M2P_ENTRIES * 4 / PAGE_SIZE)

static uint32_t m2p[M2P_ENTRIES] __attribute__((aligned(PAGE_SIZE)));
static uint32_t m2p_l1[PD_ENTRIES] __attribute__((aligned(PAGE_SIZE)));

_Static_assert(M2P_PAGES <= PD_ENTRIES, "the M2P table fits one page table");

void m2p_init(void)
{
	for (uint32_t mfn = 0; mfn < M2P_ENTRIES; mfn++)
		m2p[mfn] = PV_M2P_INVALID;
	for (uint32_t i = 0; i < M2P_PAGES; i++)
		m2p_l1[i] = virt_to_phys((const char *)m2p + i * PAGE_SIZE) | PTE_P;
}

void m2p_set(uint32_t mfn, uint32_t pfn)
{
	if (mfn < M2P_ENTRIES)
		m2p[mfn] = pfn;
}

uint32_t m2p_pde(void)
{
	return virt_to_phys(m2p_l1) | PDE_P;
}
