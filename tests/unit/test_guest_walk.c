/* test_guest_walk.c: hv's software page walk follows the MMU's rules. */
#include <criterion/criterion.h>
#include <string.h>

#include "mm/guest_walk.h"

/* A fake physical memory of 16 frames, with page tables built by the tests. */
#define FRAMES 16
static uint32_t memory[FRAMES][1024];

static uint32_t read32(uint32_t paddr)
{
	return memory[paddr >> 12][(paddr & 0xFFF) / 4];
}

static const struct walk_mem mem = { read32, FRAMES * 4096 };

#define P 0x1u
#define RW 0x2u
#define PS 0x80u
#define PD 1 /* the page directory is frame 1, its one table frame 2 */
#define VA 0xC0403000u

/* Map VA to frame 5 with the given directory and table flags. */
static void map(uint32_t pde_flags, uint32_t pte_flags)
{
	memset(memory, 0, sizeof(memory));
	memory[PD][VA >> 22] = (2u << 12) | pde_flags;
	memory[2][(VA >> 12) & 0x3FF] = (5u << 12) | pte_flags;
}

Test(guest_walk, a_present_page_translates_with_its_offset)
{
	map(P | RW, P | RW);
	uint32_t pa;
	cr_assert(guest_walk(&mem, PD << 12, VA + 0x123, false, &pa));
	cr_assert_eq(pa, (5u << 12) + 0x123);
	cr_assert(guest_walk(&mem, PD << 12, VA, true, &pa));
}

Test(guest_walk, not_present_at_either_level_faults)
{
	uint32_t pa;
	map(0, P | RW);
	cr_assert_not(guest_walk(&mem, PD << 12, VA, false, &pa));
	map(P | RW, 0);
	cr_assert_not(guest_walk(&mem, PD << 12, VA, false, &pa));
	map(P | RW, P | RW);
	cr_assert_not(guest_walk(&mem, PD << 12, VA + 0x1000, false, &pa), "next page unmapped");
}

Test(guest_walk, writes_need_both_levels_writable)
{
	uint32_t pa;
	map(P, P | RW);
	cr_assert(guest_walk(&mem, PD << 12, VA, false, &pa));
	cr_assert_not(guest_walk(&mem, PD << 12, VA, true, &pa), "read-only directory entry");
	map(P | RW, P);
	cr_assert(guest_walk(&mem, PD << 12, VA, false, &pa));
	cr_assert_not(guest_walk(&mem, PD << 12, VA, true, &pa), "read-only page");
}

Test(guest_walk, large_pages_are_refused)
{
	uint32_t pa;
	map(P | RW | PS, P | RW);
	cr_assert_not(guest_walk(&mem, PD << 12, VA, false, &pa));
}

Test(guest_walk, tables_and_frames_outside_memory_are_refused)
{
	uint32_t pa;
	map(P | RW, P | RW);
	memory[PD][VA >> 22] = (200u << 12) | P | RW; /* table beyond memory */
	cr_assert_not(guest_walk(&mem, PD << 12, VA, false, &pa));
	map(P | RW, P | RW);
	memory[2][(VA >> 12) & 0x3FF] = (300u << 12) | P | RW; /* frame beyond memory */
	cr_assert_not(guest_walk(&mem, PD << 12, VA, false, &pa));
	cr_assert_not(guest_walk(&mem, 100u << 12, VA, false, &pa), "directory beyond memory");
}
