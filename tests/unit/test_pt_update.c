/* test_pt_update.c: one entry of a validated page table changes only to a value
 * that validates, moving exactly the references the old and new values hold. */
#include "fake_machine.h"

#include "mm/pt_update.h"

/* Domain 1's frames: a pinned directory DIR whose slot 0x300 (va 0xC0000000) uses
 * T1, a pinned empty L1 T2, spare tables T3 and DIR2, data frames A, B, C. */
#define T1 8u
#define T2 9u
#define T3 10u
#define DIR 16u
#define DIR2 17u
#define A 20u
#define B 21u
#define C 22u
#define SLOT 0x300u

/* The machine address of entry i of frame mfn. */
static uint32_t at(uint32_t mfn, uint32_t i)
{
	return mfn << 12 | i * 4;
}

static int update(uint32_t mfn, uint32_t i, uint32_t val)
{
	return pt_update_entry(&ft, DOM, at(mfn, i), val);
}

/* T1: A writable at 0, B read-only at 1, a read-only view of T2 at 3. */
static void build_space(void)
{
	fm_init();
	fm_mem[T1][0] = pte(A, P | RW);
	fm_mem[T1][1] = pte(B, P);
	fm_mem[T1][3] = pte(T2, P);
	fm_mem[DIR][SLOT] = pte(T1, P | RW);
	cr_assert_eq(fm_take(T2, FT_L1), 0);
	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	fm_assert_type(T1, FT_L1, 1, 1);
	fm_check_counts();
}

TestSuite(pt_update, .init = build_space);

Test(pt_update, moving_a_writable_mapping_moves_the_writable_type)
{
	cr_assert_eq(update(T1, 0, pte(C, P | RW)), 0);
	cr_assert_eq(fm_mem[T1][0], pte(C, P | RW));
	fm_assert_type(A, FT_NONE, 0, 0);
	fm_assert_type(C, FT_WRITABLE, 1, 1);
	fm_check_counts();
}

Test(pt_update, dropping_rw_releases_the_writable_type)
{
	cr_assert_eq(update(T1, 0, pte(A, P)), 0);
	fm_assert_type(A, FT_NONE, 0, 1);
	cr_assert_eq(fm_take(A, FT_L1), 0, "no longer writable: may become a table");
	fm_check_counts();
}

Test(pt_update, a_refused_value_leaves_the_entry_and_every_count_as_they_were)
{
	const struct {
		uint32_t val;
		int err;
	} bad[] = {
		{ pte(FOREIGN, P | RW), -PV_EPERM }, { pte(HV_FRAME, P), -PV_EPERM },
		{ pte(FREE_FRAME, P), -PV_EPERM },   { pte(BEYOND, P | RW), -PV_EPERM },
		{ pte(C, P | RW | PS), -PV_EINVAL }, { pte(C, P | G), -PV_EINVAL },
		{ pte(T2, P | RW), -PV_EBUSY },	     { pte(DIR, P | RW), -PV_EBUSY },
		{ pte(T1, P | RW), -PV_EBUSY }, /* the table being updated */
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(update(T1, 0, bad[i].val), bad[i].err, "value %#x", bad[i].val);
		fm_assert_unchanged(&before, "refused update");
	}
	fm_check_counts();
}

Test(pt_update, flipping_rw_on_a_view_of_a_page_table_is_busy)
{
	struct fm_snapshot before;
	fm_snap(&before);
	cr_assert_eq(update(T1, 3, pte(T2, P | RW)), -PV_EBUSY);
	fm_assert_unchanged(&before, "view of T2 made writable");
	cr_assert_eq(update(T1, 3, pte(T2, P | US)), 0, "read-only stays fine");
	fm_check_counts();
}

Test(pt_update, only_a_table_in_use_can_be_updated)
{
	fm_mem[T3][0] = pte(C, P | RW);
	cr_assert_eq(fm_take(T3, FT_L1), 0);
	fm_drop(T3); /* unpinned: a plain frame again */
	const uint32_t not_tables[] = { A /* WRITABLE */, C /* NONE */, T3 /* unpinned */ };
	for (unsigned i = 0; i < 3; i++) {
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(update(not_tables[i], 7, pte(B, P)), -PV_EINVAL, "frame %u",
			     not_tables[i]);
		fm_assert_unchanged(&before, "update of a non-table");
	}
	fm_check_counts();
}

Test(pt_update, a_table_dom_does_not_own_is_refused)
{
	cr_assert_eq(ft_get_type(&ft, FOREIGN, OTHER, FT_L1), 0); /* domain 2's L1 */
	const uint32_t frames[] = { FOREIGN, HV_FRAME, FREE_FRAME, BEYOND, 0xFFFFFu };
	for (unsigned i = 0; i < 5; i++) {
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(update(frames[i], 0, 0), -PV_EPERM, "frame %#x", frames[i]);
		fm_assert_unchanged(&before, "update of a foreign table");
	}
}

Test(pt_update, hv_slots_of_a_directory_are_refused)
{
	for (uint32_t i = FT_FIRST_HV_SLOT; i < 1024; i++) {
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(update(DIR, i, 0), -PV_EPERM, "slot %u", i);
		fm_assert_unchanged(&before, "update of an hv slot");
	}
	cr_assert_eq(update(DIR, FT_FIRST_HV_SLOT - 1, pte(T2, P | RW)), 0, "last guest slot");
	cr_assert_eq(update(T1, 1023, pte(C, P | RW)), 0, "an L1 has no hv slots");
	fm_assert_type(T2, FT_L1, 2, 2);
	fm_check_counts();
}

