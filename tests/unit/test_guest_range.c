/* test_guest_range.c: the arithmetic check in front of every guest pointer. */
#include <criterion/criterion.h>

#include "mm/guest_range.h"

Test(guest_range, ranges_below_hv_are_accepted)
{
	cr_assert(guest_range_ok(0, 0));
	cr_assert(guest_range_ok(0xC0000000, 4096));
	cr_assert(guest_range_ok(PV_HV_START - 1, 1));
	cr_assert(guest_range_ok(PV_HV_START, 0), "an empty range ending at hv touches nothing");
}

Test(guest_range, ranges_reaching_into_hv_are_refused)
{
	cr_assert_not(guest_range_ok(PV_HV_START - 1, 2));
	cr_assert_not(guest_range_ok(PV_HV_START, 1));
	cr_assert_not(guest_range_ok(0xFFFFF000, 16));
}

Test(guest_range, wrapping_ranges_are_refused)
{
	cr_assert_not(guest_range_ok(0xFFFFFFF0, 0x20));
	cr_assert_not(guest_range_ok(0x1000, 0xFFFFFFFF));
	cr_assert_not(guest_range_ok(0xC0000000, 0x80000000)); /* sign bit set */
}
