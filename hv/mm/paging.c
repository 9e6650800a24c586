/* paging.c: hv's master page directory, built by entry.S, finished here. */
#include "mm/paging.h"

#include "arch/cpu.h"

uint32_t hv_master_pd[PD_ENTRIES] __attribute__((aligned(PAGE_SIZE)));

void paging_init(void)
{
	hv_master_pd[0] = 0;
	write_cr3(read_cr3());
	/* CR0.WP is set by entry.S and never cleared: it is what makes hv's own stores
	 * to a guest's read-only pages fault instead of silently succeeding. */
}
