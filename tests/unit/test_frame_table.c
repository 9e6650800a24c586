/* test_frame_table.c: validating page tables takes exactly the types and counts
 * their entries need, refuses every entry a guest may not make, and gives all of it
 * back, on failure and on the last use. */
#include "fake_machine.h"

/* Domain 1's frames the tests use as tables and as data. */
#define T1 8u
#define T2 9u
#define T3 10u
#define DIR 16u
#define DIR2 17u
#define A 20u
#define B 21u
#define C 22u

TestSuite(frame_table, .init = fm_init);

Test(frame_table, a_valid_l1_takes_one_writable_use_per_rw_mapping)
{
	fm_mem[T1][0] = pte(A, P | RW);
	fm_mem[T1][1] = pte(A, P | RW | US);
	fm_mem[T1][2] = pte(B, P | RW);
	fm_mem[T1][3] = pte(C, P);
	fm_mem[T1][700] = pte(C, P | US);
	fm_mem[T1][1020] = pte(B, P | RW);	   /* an L1 has no hv slots: all 1024 count */
	fm_mem[T1][5] = pte(FOREIGN, RW | PS | G); /* not present: ignored */
	fm_mem[T1][1023] = 0xFFFFF000u;		   /* not present: ignored */

	cr_assert_eq(fm_take(T1, FT_L1), 0);
	fm_assert_type(T1, FT_L1, 1, 0);
	fm_assert_type(A, FT_WRITABLE, 2, 2);
	fm_assert_type(B, FT_WRITABLE, 2, 2);
	fm_assert_type(C, FT_NONE, 0, 2);
	fm_assert_type(FOREIGN, FT_NONE, 0, 0);
	fm_check_counts();
	fm_drop(T1);
	fm_assert_all_released();
}

Test(frame_table, an_l1_naming_a_frame_dom_does_not_own_is_refused_and_changes_nothing)
{
	static const uint32_t bad[] = { FOREIGN, HV_FRAME, FREE_FRAME, BEYOND, 0xFFFFFu };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		for (uint32_t rw = 0; rw <= RW; rw += RW) {
			fm_init();
			/* Good entries before the bad one, so their references must be undone. */
			fm_mem[T1][0] = pte(A, P | RW);
			fm_mem[T1][1] = pte(B, P);
			fm_mem[T1][2] = pte(C, P | RW);
			fm_mem[T1][1023] = pte(bad[i], P | rw); /* the last entry counts too */
			struct fm_snapshot before;
			fm_snap(&before);
			cr_assert_eq(fm_take(T1, FT_L1), -PV_EPERM, "frame %#x rw %u", bad[i], rw);
			fm_assert_unchanged(&before, "refused L1");
			fm_check_counts();
		}
	}
}

Test(frame_table, ps_or_g_in_a_present_l1_entry_is_invalid_and_changes_nothing)
{
	static const uint32_t forbidden[] = { PS, G, PS | G };
	for (unsigned i = 0; i < 3; i++) {
		fm_init();
		fm_mem[T1][0] = pte(A, P | RW);
		fm_mem[T1][9] = pte(B, P | forbidden[i]);
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(fm_take(T1, FT_L1), -PV_EINVAL, "bits %#x", forbidden[i]);
		fm_assert_unchanged(&before, "L1 with PS/G");
		fm_check_counts();
	}
}

Test(frame_table, an_l1_may_map_a_page_table_read_only_but_not_writable)
{
	cr_assert_eq(fm_take(T2, FT_L1), 0);
	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	static const uint32_t tables[] = { T2, DIR };
	for (unsigned i = 0; i < 2; i++) {
		fm_mem[T1][0] = pte(tables[i], P | RW);
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(fm_take(T1, FT_L1), -PV_EBUSY, "table %u mapped writable", tables[i]);
		fm_assert_unchanged(&before, "L1 mapping a table writable");
	}
	fm_mem[T1][0] = pte(T2, P);
	fm_mem[T1][1] = pte(DIR, P | US);
	cr_assert_eq(fm_take(T1, FT_L1), 0);
	fm_assert_type(T2, FT_L1, 1, 1);
	fm_assert_type(DIR, FT_L2, 1, 1);
	fm_check_counts();
}

