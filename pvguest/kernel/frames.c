/* frames.c: pvguest's frame allocator, over the pseudo-physical frames hv gave it.
 *
 * The free pages, from start_info's first_free_pfn to nr_pages, have two users:
 *
 *  - the kernel heap: newlib's malloc, through the library's _sbrk
 *    (hypercall-abi/lib/newlib/syscalls.c), which hands out free pages from
 *    first_free_pfn upwards;
 *  - this allocator, for user pages and page tables.
 *
 * So that the two can never hand out the same page, the pool is itself taken
 * through sbrk: frames_init asks sbrk for every free page but the last
 * KERNEL_HEAP_BYTES. sbrk never gives those pages out again, and malloc grows
 * into what is left above them:
 *
 *   nr_pages       +----------------------------+
 *                  | kernel heap (malloc)       |  KERNEL_HEAP_BYTES
 *                  +----------------------------+
 *                  | the frame pool             |  frames_alloc / frames_free_owned
 *                  +----------------------------+
 *                  | heap used before the pool  |  (stdio's buffers, say)
 *   first_free_pfn +----------------------------+
 *
 * Invariants:
 *  1. Every pool frame has an owner tag: FRAME_OWNER_FREE or one owner (an
 *     address space, vm.c). Only the owner's teardown frees it.
 *  2. A free frame is mapped writable in the kernel's mapping and is no page
 *     table: frames_alloc can zero it with a plain memset.
 * The pool is small (one domain, at most 48 MiB), so allocation is a scan from
 * where the last one stopped. */
#include "frames.h"

#include <stdlib.h>
#include <string.h>

#include "panic.h"

/* The heap's break: hypercall-abi/lib/newlib/syscalls.c, what malloc calls. */
void *_sbrk(ptrdiff_t increment);

static uint32_t pool_first; /* pfn of the first pool frame */
static uint32_t pool_size;  /* frames in the pool */
static uint16_t *owner_of;  /* [pool_size], from the kernel heap */
static uint32_t nr_free;
static uint32_t next_scan; /* index where the next search starts */

void frames_init(void)
{
	const struct pv_start_info *si = pv_start_info;
	uint32_t heap_pages = KERNEL_HEAP_BYTES / PV_PAGE_SIZE;

	/* The owner tags come from the heap first, sized for the largest pool
	 * possible, so that malloc does not move the break under our feet below. */
	owner_of = calloc(si->nr_pages, sizeof(*owner_of));
	if (!owner_of)
		kpanic("no memory for the frame table");

	/* Page-align the break, then take the pool from it. */
	uintptr_t brk = (uintptr_t)_sbrk(0);
	uintptr_t aligned = (brk + PV_PAGE_SIZE - 1) & ~(uintptr_t)(PV_PAGE_SIZE - 1);
	uint32_t first = virt_to_pfn((void *)aligned);
	if (first + heap_pages + 1 > si->nr_pages)
		kpanic("no memory for the frame pool (%u pages)", (unsigned)si->nr_pages);
	uint32_t size = si->nr_pages - first - heap_pages;
	if (_sbrk((ptrdiff_t)(aligned - brk + size * PV_PAGE_SIZE)) != (void *)brk)
		kpanic("cannot reserve the frame pool");
	pool_first = first;
	pool_size = size;
	nr_free = size;
}

uint32_t frames_alloc(uint16_t owner)
{
	for (uint32_t n = 0; n < pool_size; n++) {
		uint32_t i = (next_scan + n) % pool_size;
		if (owner_of[i] != FRAME_OWNER_FREE)
			continue;
		owner_of[i] = owner;
		nr_free--;
		next_scan = i + 1;
		memset(pfn_to_virt(pool_first + i), 0, PV_PAGE_SIZE);
		return pool_first + i;
	}
	return PFN_NONE;
}

unsigned frames_free_owned(uint16_t owner)
{
	unsigned freed = 0;
	for (uint32_t i = 0; i < pool_size; i++) {
		if (owner_of[i] == owner) {
			owner_of[i] = FRAME_OWNER_FREE;
			freed++;
		}
	}
	nr_free += freed;
	return freed;
}

uint32_t frames_available(void)
{
	return nr_free;
}

uint32_t frames_pool_size(void)
{
	return pool_size;
}

uint32_t mfn_to_pfn(uint32_t mfn)
{
	for (uint32_t pfn = 0; pfn < pv_start_info->nr_pages; pfn++)
		if (pfn_to_mfn(pfn) == mfn)
			return pfn;
	return PFN_NONE;
}
