/* boot_layout.h: where the builder puts things in a new domain's memory. Pure C.
 *
 * Pseudo-physical frame n is mapped at virt_base + n * 4096. From pfn 0 up: the
 * ELF image, start_info, the P2M list, the page directory, the page tables, the
 * boot stack, then free pages. shared_info is mapped one page past the last pfn.
 * (pv/start_info.h draws it.) */
#ifndef HV_DOM_BOOT_LAYOUT_H
#define HV_DOM_BOOT_LAYOUT_H

#include <stdint.h>

#define BOOT_STACK_PAGES 4u

struct boot_layout {
	uint32_t nr_pages, virt_base;
	uint32_t image_pages; /* pfns [0, image_pages) hold the image */
	uint32_t start_info_pfn;
	uint32_t p2m_pfn, p2m_pages;
	uint32_t l2_pfn;
	uint32_t l1_pfn, l1_count; /* l1 i maps the 4 MiB from (virt_base >> 22) + i */
	uint32_t stack_pfn;
	uint32_t first_free_pfn;
	uint32_t shared_info_va;
};

/* Plan the layout of nr_pages for an image ending at image_end (page-aligned, as
 * elf_check gives it). NULL, or why it does not fit. */
const char *boot_layout_plan(uint32_t virt_base, uint32_t image_end, uint32_t nr_pages,
			     struct boot_layout *out);

/* The guest virtual address of pfn. */
static inline uint32_t boot_layout_va(const struct boot_layout *l, uint32_t pfn)
{
	return l->virt_base + pfn * 4096u;
}

#endif