Test(frame_table, an_l1_may_map_itself_read_only_but_not_writable)
{
	fm_mem[T1][0] = pte(A, P | RW);
	fm_mem[T1][4] = pte(T1, P | RW);
	struct fm_snapshot before;
	fm_snap(&before);
	cr_assert_eq(fm_take(T1, FT_L1), -PV_EBUSY);
	fm_assert_unchanged(&before, "L1 mapping itself writable");

	fm_mem[T1][4] = pte(T1, P);
	cr_assert_eq(fm_take(T1, FT_L1), 0);
	fm_assert_type(T1, FT_L1, 1, 1);
	fm_check_counts();
}

Test(frame_table, a_frame_mapped_writable_cannot_become_a_table_until_unmapped)
{
	fm_mem[T1][0] = pte(T2, P | RW);
	cr_assert_eq(fm_take(T1, FT_L1), 0);
	fm_assert_type(T2, FT_WRITABLE, 1, 1);
	cr_assert_eq(fm_take(T2, FT_L1), -PV_EBUSY);
	cr_assert_eq(fm_take(T2, FT_L2), -PV_EBUSY);
	cr_assert_eq(fm_take(T2, FT_DESC), -PV_EBUSY);
	fm_assert_type(T2, FT_WRITABLE, 1, 1);
	fm_check_counts();

	fm_drop(T1); /* the writable mapping goes with its table */
	fm_assert_type(T2, FT_NONE, 0, 0);
	cr_assert_eq(fm_take(T2, FT_L1), 0);
	fm_check_counts();
}

Test(frame_table, a_directory_validates_its_l1s_and_gets_hv_slots)
{
	fm_mem[T1][0] = pte(A, P | RW);
	fm_mem[T2][3] = pte(B, P);
	fm_mem[DIR][0] = pte(T1, P | RW | US);
	fm_mem[DIR][5] = pte(T2, P | RW);
	fm_mem[DIR][768] = pte(T1, P | RW);	/* one L1 under two directory slots */
	fm_mem[DIR][9] = pte(FOREIGN, RW | PS); /* not present: ignored */
	/* Whatever the guest leaves in hv's slots is neither checked nor kept. */
	for (uint32_t i = FT_FIRST_HV_SLOT; i < 1024; i++)
		fm_mem[DIR][i] = pte(i % 2 ? FOREIGN : DIR, P | RW | PS);

	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	fm_assert_type(DIR, FT_L2, 1, 0);
	fm_assert_type(T1, FT_L1, 2, 2);
	fm_assert_type(T2, FT_L1, 1, 1);
	fm_assert_type(A, FT_WRITABLE, 1, 1);
	fm_assert_type(B, FT_NONE, 0, 1);
	for (uint32_t i = 0; i < 16; i++)
		cr_assert_eq(fm_mem[DIR][FT_FIRST_HV_SLOT + i], ft.hv_slots[i]);
	fm_check_counts();
}

Test(frame_table, a_directory_naming_itself_or_another_directory_is_busy)
{
	cr_assert_eq(fm_take(DIR2, FT_L2), 0);
	static const uint32_t dirs[] = { DIR, DIR2 };
	for (unsigned i = 0; i < 2; i++) {
		fm_mem[DIR][0] = pte(T1, P | RW);
		fm_mem[DIR][1] = pte(dirs[i], P | RW);
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(fm_take(DIR, FT_L2), -PV_EBUSY, "directory names %u", dirs[i]);
		fm_assert_unchanged(&before, "directory naming a directory");
	}
	fm_check_counts();
}

Test(frame_table, an_l1_mapping_the_directory_being_validated_writable_is_busy)
{
	fm_mem[T1][0] = pte(A, P | RW);
	fm_mem[T1][1] = pte(DIR, P | RW);
	fm_mem[DIR][0] = pte(T1, P | RW);
	struct fm_snapshot before;
	fm_snap(&before);
	cr_assert_eq(fm_take(DIR, FT_L2), -PV_EBUSY);
	fm_assert_unchanged(&before, "L1 mapping its directory writable");
	fm_mem[T1][1] = pte(DIR, P); /* the usual recursive view: read-only */
	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	fm_check_counts();
}

