/* guest_walk.c: translating a guest virtual address in software. Pure C. */
#include "mm/guest_walk.h"

#define PTE_P 0x001u
#define PTE_RW 0x002u
#define PDE_PS 0x080u
#define FRAME_MASK 0xFFFFF000u

/* The entry at index of the table at table_paddr, if the table lies in memory. */
static bool read_entry(const struct walk_mem *mem, uint32_t table_paddr, uint32_t index,
		       uint32_t *entry)
{
	if (table_paddr >= mem->limit)
		return false;
	*entry = mem->read32(table_paddr + index * 4);
	return true;
}

bool guest_walk(const struct walk_mem *mem, uint32_t cr3, uint32_t va, bool write, uint32_t *paddr)
{
	uint32_t pde, pte;
	uint32_t need = PTE_P | (write ? PTE_RW : 0);

	if (!read_entry(mem, cr3 & FRAME_MASK, va >> 22, &pde))
		return false;
	if ((pde & need) != need || (pde & PDE_PS))
		return false;
	if (!read_entry(mem, pde & FRAME_MASK, (va >> 12) & 0x3FF, &pte))
		return false;
	if ((pte & need) != need || (pte & FRAME_MASK) >= mem->limit)
		return false;
	*paddr = (pte & FRAME_MASK) | (va & ~FRAME_MASK);
	return true;
}
