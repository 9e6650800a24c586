/* pte.c: the 512 pages mm-cost remaps, and the requests that remap them.
 *
 * The pages are 2 MiB of the guest's free memory: pfns at or above
 * start_info->first_free_pfn, taken from newlib's heap with memalign so that
 * malloc never writes into them while they are read-only. Each stays mapped at
 * its boot address, virt_base + pfn * 4096, by its boot L1 entry; the benchmark
 * only toggles that entry between read-only and read-write mappings of the same
 * frame. Both are valid, and both change hv's books: read-write takes a writable
 * type reference on the frame, read-only drops it again. So every request is
 * validated and applied in full, as a real remapping would be. */
#include "mm_cost.h"

#include <malloc.h>

#define PTE_FLAGS_IGNORED (PV_PTE_A | PV_PTE_D) /* the MMU may set these itself */

/* Where the guest can read each entry: in its L1's read-only mapping. */
static const volatile uint32_t *entry_view[MM_NR_PTES];
static uint32_t entry_value[2][MM_NR_PTES]; /* [writable][i] */

/* The guest virtual address of one of the guest's own machine frames, or 0. */
static uint32_t va_of_mfn(uint32_t mfn)
{
	const struct pv_start_info *si = pv_start_info;
	const uint32_t *p2m = (const uint32_t *)si->p2m_list;
	for (uint32_t pfn = 0; pfn < si->nr_pages; pfn++)
		if (p2m[pfn] == mfn)
			return si->virt_base + pfn * PV_PAGE_SIZE;
	return 0;
}

const char *pte_setup(struct mm_remap *to_ro, struct mm_remap *to_rw)
{
	const struct pv_start_info *si = pv_start_info;
	const uint32_t *p2m = (const uint32_t *)si->p2m_list;
	const uint32_t *l2 = (const uint32_t *)si->pt_base;
	uint8_t *pages = memalign(PV_PAGE_SIZE, MM_NR_PTES * PV_PAGE_SIZE);
	uint32_t l1_mfn = 0, l1_va = 0;

	if (!pages)
		return "no room for 512 pages in the heap (mem= too small?)";
	for (uint32_t i = 0; i < MM_NR_PTES; i++) {
		uint32_t va = (uint32_t)pages + i * PV_PAGE_SIZE;
		uint32_t pfn = (va - si->virt_base) >> 12;
		uint32_t l2e = l2[va >> 22];
		if (pfn < si->first_free_pfn || pfn >= si->nr_pages || !(l2e & PV_PTE_P))
			return "a heap page outside the free memory the boot tables map";
		if (l2e >> 12 != l1_mfn) {
			l1_mfn = l2e >> 12;
			l1_va = va_of_mfn(l1_mfn);
			if (!l1_va)
				return "an L1 that is not one of the guest's own frames";
		}
		uint32_t maddr = (l2e & PV_PTE_FRAME) + ((va >> 12) & 1023) * 4;
		uint32_t ro = (p2m[pfn] << 12) | PV_PTE_P | PV_PTE_US;
		uint32_t rw = ro | PV_PTE_RW;
		to_ro->reqs[i] = (struct pv_mmu_update){ maddr | PV_MMU_NORMAL_PT_UPDATE, ro };
		to_rw->reqs[i] = (struct pv_mmu_update){ maddr | PV_MMU_NORMAL_PT_UPDATE, rw };
		to_ro->vas[i] = (struct mm_va_update){ va, ro };
		to_rw->vas[i] = (struct mm_va_update){ va, rw };
		entry_view[i] = (const volatile uint32_t *)l1_va + ((va >> 12) & 1023);
		entry_value[0][i] = ro;
		entry_value[1][i] = rw;
	}
	return 0;
}

uint32_t pte_mismatches(int writable)
{
	uint32_t bad = 0;
	for (uint32_t i = 0; i < MM_NR_PTES; i++)
		bad += (*entry_view[i] & ~PTE_FLAGS_IGNORED) != entry_value[!!writable][i];
	return bad;
}
