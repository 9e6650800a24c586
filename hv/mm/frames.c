/* frames.c: the machine frames hv hands out, and who owns each. */
#include "mm/frames.h"

#include <pv/mm.h>

#include "arch/trampoline.h"
#include "boot/multiboot.h"
#include "lib/string.h"
#include "mm/desc_check_hook.h"
#include "mm/frame_table.h"
#include "mm/m2p.h"
#include "mm/paging.h"

#define NR_FRAMES (HV_DIRECTMAP_LIMIT / PAGE_SIZE)
#define LOW_MEMORY_END 0x100000u

static struct frame_info frame_info[NR_FRAMES];

static uint32_t *frame_words(uint32_t mfn)
{
	return mfn_to_virt(mfn);
}

struct frame_table ft_hv = { frame_info, NR_FRAMES, frame_words, { 0 }, DESC_FRAME_CHECK };

/* Who owns mfn; the frame table is the one record of it. */
#define owner_of(mfn) (frame_info[mfn].owner)
static uint32_t nr_free;
static uint32_t next_hint; /* where the next search starts: allocation is round-robin */

static void mark_free_range(uint64_t start, uint64_t end, uint32_t reserved_start,
			    uint32_t reserved_end)
{
	uint64_t first = (start + PAGE_SIZE - 1) / PAGE_SIZE;
	uint64_t last = end / PAGE_SIZE; /* exclusive */
	if (last > NR_FRAMES)
		last = NR_FRAMES;
	for (uint64_t mfn = first; mfn < last; mfn++) {
		uint64_t paddr = mfn * PAGE_SIZE;
		if (paddr < LOW_MEMORY_END)
			continue;
		if (paddr + PAGE_SIZE > reserved_start && paddr < reserved_end)
			continue;
		if (owner_of(mfn) != FRAME_OWNER_FREE) {
			owner_of(mfn) = FRAME_OWNER_FREE;
			nr_free++;
		}
	}
}

void frames_init(const struct multiboot_info *mbi, uint32_t reserved_start, uint32_t reserved_end)
{
	for (uint32_t i = 0; i < NR_FRAMES; i++)
		owner_of(i) = FRAME_OWNER_HV;
	nr_free = 0;
	m2p_init();
	ft_hv.hv_slots[0] = tramp_pde(); /* 0xFC000000: the trampoline */
	ft_hv.hv_slots[1] = m2p_pde();	 /* PV_M2P_START */

	if (mbi->flags & MBI_FLAG_MMAP) {
		uint32_t p = mbi->mmap_addr, end = mbi->mmap_addr + mbi->mmap_length;
		while (p < end) {
			const struct multiboot_mmap_entry *e = phys_to_virt(p);
			if (e->type == 1)
				mark_free_range(e->addr, e->addr + e->len, reserved_start,
						reserved_end);
			p += e->size + sizeof(e->size);
		}
	} else if (mbi->flags & MBI_FLAG_MEM) {
		mark_free_range(LOW_MEMORY_END, LOW_MEMORY_END + (uint64_t)mbi->mem_upper * 1024,
				reserved_start, reserved_end);
	}
}

uint32_t frame_alloc(uint16_t owner)
{
	for (uint32_t n = 0; n < NR_FRAMES; n++) {
		uint32_t mfn = (next_hint + n) % NR_FRAMES;
		if (owner_of(mfn) == FRAME_OWNER_FREE) {
			owner_of(mfn) = owner;
			nr_free--;
			next_hint = mfn + 1;
			memset(mfn_to_virt(mfn), 0, PAGE_SIZE);
			return mfn;
		}
	}
	return FRAME_NONE;
}

uint32_t frames_release_owner(uint16_t owner)
{
	uint32_t released = 0;
	for (uint32_t mfn = 0; mfn < NR_FRAMES; mfn++) {
		if (owner_of(mfn) == owner) {
			/* Types and counts go with the owner: teardown walks no tables. */
			memset(&frame_info[mfn], 0, sizeof(frame_info[mfn]));
			owner_of(mfn) = FRAME_OWNER_FREE;
			m2p_set(mfn, PV_M2P_INVALID);
			released++;
		}
	}
	nr_free += released;
	return released;
}

uint32_t frames_free_count(void)
{
	return nr_free;
}

uint16_t frame_owner(uint32_t mfn)
{
	return mfn < NR_FRAMES ? owner_of(mfn) : FRAME_OWNER_HV;
}
