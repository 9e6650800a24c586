/* test_pvscan_sanctioned.c: unit tests for pvscan's exemption rule, its marker pairing,
 * and the per-file tally (test_pvscan.c covers the classifier).
 *
 * Addresses follow the real objdump listing used in test_pvscan.c: vmcall at
 * 0x84 (3 bytes), vmmcall at 0x87, iret at 0x8a. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scanner/insn_classify.h"
#include "scanner/sanctioned.h"
#include "scanner/scan_tally.h"

/* --- Sanctioned ranges and the exemption rule. --- */

static const struct pvscan_insn_class vmcall = { PVSCAN_SANCTIONABLE, "vmcall" };

/* Build s with the single range [begin, end) tagged hc in .text. */
static void one_range(struct pvscan_sanctioned *s, uint64_t begin, uint64_t end)
{
	pvscan_sanctioned_init(s);
	cr_assert(pvscan_sanctioned_note_symbol(s, "pvscan_sanctioned_begin__hc", ".text", begin));
	cr_assert(pvscan_sanctioned_note_symbol(s, "pvscan_sanctioned_end__hc", ".text", end));
	cr_assert(pvscan_sanctioned_finish(s), "%s", s->error);
}

Test(pvscan_sanctioned, transport_inside_the_range_is_exempt)
{
	struct pvscan_sanctioned s;

	one_range(&s, 0x84, 0x8d);
	const struct pvscan_range *r = pvscan_sanctioned_exempts(&s, vmcall, ".text", 0x84, 3);
	cr_assert_not_null(r);
	cr_expect_str_eq(r->tag, "hc");
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, iret_inside_the_range_is_exempt)
{
	struct pvscan_sanctioned s;

	one_range(&s, 0x84, 0x8d);
	struct pvscan_insn_class iret = pvscan_classify("iret");
	cr_expect_not_null(pvscan_sanctioned_exempts(&s, iret, ".text", 0x8a, 1));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, transport_before_the_range_is_reported)
{
	struct pvscan_sanctioned s;

	one_range(&s, 0x87, 0x8d);
	cr_expect_null(pvscan_sanctioned_exempts(&s, vmcall, ".text", 0x84, 3));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, range_end_is_exclusive)
{
	struct pvscan_sanctioned s;

	one_range(&s, 0x84, 0x87);
	cr_expect_null(pvscan_sanctioned_exempts(&s, vmcall, ".text", 0x87, 3));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, instruction_straddling_the_end_is_reported)
{
	struct pvscan_sanctioned s;

	one_range(&s, 0x84, 0x86);
	cr_expect_null(pvscan_sanctioned_exempts(&s, vmcall, ".text", 0x84, 3));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, same_address_in_another_section_is_reported)
{
	struct pvscan_sanctioned s;

	one_range(&s, 0x84, 0x8d);
	cr_expect_null(pvscan_sanctioned_exempts(&s, vmcall, ".text.other", 0x84, 3));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, other_sensitive_instructions_inside_the_range_are_reported)
{
	struct pvscan_sanctioned s;

	one_range(&s, 0x0, 0x100);
	struct pvscan_insn_class cli = pvscan_classify("cli");
	struct pvscan_insn_class sidt = pvscan_classify("sidtl (%eax)");
	struct pvscan_insn_class int81 = pvscan_classify("int $0x81");
	cr_expect_null(pvscan_sanctioned_exempts(&s, cli, ".text", 0x0, 1));
	cr_expect_null(pvscan_sanctioned_exempts(&s, sidt, ".text", 0x12, 3));
	cr_expect_null(pvscan_sanctioned_exempts(&s, int81, ".text", 0x8d, 2));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, no_markers_means_no_exemption)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_finish(&s));
	cr_expect_null(pvscan_sanctioned_exempts(&s, vmcall, ".text", 0x84, 3));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, begin_without_end_is_an_error)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__hc", ".text", 4));
	cr_expect_not(pvscan_sanctioned_finish(&s));
	cr_expect(strstr(s.error, "pvscan_sanctioned_begin__hc") != NULL, "%s", s.error);
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, end_without_begin_is_an_error)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_end__hc", ".text", 4));
	cr_expect_not(pvscan_sanctioned_finish(&s));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, end_before_begin_is_an_error)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__hc", ".text", 8));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_end__hc", ".text", 4));
	cr_expect_not(pvscan_sanctioned_finish(&s));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, different_tags_do_not_pair)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__a", ".text", 4));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_end__b", ".text", 8));
	cr_expect_not(pvscan_sanctioned_finish(&s));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, begin_and_end_in_different_sections_do_not_pair)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__hc", ".text", 4));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_end__hc", ".init", 8));
	cr_expect_not(pvscan_sanctioned_finish(&s));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, overlapping_ranges_of_one_tag_are_an_error)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__hc", ".text", 4));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__hc", ".text", 6));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_end__hc", ".text", 8));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_end__hc", ".text", 10));
	cr_expect_not(pvscan_sanctioned_finish(&s));
	pvscan_sanctioned_free(&s);
}

