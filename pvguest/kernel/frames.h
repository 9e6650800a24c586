/* frames.h: pvguest's frame allocator, over the pseudo-physical frames hv gave it.
 *
 * hv gives the domain nr_pages pseudo-physical frames (pfns). Frame n is mapped
 * at virt_base + n * 4096, the kernel's own mapping of it, and the P2M list says
 * which machine frame (mfn) is behind it: page-table entries name mfns. */
#ifndef PVGUEST_FRAMES_H
#define PVGUEST_FRAMES_H

#include <pv/guest.h>

#define PFN_NONE 0xFFFFFFFFu
#define FRAME_OWNER_FREE 0u

/* How much of the free memory stays with the kernel heap (newlib's malloc). */
#define KERNEL_HEAP_BYTES (256u * 1024u)

/* Take every free page but the kernel heap's into the pool. Call once, early.
 * Panics if the domain has no memory left for a pool. */
void frames_init(void);

/* A zeroed pool frame, tagged with owner (not FRAME_OWNER_FREE), or PFN_NONE when
 * the pool is empty. It is mapped writable at pfn_to_virt(pfn) and is no page
 * table. */
uint32_t frames_alloc(uint16_t owner);

/* Give back every frame tagged with owner; returns how many. The caller must have
 * restored the invariant first: each is mapped writable again and no page table. */
unsigned frames_free_owned(uint16_t owner);

/* Free frames in the pool, and its size. */
uint32_t frames_available(void);
uint32_t frames_pool_size(void);

/* The kernel's mapping of pfn. */
static inline void *pfn_to_virt(uint32_t pfn)
{
	return (void *)(pv_start_info->virt_base + pfn * PV_PAGE_SIZE);
}

/* The pfn the kernel maps at va (va inside the kernel's mapping). */
static inline uint32_t virt_to_pfn(const void *va)
{
	return ((uint32_t)va - pv_start_info->virt_base) / PV_PAGE_SIZE;
}

/* The machine frame behind pfn (pfn < nr_pages). */
static inline uint32_t pfn_to_mfn(uint32_t pfn)
{
	return ((const uint32_t *)pv_start_info->p2m_list)[pfn];
}

/* The pfn behind machine frame mfn, or PFN_NONE: a search of the P2M list, for
 * the rare times the kernel meets an mfn it did not allocate (the boot tables). */
uint32_t mfn_to_pfn(uint32_t mfn);

#endif