Test(frame_table, a_directory_with_a_bad_l1_rolls_back_the_l1s_before_it)
{
	/* T1 is validated by this directory alone, T2 was pinned before, T3 fails. */
	fm_mem[T1][0] = pte(A, P | RW);
	fm_mem[T2][0] = pte(B, P | RW);
	cr_assert_eq(fm_take(T2, FT_L1), 0);
	fm_mem[DIR][0] = pte(T1, P | RW);
	fm_mem[DIR][1] = pte(T2, P | RW);
	fm_mem[DIR][2] = pte(T3, P | RW);
	fm_mem[DIR][3] = pte(T1, P | RW);
	fm_mem[DIR][1010] = 0x12345067u; /* must stay the guest's until validation succeeds */

	const struct {
		uint32_t entry;
		int err;
	} bad_l1[] = {
		{ pte(FOREIGN, P), -PV_EPERM },
		{ pte(C, P | PS), -PV_EINVAL },
		{ pte(T2, P | RW), -PV_EBUSY },
		{ pte(B, P | G), -PV_EINVAL },
	};
	for (unsigned i = 0; i < 4; i++) {
		fm_mem[T3][0] = pte(A, P | RW); /* a second writable use of A, undone too */
		fm_mem[T3][1] = bad_l1[i].entry;
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(fm_take(DIR, FT_L2), bad_l1[i].err, "bad L1 entry %#x",
			     bad_l1[i].entry);
		fm_assert_unchanged(&before, "directory with a bad L1");
		fm_assert_type(T1, FT_NONE, 0, 0);
		fm_assert_type(T2, FT_L1, 1, 0);
		fm_check_counts();
	}
}

Test(frame_table, a_directory_entry_may_not_be_a_large_page_or_name_a_frame_dom_does_not_own)
{
	const struct {
		uint32_t entry;
		int err;
	} bad[] = {
		{ pte(T1, P | RW | PS), -PV_EINVAL }, { pte(FOREIGN, P), -PV_EPERM },
		{ pte(HV_FRAME, P), -PV_EPERM },      { pte(BEYOND, P), -PV_EPERM },
		{ pte(A, P | RW), -PV_EBUSY }, /* A is mapped writable by T2 */
	};
	fm_mem[T2][0] = pte(A, P | RW);
	cr_assert_eq(fm_take(T2, FT_L1), 0);
	for (unsigned i = 0; i < 5; i++) {
		fm_mem[DIR][0] = pte(T2, P | RW);
		fm_mem[DIR][1] = bad[i].entry;
		struct fm_snapshot before;
		fm_snap(&before);
		cr_assert_eq(fm_take(DIR, FT_L2), bad[i].err, "entry %#x", bad[i].entry);
		fm_assert_unchanged(&before, "bad directory entry");
	}
	fm_check_counts();
}

/* DIR -> T1 (A writable, B read-only, 2x), T2 (A writable, C writable). */
static void build_directory(void)
{
	fm_mem[T1][0] = pte(A, P | RW);
	fm_mem[T1][1] = pte(B, P);
	fm_mem[T1][2] = pte(B, P);
	fm_mem[T2][0] = pte(A, P | RW);
	fm_mem[T2][1] = pte(C, P | RW);
	fm_mem[DIR][0] = pte(T1, P | RW);
	fm_mem[DIR][1] = pte(T2, P | RW);
}

Test(frame_table, dropping_the_last_use_of_a_directory_releases_everything_below_it)
{
	build_directory();
	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	fm_assert_type(A, FT_WRITABLE, 2, 2);
	fm_check_counts();
	fm_drop(DIR);
	fm_assert_all_released();
	fm_check_counts();
}

Test(frame_table, a_directory_used_twice_stays_until_its_second_use_goes)
{
	build_directory();
	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	cr_assert_eq(fm_take(DIR, FT_L2), 0); /* pinned and loaded as CR3 */
	fm_drop(DIR);
	fm_assert_type(DIR, FT_L2, 1, 0);
	fm_assert_type(T1, FT_L1, 1, 1);
	fm_check_counts();
	fm_drop(DIR);
	fm_assert_all_released();
}

