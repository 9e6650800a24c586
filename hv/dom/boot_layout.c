/* boot_layout.c: where the builder puts things in a new domain's memory. Pure C. */
#include "dom/boot_layout.h"

#include <pv/layout.h>

const char *boot_layout_plan(uint32_t virt_base, uint32_t image_end, uint32_t nr_pages,
			     struct boot_layout *out)
{
	if (virt_base % PV_PAGE_SIZE || image_end % PV_PAGE_SIZE || image_end <= virt_base)
		return "image does not start at or above virt_base";
	/* Everything mapped, shared_info included, must end at or below PV_HV_START. */
	uint64_t mapped_end = (uint64_t)virt_base + ((uint64_t)nr_pages + 1) * PV_PAGE_SIZE;
	if (mapped_end > PV_HV_START)
		return "memory would reach PV_HV_START";

	struct boot_layout l = { .nr_pages = nr_pages, .virt_base = virt_base };
	l.image_pages = (image_end - virt_base) / PV_PAGE_SIZE;
	l.start_info_pfn = l.image_pages;
	l.p2m_pfn = l.start_info_pfn + 1;
	l.p2m_pages = (nr_pages * 4 + PV_PAGE_SIZE - 1) / PV_PAGE_SIZE;
	l.l2_pfn = l.p2m_pfn + l.p2m_pages;
	l.l1_pfn = l.l2_pfn + 1;
	l.l1_count = (uint32_t)(((mapped_end - 1) >> 22) - (virt_base >> 22) + 1);
	l.stack_pfn = l.l1_pfn + l.l1_count;
	l.first_free_pfn = l.stack_pfn + BOOT_STACK_PAGES;
	l.shared_info_va = (uint32_t)(mapped_end - PV_PAGE_SIZE);
	if (l.first_free_pfn > nr_pages)
		return "mem= is too small for the image and the bootstrap layout";
	*out = l;
	return 0;
}
