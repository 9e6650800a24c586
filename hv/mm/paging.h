/* paging.h: hv's master page directory and the direct map of physical memory. */
#ifndef HV_MM_PAGING_H
#define HV_MM_PAGING_H

#include <stdint.h>

#include "mm/paging_defs.h"

#define PAGE_SIZE 4096u
#define PAGE_SHIFT 12
#define PD_ENTRIES 1024u

/* The page directory hv boots on; its hv slots are copied into every guest's. */
extern uint32_t hv_master_pd[PD_ENTRIES];

/* hv's address for a physical address below HV_DIRECTMAP_LIMIT. */
static inline void *phys_to_virt(uint32_t paddr)
{
	return (void *)(paddr + HV_VIRT_OFFSET);
}

/* The physical address behind an address inside hv's image or direct map. */
static inline uint32_t virt_to_phys(const void *vaddr)
{
	return (uint32_t)vaddr - HV_VIRT_OFFSET;
}

static inline void *mfn_to_virt(uint32_t mfn)
{
	return phys_to_virt(mfn << PAGE_SHIFT);
}

/* Drop the boot identity mapping: from here on hv only lives in its own slots. */
void paging_init(void);

#endif