Test(pt_update, a_directory_entry_to_a_new_l1_validates_it)
{
	fm_mem[T3][0] = pte(C, P | RW);
	fm_mem[T3][1] = pte(A, P | RW);
	cr_assert_eq(update(DIR, 5, pte(T3, P | RW)), 0);
	fm_assert_type(T3, FT_L1, 1, 1);
	fm_assert_type(C, FT_WRITABLE, 1, 1);
	fm_assert_type(A, FT_WRITABLE, 2, 2);
	fm_check_counts();
}

Test(pt_update, a_directory_entry_to_an_l1_that_fails_validation_changes_nothing)
{
	fm_mem[T3][0] = pte(C, P | RW);
	fm_mem[T3][1] = pte(FOREIGN, P);
	struct fm_snapshot before;
	fm_snap(&before);
	cr_assert_eq(update(DIR, SLOT, pte(T3, P | RW)), -PV_EPERM);
	fm_assert_unchanged(&before, "directory entry to a bad L1");
	fm_check_counts();
}

Test(pt_update, a_directory_entry_to_itself_or_another_directory_is_busy)
{
	cr_assert_eq(fm_take(DIR2, FT_L2), 0);
	const uint32_t dirs[] = { DIR, DIR2 };
	for (unsigned i = 0; i < 2; i++) {
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(update(DIR, 5, pte(dirs[i], P | RW)), -PV_EBUSY, "to %u", dirs[i]);
		cr_assert_eq(update(DIR, SLOT, pte(dirs[i], P)), -PV_EBUSY, "replacing T1");
		fm_assert_unchanged(&before, "directory entry to a directory");
	}
	fm_check_counts();
}

Test(pt_update, replacing_the_last_use_of_an_l1_releases_it)
{
	fm_mem[T3][0] = pte(C, P | RW);
	cr_assert_eq(update(DIR, SLOT, pte(T3, P | RW)), 0);
	fm_assert_type(T1, FT_NONE, 0, 0);
	fm_assert_type(A, FT_NONE, 0, 0);
	fm_assert_type(B, FT_NONE, 0, 0);
	fm_assert_type(T2, FT_L1, 1, 0); /* still pinned; T1's view of it is gone */
	fm_assert_type(T3, FT_L1, 1, 1);
	fm_check_counts();
	cr_assert_eq(update(DIR, SLOT, 0), 0);
	fm_assert_type(T3, FT_NONE, 0, 0);
	fm_assert_type(C, FT_NONE, 0, 0);
	fm_check_counts();
}

Test(pt_update, replacing_an_entry_to_an_l1_still_pinned_keeps_it)
{
	cr_assert_eq(fm_take(T1, FT_L1), 0);
	cr_assert_eq(update(DIR, SLOT, 0), 0);
	fm_assert_type(T1, FT_L1, 1, 0);
	fm_assert_type(A, FT_WRITABLE, 1, 1);
	fm_check_counts();
}

Test(pt_update, rewriting_an_entry_with_its_value_changes_no_count)
{
	const uint32_t entries[][2] = { { T1, 0 }, { T1, 1 }, { T1, 2 }, { T1, 3 }, { DIR, SLOT } };
	for (unsigned i = 0; i < 5; i++) {
		uint32_t mfn = entries[i][0], index = entries[i][1];
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(update(mfn, index, fm_mem[mfn][index]), 0);
		fm_assert_unchanged(&before, "entry rewritten as it was");
	}
	/* Other flags, same frame and access: the counts stay too. */
	cr_assert_eq(update(T1, 0, pte(A, P | RW | US | PV_PTE_A | PV_PTE_D)), 0);
	cr_assert_eq(update(DIR, SLOT, pte(T1, P | US)), 0);
	fm_assert_type(A, FT_WRITABLE, 1, 1);
	fm_assert_type(T1, FT_L1, 1, 1);
	fm_check_counts();
}

Test(pt_update, l1e_address_follows_the_directory_entry)
{
	cr_assert_eq(pt_l1e_address(&ft, DIR, 0xC0000000u), at(T1, 0));
	cr_assert_eq(pt_l1e_address(&ft, DIR, 0xC0003ABCu), at(T1, 3));
	cr_assert_eq(pt_l1e_address(&ft, DIR, 0xC03FFFFFu), at(T1, 1023));
	cr_assert_eq(pt_l1e_address(&ft, DIR, 0xC0400000u), 0, "next slot not present");
	cr_assert_eq(pt_l1e_address(&ft, DIR, 0), 0, "slot 0 not present");
}

Test(pt_update, l1e_address_of_hv_space_is_none)
{
	/* hv's slots hold present entries, but they are not the guest's to update. */
	for (uint32_t i = 0; i < 16; i++)
		cr_assert(ft.hv_slots[i] & P);
	cr_assert_eq(pt_l1e_address(&ft, DIR, 0xFC000000u), 0);
	cr_assert_eq(pt_l1e_address(&ft, DIR, 0xFFFFF000u), 0);
	cr_assert_eq(pt_l1e_address(&ft, BEYOND, 0xC0000000u), 0, "no such directory");
	cr_assert_eq(pt_l1e_address(&ft, DIR, 0xFBFFF000u), 0, "last guest slot, not present");
}