/* A static inline stub copied into two object files leaves two pairs of one tag. */
Test(pvscan_sanctioned, one_tag_may_mark_several_ranges)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_end__hc", ".text", 0x23));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__hc", ".text", 0x20));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_end__hc", ".text", 0x13));
	cr_assert(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__hc", ".text", 0x10));
	cr_assert(pvscan_sanctioned_finish(&s), "%s", s.error);
	cr_expect_eq(s.n_ranges, 2);
	cr_expect_not_null(pvscan_sanctioned_exempts(&s, vmcall, ".text", 0x10, 3));
	cr_expect_not_null(pvscan_sanctioned_exempts(&s, vmcall, ".text", 0x20, 3));
	cr_expect_null(pvscan_sanctioned_exempts(&s, vmcall, ".text", 0x16, 3));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, malformed_marker_name_is_an_error)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_expect_not(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_start__hc", ".text", 4));
	cr_expect_not(pvscan_sanctioned_note_symbol(&s, "pvscan_sanctioned_begin__", ".text", 4));
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, ordinary_symbols_are_ignored)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_expect(pvscan_sanctioned_note_symbol(&s, "pv_hypercall_via", ".text", 4));
	cr_expect_eq(s.n_markers, 0);
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, nm_sysv_line_gives_name_value_and_section)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_assert(pvscan_sanctioned_note_nm_line(
		&s, "pvscan_sanctioned_begin__hc|00000001|   t  |            NOTYPE|        |     "
		    "|.text\n"));
	cr_assert_eq(s.n_markers, 1);
	cr_expect(s.markers[0].is_begin);
	cr_expect_str_eq(s.markers[0].tag, "hc");
	cr_expect_eq(s.markers[0].addr, 1);
	cr_expect_str_eq(s.markers[0].section, ".text");
	pvscan_sanctioned_free(&s);
}

Test(pvscan_sanctioned, nm_headings_are_ignored)
{
	struct pvscan_sanctioned s;

	pvscan_sanctioned_init(&s);
	cr_expect(pvscan_sanctioned_note_nm_line(&s, "Symbols from mark.o:\n"));
	cr_expect(pvscan_sanctioned_note_nm_line(
		&s,
		"Name                  Value   Class        Type         Size     Line  Section\n"));
	cr_expect(pvscan_sanctioned_note_nm_line(
		&s,
		"stub                |00000000|   T  |            NOTYPE|        |     |.text\n"));
	cr_expect_eq(s.n_markers, 0);
	pvscan_sanctioned_free(&s);
}

/* --- The tally and its summary. --- */

Test(pvscan_tally, exempted_instructions_are_counted_but_not_listed)
{
	struct pvscan_tally t;

	pvscan_tally_init(&t);
	pvscan_tally_add(&t, pvscan_classify("sidtl (%eax)"), false);
	pvscan_tally_add(&t, vmcall, true);
	cr_expect_eq(t.found, 2);
	cr_expect_eq(t.exempted, 1);
	cr_expect_eq(pvscan_tally_reported(&t), 1);
	cr_assert_eq(t.n_names, 1);
	cr_expect_str_eq(t.reported[0].name, "sidt");
}

Test(pvscan_tally, summary_lists_names_alphabetically)
{
	struct pvscan_tally t;
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	pvscan_tally_init(&t);
	pvscan_tally_add(&t, pvscan_classify("sidtl (%eax)"), false);
	pvscan_tally_add(&t, pvscan_classify("sgdtl (%eax)"), false);
	pvscan_tally_add(&t, pvscan_classify("sgdtl (%eax)"), false);
	pvscan_tally_add(&t, pvscan_classify("int $0x82"), false);
	pvscan_tally_add(&t, pvscan_classify("(bad)"), false);
	pvscan_tally_print(out, "leak.elf", &t);
	fclose(out);
	cr_expect_str_eq(text, "leak.elf: 3 sensitive, 0 exempted, 3 reported, 1 undecodable\n"
			       "  sgdt: 2\n"
			       "  sidt: 1\n");
	free(text);
}

Test(pvscan_sanctioned, a_system_call_stub_is_exempt_inside_its_range_only)
{
	struct pvscan_sanctioned s;

	one_range(&s, 0x80, 0x90);
	struct pvscan_insn_class int80 = pvscan_classify("int $0x80");
	cr_expect_not_null(pvscan_sanctioned_exempts(&s, int80, ".text", 0x88, 2));
	cr_expect_null(pvscan_sanctioned_exempts(&s, int80, ".text", 0x40, 2));
	pvscan_sanctioned_free(&s);
}
