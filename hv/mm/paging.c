/* paging.c: hv's master page directory, built by entry.S, finished here. */
#include "mm/paging.h"

#include "arch/cpu.h"

uint32_t hv_master_pd[PD_ENTRIES] __attribute__((aligned(PAGE_SIZE)));

void paging_init(void)
{
	hv_master_pd[0] = 0;
	write_cr3(read_cr3());
	/* CR0.WP is set by entry.S and never cleared. hv never writes guest memory
	 * through a guest mapping (it walks the tables itself, mm/guest_walk.c), but
	 * the CPU's own supervisor-mode writes, such as pushing a frame onto the
	 * entry stack, still obey it. */
}
