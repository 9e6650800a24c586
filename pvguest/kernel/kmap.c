/* kmap.c: the kernel's own mappings: the boot page tables, made supervisor-only. */
#include "kmap.h"

#include <pv/guest.h>
#include <stdlib.h>

#include "frames.h"
#include "panic.h"
#include "uapi/syscall.h"

static const uint32_t *boot_pd(void)
{
	return (const uint32_t *)pv_start_info->pt_base;
}

uint32_t kmap_pd_mfn(void)
{
	return pfn_to_mfn(virt_to_pfn((const void *)pv_start_info->pt_base));
}

uint32_t kmap_kernel_pde(uint32_t slot)
{
	if (slot < USER_TOP >> 22 || slot >= PV_HV_START >> 22)
		kpanic("kmap_kernel_pde: slot %u is not the kernel's", (unsigned)slot);
	return boot_pd()[slot];
}

/* The kernel's mapping of the boot L1 that maps va, and its machine frame. The
 * boot L1s are pfns like any other, mapped read-only; only their mfn is in the
 * directory, so look the pfn up once per 4 MiB. */
static const uint32_t *boot_l1(uint32_t va, uint32_t *mfn)
{
	static uint32_t cached_slot = ~0u;
	static const uint32_t *cached_l1;
	static uint32_t cached_mfn;
	if (va >> 22 != cached_slot) {
		uint32_t pde = boot_pd()[va >> 22];
		uint32_t pfn = (pde & PV_PTE_P) ? mfn_to_pfn(pde >> PV_PAGE_SHIFT) : PFN_NONE;
		if (pfn == PFN_NONE)
			kpanic("the boot tables do not map 0x%08x", (unsigned)va);
		cached_slot = va >> 22;
		cached_l1 = pfn_to_virt(pfn);
		cached_mfn = pde >> PV_PAGE_SHIFT;
	}
	*mfn = cached_mfn;
	return cached_l1;
}

uint32_t kmap_entry_maddr(const void *kva)
{
	uint32_t va = (uint32_t)kva, l1_mfn;
	if (va < pv_start_info->virt_base || va >= pv_start_info->shared_info + PV_PAGE_SIZE)
		kpanic("kmap_entry_maddr(0x%08x): not a kernel address", (unsigned)va);
	boot_l1(va, &l1_mfn);
	return (l1_mfn << PV_PAGE_SHIFT) + ((va >> PV_PAGE_SHIFT) & 1023) * 4;
}

long kmap_protect(unsigned *calls)
{
	const uint32_t start = pv_start_info->virt_base;
	const uint32_t end = pv_start_info->shared_info + PV_PAGE_SIZE;
	const uint32_t count = (end - start) / PV_PAGE_SIZE;
	struct pv_mmu_update *reqs = malloc(count * sizeof(*reqs));
	if (!reqs)
		kpanic("no heap for %u page-table updates", (unsigned)count);

	/* The new value of each entry is the old one without U. */
	for (uint32_t i = 0; i < count; i++) {
		uint32_t va = start + i * PV_PAGE_SIZE, l1_mfn;
		uint32_t index = (va >> PV_PAGE_SHIFT) & 1023;
		const uint32_t *l1 = boot_l1(va, &l1_mfn);
		reqs[i].ptr = ((l1_mfn << PV_PAGE_SHIFT) + index * 4) | PV_MMU_NORMAL_PT_UPDATE;
		reqs[i].val = l1[index] & ~PV_PTE_US;
	}

	long r = 0;
	*calls = 0;
	for (uint32_t sent = 0, n; sent < count && r >= 0; sent += n) {
		n = count - sent < PV_MMU_BATCH_MAX ? count - sent : PV_MMU_BATCH_MAX;
		uint32_t done = 0;
		r = hv_mmu_update(reqs + sent, n, &done);
		(*calls)++;
		if (r < 0 && sent + done)
			kpanic("mmu_update refused kernel entry %u of %u: error %ld",
			       (unsigned)(sent + done), (unsigned)count, r);
	}
	free(reqs);
	if (r < 0)
		return r; /* refused before it changed anything: -PV_ENOSYS, say */

	/* Read the tables back: hv applied what it said it did. */
	for (uint32_t va = start; va < end; va += PV_PAGE_SIZE) {
		uint32_t l1_mfn;
		if (boot_l1(va, &l1_mfn)[(va >> PV_PAGE_SHIFT) & 1023] & PV_PTE_US)
			kpanic("0x%08x is still user-accessible", (unsigned)va);
	}
	return (long)count;
}
