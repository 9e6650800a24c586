/* guest_walk.h: translating a guest virtual address in software, as the MMU would.
 *
 * hv never runs on a guest's page tables (arch/trampoline.h): it runs on its own
 * page directory, where no guest memory is mapped. To read or write memory a guest
 * names, hv walks that guest's two-level page tables itself and then touches the
 * frame through its direct map. The walk applies the rules the MMU applies to a
 * ring-1 (supervisor) access with CR0.WP set: both levels present, and for a
 * write both levels writable. A large-page directory entry is refused: guests
 * have none. Pure C: the page tables are read through a callback, so the host
 * tests can walk tables they built in ordinary memory. */
#ifndef HV_MM_GUEST_WALK_H
#define HV_MM_GUEST_WALK_H

#include <stdbool.h>
#include <stdint.h>

/* How the walk reads physical memory. */
struct walk_mem {
	/* The 32-bit word at physical address paddr (4-byte aligned, below limit). */
	uint32_t (*read32)(uint32_t paddr);
	uint32_t limit; /* no table or frame at or above this physical address */
};

/* The physical address of va in the address space whose page directory is at
 * physical address cr3, for a read (write = false) or a write. Returns false if
 * the MMU would fault. */
bool guest_walk(const struct walk_mem *mem, uint32_t cr3, uint32_t va, bool write, uint32_t *paddr);

#endif
