/* start-info: the start-of-day state is what pv/start_info.h promises.
 *
 * Property: at main(), start_info has the magic, the ABI version, domain id 1,
 * nr_pages from mem= (test.conf: 8M, 2048 pages), int 0x82 in flags and the
 * module command line verbatim. It sits right after the ELF image, and the boot
 * stack ended at stack_top (crt0's first push, ESI, is the word below it; main's
 * locals lie below it, above the page tables). Events are masked. shared_info is
 * mapped read-write at start_info->shared_info, just past the last pfn. The P2M
 * list holds distinct, nonzero frames; the hypercall page is &hypercall_page; and
 * a 1 MiB malloc comes from the free pages [first_free_pfn, nr_pages). */
#include "test.h"

#include <stdlib.h>
#include <string.h>

extern char _end[]; /* end of the image, page-aligned (guest.ld) */

#define CMDLINE_TAIL " name=start-info mem=8M marker=start-info-cmdline"

static void check_range(const char *what, uint32_t addr, uint32_t lo, uint32_t hi)
{
	test_check(addr >= lo && addr < hi, "%s %08lx is outside [%08lx, %08lx)", what,
		   (unsigned long)addr, (unsigned long)lo, (unsigned long)hi);
}

int main(void)
{
	uint8_t mask_at_entry = pv_shared_info->vcpu[0].upcall_mask;
	const struct pv_start_info *si = pv_start_info;
	const uint32_t base = si->virt_base, page = PV_PAGE_SIZE;
	uint32_t local;

	printf("start-info: domid %lu nr_pages %lu virt_base %08lx first_free_pfn %lu\n",
	       (unsigned long)si->domid, (unsigned long)si->nr_pages, (unsigned long)base,
	       (unsigned long)si->first_free_pfn);
	printf("start-info: cmdline \"%s\"\n", si->cmdline);

	TEST_EQ(memcmp(si->magic, PV_START_INFO_MAGIC, sizeof(si->magic)), 0, "magic");
	TEST_EQ(si->abi_version, PV_ABI_VERSION, "abi_version");
	TEST_EQ(si->domid, 1, "domid");
	TEST_EQ(si->nr_pages, 8u << 20 >> PV_PAGE_SHIFT, "nr_pages for mem=8M");
	TEST_EQ(si->flags, 0, "flags (int 0x82 transport)");
	size_t len = strnlen(si->cmdline, sizeof(si->cmdline)), tail = strlen(CMDLINE_TAIL);
	test_check(len < sizeof(si->cmdline), "cmdline is not NUL-terminated");
	test_check(len >= tail && strcmp(si->cmdline + len - tail, CMDLINE_TAIL) == 0,
		   "cmdline does not end with \"%s\"", CMDLINE_TAIL);
	for (int i = 0; i < 8; i++)
		TEST_EQ(si->_reserved[i], 0, "_reserved word");

	/* Where things are. */
	TEST_EQ((uint32_t)si, (uint32_t)_end, "start_info address (the page after the image)");
	TEST_EQ(si->hypercall_page, (uint32_t)hypercall_page, "hypercall_page");
	TEST_EQ(si->stack_top, base + si->first_free_pfn * page, "stack_top");
	test_check(si->first_free_pfn <= si->nr_pages, "first_free_pfn beyond nr_pages");
	TEST_EQ(mask_at_entry, 1, "upcall_mask at entry (events masked)");

	/* The boot stack: ESP was stack_top at _start, and crt0 pushed ESI first. */
	TEST_EQ(*(const uint32_t *)(si->stack_top - 4), (uint32_t)si, "word below stack_top");
	uint32_t stack_bottom = si->pt_base + si->nr_pt_frames * page;
	check_range("a local of main", (uint32_t)&local, stack_bottom, si->stack_top);
	test_check(si->nr_pt_frames >= 2, "nr_pt_frames %lu", (unsigned long)si->nr_pt_frames);

	/* shared_info: mapped after the last pfn, readable and writable. */
	TEST_EQ(si->shared_info, (uint32_t)pv_shared_info, "pv_shared_info");
	TEST_EQ(si->shared_info, base + si->nr_pages * page, "shared_info address");
	volatile uint32_t *word = &pv_shared_info->evtchn_pending[PV_NR_EVENT_PORTS / 32 - 1];
	uint32_t old = *word;
	*word = 0xA5A5F00D;
	TEST_EQ(*word, 0xA5A5F00D, "shared_info write and read back");
	*word = old;

	/* P2M: nonzero and distinct machine frames (the first 16 and the last). */
	const uint32_t *p2m = (const uint32_t *)si->p2m_list;
	check_range("p2m_list", si->p2m_list, base, base + si->nr_pages * page);
	for (uint32_t i = 0; i < 16; i++) {
		test_check(p2m[i] != 0, "p2m[%lu] is 0", (unsigned long)i);
		for (uint32_t j = 0; j < i; j++)
			test_check(p2m[i] != p2m[j], "p2m[%lu] == p2m[%lu]", (unsigned long)i,
				   (unsigned long)j);
	}
	test_check(p2m[si->nr_pages - 1] != 0 && p2m[si->nr_pages - 1] != p2m[0],
		   "p2m[last] is 0 or p2m[0]");

	/* The M2P table, through its own read-only segment, is the P2M list reversed. */
	for (uint32_t pfn = 0; pfn < si->nr_pages; pfn += si->nr_pages / 16)
		TEST_EQ(pv_m2p_lookup(p2m[pfn]), pfn, "m2p[p2m[pfn]]");
	TEST_EQ(pv_m2p_lookup(PV_M2P_ENTRIES), PV_M2P_INVALID, "m2p beyond the table");

	/* The heap. */
	const uint32_t size = 1u << 20;
	uint8_t *heap = malloc(size);
	test_check(heap != NULL, "malloc(1 MiB) failed");
	if (heap) {
		check_range("malloc start", (uint32_t)heap, base + si->first_free_pfn * page,
			    base + si->nr_pages * page);
		check_range("malloc end", (uint32_t)heap + size - 1,
			    base + si->first_free_pfn * page, base + si->nr_pages * page);
		heap[0] = 1;
		heap[size - 1] = 2;
		TEST_EQ(heap[0] + heap[size - 1], 3, "heap write and read back");
		free(heap);
	}
	test_finish();
}
