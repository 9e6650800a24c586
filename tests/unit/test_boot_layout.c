/* test_boot_layout.c: where the builder puts things in a new domain. */
#include <criterion/criterion.h>
#include <pv/layout.h>

#include "dom/boot_layout.h"

Test(boot_layout, regions_follow_each_other_in_order)
{
	struct boot_layout l;
	cr_assert_null(boot_layout_plan(0xC0000000, 0xC0010000, 1024, &l));
	cr_assert_eq(l.image_pages, 16);
	cr_assert_eq(l.start_info_pfn, 16);
	cr_assert_eq(l.p2m_pfn, 17);
	cr_assert_eq(l.p2m_pages, 1);
	cr_assert_eq(l.l2_pfn, 18);
	cr_assert_eq(l.l1_pfn, 19);
	cr_assert_eq(l.l1_count, 2, "4 MiB plus the shared_info page spans two tables");
	cr_assert_eq(l.stack_pfn, 21);
	cr_assert_eq(l.first_free_pfn, 21 + BOOT_STACK_PAGES);
	cr_assert_eq(l.shared_info_va, 0xC0000000 + 1024 * 4096);
	cr_assert_eq(boot_layout_va(&l, 16), 0xC0010000);
}

Test(boot_layout, p2m_pages_grow_with_memory)
{
	struct boot_layout l;
	cr_assert_null(boot_layout_plan(0xC0000000, 0xC0001000, 12288, &l)); /* 48 MiB */
	cr_assert_eq(l.p2m_pages, 12);
	cr_assert_eq(l.l1_count, 13);
}

Test(boot_layout, memory_too_small_for_the_layout_is_refused)
{
	struct boot_layout l;
	cr_assert_not_null(boot_layout_plan(0xC0000000, 0xC0100000, 256, &l));
}

Test(boot_layout, memory_reaching_hv_is_refused)
{
	struct boot_layout l;
	/* 1 page below hv: the shared_info page after the last pfn would be hv's. */
	cr_assert_not_null(
		boot_layout_plan(PV_HV_START - 256 * 4096, PV_HV_START - 200 * 4096, 256, &l));
	cr_assert_null(
		boot_layout_plan(PV_HV_START - 257 * 4096, PV_HV_START - 200 * 4096, 256, &l));
}

Test(boot_layout, misaligned_or_inverted_image_is_refused)
{
	struct boot_layout l;
	cr_assert_not_null(boot_layout_plan(0xC0000800, 0xC0010000, 1024, &l));
	cr_assert_not_null(boot_layout_plan(0xC0010000, 0xC0010000, 1024, &l));
	cr_assert_not_null(boot_layout_plan(0xC0010000, 0xC0000000, 1024, &l));
}