Test(frame_table, unpinning_an_l1_still_in_a_directory_keeps_it_an_l1)
{
	build_directory();
	cr_assert_eq(fm_take(T1, FT_L1), 0);
	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	fm_assert_type(T1, FT_L1, 2, 1);
	fm_drop(T1);
	fm_assert_type(T1, FT_L1, 1, 1);
	fm_assert_type(A, FT_WRITABLE, 2, 2);
	cr_assert_eq(fm_take(T1, FT_DESC), -PV_EBUSY, "still an L1, can not be retyped");
	fm_check_counts();
	fm_drop(DIR);
	fm_assert_all_released();
}

Test(frame_table, two_directories_share_an_l1_and_dropping_one_keeps_it)
{
	build_directory();
	fm_mem[DIR2][300] = pte(T1, P | RW);
	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	cr_assert_eq(fm_take(DIR2, FT_L2), 0);
	fm_assert_type(T1, FT_L1, 2, 2);
	fm_drop(DIR);
	fm_assert_type(T1, FT_L1, 1, 1);
	fm_assert_type(T2, FT_NONE, 0, 0);
	fm_assert_type(A, FT_WRITABLE, 1, 1);
	fm_assert_type(C, FT_NONE, 0, 0);
	fm_check_counts();
	fm_drop(DIR2);
	fm_assert_all_released();
}

Test(frame_table, a_cycle_through_read_only_mappings_is_torn_down_once)
{
	/* DIR uses T1 as an L1; T1 maps DIR and itself read-only (a recursive view). */
	fm_mem[DIR][0] = pte(T1, P | RW);
	fm_mem[T1][0] = pte(DIR, P);
	fm_mem[T1][1] = pte(T1, P);
	cr_assert_eq(fm_take(DIR, FT_L2), 0);
	fm_assert_type(DIR, FT_L2, 1, 1);
	fm_assert_type(T1, FT_L1, 1, 2);
	fm_check_counts();
	fm_drop(DIR);
	fm_assert_all_released();
}

static const char *accept_all(const uint32_t *words)
{
	return 0;
}

Test(frame_table, descriptor_frames_need_a_checker_and_are_never_writable)
{
	cr_assert_eq(fm_take(C, FT_DESC), -PV_EINVAL, "no checker: refused");
	fm_assert_type(C, FT_NONE, 0, 0);
	ft.desc_frame_check = accept_all;
	cr_assert_eq(fm_take(C, FT_DESC), 0);
	fm_mem[T1][0] = pte(C, P | RW);
	cr_assert_eq(fm_take(T1, FT_L1), -PV_EBUSY);
	fm_mem[T1][0] = pte(C, P);
	cr_assert_eq(fm_take(T1, FT_L1), 0);
	fm_assert_type(C, FT_DESC, 1, 1);
	fm_check_counts();
}

Test(frame_table, saturated_counts_refuse_one_more_use)
{
	fm_info[A].ref_count = 0xFFFF;
	cr_assert_eq(ft_get_l1e(&ft, pte(A, P), DOM), -PV_EBUSY);
	cr_assert_eq(fm_info[A].ref_count, 0xFFFF);
	fm_info[B].type = FT_WRITABLE;
	fm_info[B].type_count = 0xFFFF;
	cr_assert_eq(ft_get_l1e(&ft, pte(B, P | RW), DOM), -PV_EBUSY);
	fm_assert_type(B, FT_WRITABLE, 0xFFFF, 0);
}

/* Found by this test: ft_get_l2e checks the L1's ref_count before validating it,
 * but the validation takes references of its own (the L1's read-only views of
 * itself), so the final increment can wrap 0xFFFF to 0. 0xFFFE stands for 65534
 * read-only mappings in other L1s, which a guest builds with 64 frames. */
Test(frame_table, a_self_mapping_l1_cannot_wrap_its_ref_count_through_a_directory)
{
	fm_info[T1].ref_count = 0xFFFE;
	fm_mem[T1][0] = pte(T1, P);
	fm_mem[DIR][0] = pte(T1, P | RW);
	struct fm_snapshot before;
	fm_snap(&before);
	cr_assert_eq(fm_take(DIR, FT_L2), -PV_EBUSY, "T1 ref_count now %u", fm_info[T1].ref_count);
	fm_assert_unchanged(&before, "saturated L1 under a directory");
}
