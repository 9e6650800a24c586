/* test_desc_check.c: which segment descriptors set_gdt and update_descriptor accept. */
#include <criterion/criterion.h>
#include <pv/layout.h>
#include <pv/mm.h>
#include <string.h>

#include "mm/desc_check.h"

/* Access bytes (bits 15..8 of the high word): P, DPL, S, type. */
#define ACC_P 0x80u
#define ACC_DPL(n) ((uint32_t)(n) << 5)
#define ACC_S 0x10u
#define ACC_CODE_RX 0x0Au  /* code, readable */
#define ACC_CODE_CRX 0x0Eu /* code, conforming, readable */
#define ACC_DATA_RW 0x02u  /* data, writable */
#define ACC_DATA_RWD 0x06u /* data, writable, expand-down */
#define ACC_TSS32 0x09u	   /* S=0: available 32-bit TSS */
#define ACC_CALL32 0x0Cu   /* S=0: 32-bit call gate */
/* Flags nibble (bits 23..20 of the high word). */
#define FL_G 0x8u
#define FL_DB 0x4u
#define FL_L 0x2u

struct desc {
	uint32_t lo, hi;
};

/* Encode a descriptor; limit is the raw 20-bit field (pages when FL_G is set). */
static struct desc make(uint32_t base, uint32_t limit, uint32_t access, uint32_t flags)
{
	struct desc d;
	d.lo = (limit & 0xFFFF) | (base << 16);
	d.hi = ((base >> 16) & 0xFF) | (access << 8) | (limit & 0xF0000) | (flags << 20) |
	       (base & 0xFF000000u);
	return d;
}

static const char *check(struct desc d)
{
	return desc_check(d.lo, d.hi);
}

/* Flat 4 KiB-granular segments that end on the last page below hv. */
static const uint32_t below_hv_pages = (PV_HV_START >> 12) - 1;

static struct desc flat_data(uint32_t dpl)
{
	return make(0, below_hv_pages, ACC_P | ACC_DPL(dpl) | ACC_S | ACC_DATA_RW, FL_G | FL_DB);
}

static struct desc flat_code(uint32_t dpl)
{
	return make(0, below_hv_pages, ACC_P | ACC_DPL(dpl) | ACC_S | ACC_CODE_RX, FL_G | FL_DB);
}

Test(desc_check, accepts_flat_dpl1_and_dpl3_segments_below_hv)
{
	cr_assert_null(check(flat_code(1)));
	cr_assert_null(check(flat_data(1)));
	cr_assert_null(check(flat_code(3)));
	cr_assert_null(check(flat_data(3)));
	cr_assert_null(check(flat_data(2)));
}

Test(desc_check, accepts_a_small_byte_granular_segment)
{
	cr_assert_null(
		check(make(0x00400000, 0xFFF, ACC_P | ACC_DPL(3) | ACC_S | ACC_DATA_RW, FL_DB)));
}

Test(desc_check, accepts_a_segment_ending_on_the_last_byte_below_hv)
{
	/* Byte granular: base + limit == PV_HV_START - 1. */
	struct desc d =
		make(PV_HV_START - 0x1000, 0xFFF, ACC_P | ACC_DPL(1) | ACC_S | ACC_DATA_RW, 0);
	cr_assert_null(check(d));
}

Test(desc_check, accepts_the_all_zero_descriptor)
{
	cr_assert_null(desc_check(0, 0));
}

Test(desc_check, refuses_a_not_present_descriptor_with_content)
{
	struct desc d = flat_data(1);
	d.hi &= ~(ACC_P << 8);
	cr_assert_str_eq(check(d), "not-present descriptor is not zero");
	cr_assert_str_eq(desc_check(1, 0), "not-present descriptor is not zero");
}

Test(desc_check, refuses_a_call_gate)
{
	/* A DPL 3 call gate to hv's code selector 0x08: the classic way to ring 0. */
	struct desc d;
	d.lo = (0x08u << 16) | 0x1000;
	d.hi = 0xFC000000u | ((ACC_P | ACC_DPL(3) | ACC_CALL32) << 8);
	cr_assert_str_eq(check(d), "system descriptor or gate");
}

Test(desc_check, refuses_a_tss)
{
	struct desc d = make(0x1000, 0x67, ACC_P | ACC_DPL(1) | ACC_TSS32, 0);
	cr_assert_str_eq(check(d), "system descriptor or gate");
}

Test(desc_check, refuses_dpl0_code)
{
	cr_assert_str_eq(check(flat_code(0)), "DPL 0");
}

Test(desc_check, refuses_dpl0_data)
{
	cr_assert_str_eq(check(flat_data(0)), "DPL 0");
}

Test(desc_check, refuses_conforming_code)
{
	struct desc d =
		make(0, below_hv_pages, ACC_P | ACC_DPL(3) | ACC_S | ACC_CODE_CRX, FL_G | FL_DB);
	cr_assert_str_eq(check(d), "conforming code");
}

Test(desc_check, refuses_the_l_bit)
{
	struct desc d =
		make(0, below_hv_pages, ACC_P | ACC_DPL(3) | ACC_S | ACC_CODE_RX, FL_G | FL_L);
	cr_assert_str_eq(check(d), "L bit set (64-bit code)");
}

Test(desc_check, refuses_a_page_granular_limit_reaching_hv)
{
	/* One page more than the published segments: the limit's last page is hv's. */
	struct desc d =
		make(0, below_hv_pages + 1, ACC_P | ACC_DPL(1) | ACC_S | ACC_DATA_RW, FL_G | FL_DB);
	cr_assert_str_eq(check(d), "segment reaches hv");
	cr_assert_str_eq(
		check(make(0, 0xFFFFF, ACC_P | ACC_DPL(3) | ACC_S | ACC_CODE_RX, FL_G | FL_DB)),
		"segment reaches hv");
}

Test(desc_check, refuses_a_byte_granular_limit_reaching_hv)
{
	/* 1 MiB at most, so the base must be close: base + limit == PV_HV_START. */
	struct desc d =
		make(PV_HV_START - 0xFFFFF, 0xFFFFF, ACC_P | ACC_DPL(1) | ACC_S | ACC_DATA_RW, 0);
	cr_assert_str_eq(check(d), "segment reaches hv");
}

Test(desc_check, refuses_a_base_inside_hv)
{
	struct desc d = make(PV_HV_START, 0, ACC_P | ACC_DPL(1) | ACC_S | ACC_DATA_RW, 0);
	cr_assert_str_eq(check(d), "segment reaches hv");
}

Test(desc_check, refuses_base_plus_limit_wrapping)
{
	/* Base 0x10000 with a 4 GiB limit: offsets past 0xFFFEFFFF wrap to address 0,
	 * and on the way cover hv. */
	struct desc d =
		make(0x10000, 0xFFFFF, ACC_P | ACC_DPL(3) | ACC_S | ACC_DATA_RW, FL_G | FL_DB);
	cr_assert_str_eq(check(d), "segment wraps around 4 GiB");
}

Test(desc_check, refuses_the_expand_down_trick)
{
	/* Expand-down, 32-bit, limit just below hv: the limit looks harmless, but the
	 * valid offsets are everything above it, i.e. exactly hv. */
	struct desc d =
		make(0, below_hv_pages, ACC_P | ACC_DPL(1) | ACC_S | ACC_DATA_RWD, FL_G | FL_DB);
	cr_assert_str_eq(check(d), "32-bit expand-down segment reaches the top of memory");
}

Test(desc_check, refuses_every_32bit_expand_down_segment)
{
	/* Even a "tiny" one (offsets (0xFFFFEFFF, 0xFFFFFFFF]) ends at the top. */
	struct desc d = make(0, 0xFFFFE, ACC_P | ACC_DPL(3) | ACC_S | ACC_DATA_RWD, FL_G | FL_DB);
	cr_assert_str_eq(check(d), "32-bit expand-down segment reaches the top of memory");
}

Test(desc_check, accepts_a_16bit_expand_down_segment_below_hv)
{
	struct desc d = make(0x00800000, 0x0FFF, ACC_P | ACC_DPL(3) | ACC_S | ACC_DATA_RWD, 0);
	cr_assert_null(check(d));
}

Test(desc_check, refuses_a_16bit_expand_down_segment_reaching_hv)
{
	/* Its offsets run up to 0xFFFF whatever the limit, so base + 0xFFFF counts. */
	struct desc d =
		make(PV_HV_START - 0x8000, 0xFFFF, ACC_P | ACC_DPL(3) | ACC_S | ACC_DATA_RWD, 0);
	cr_assert_str_eq(check(d), "segment reaches hv");
}

/* A frame of zeros with a DPL 3 data segment at index 16 and a DPL 1 one at 511. */
static void good_frame(uint32_t *words)
{
	memset(words, 0, DESC_FRAME_WORDS * sizeof(words[0]));
	struct desc d = flat_data(3), e = flat_data(1);
	words[2 * PV_GDT_FIRST_GUEST_ENTRY] = d.lo;
	words[2 * PV_GDT_FIRST_GUEST_ENTRY + 1] = d.hi;
	words[DESC_FRAME_WORDS - 2] = e.lo;
	words[DESC_FRAME_WORDS - 1] = e.hi;
}

Test(desc_frame_check, accepts_a_frame_of_good_descriptors)
{
	static uint32_t words[DESC_FRAME_WORDS];
	good_frame(words);
	cr_assert_null(desc_frame_check(words));
	memset(words, 0, sizeof(words));
	cr_assert_null(desc_frame_check(words));
}

Test(desc_frame_check, refuses_anything_in_hvs_entries)
{
	static uint32_t words[DESC_FRAME_WORDS];
	/* Even a descriptor that would pass elsewhere, in any word of 0..15. */
	for (uint32_t i = 0; i < 2 * PV_GDT_FIRST_GUEST_ENTRY; i++) {
		good_frame(words);
		words[i] = i & 1 ? flat_data(3).hi : flat_data(3).lo;
		cr_assert_str_eq(desc_frame_check(words), "hv's descriptors 0..15 are not zero",
				 "word %u", i);
	}
}

Test(desc_frame_check, refuses_one_bad_descriptor_anywhere)
{
	static uint32_t words[DESC_FRAME_WORDS];
	good_frame(words);
	struct desc bad = flat_code(0);
	words[DESC_FRAME_WORDS - 2] = bad.lo;
	words[DESC_FRAME_WORDS - 1] = bad.hi;
	cr_assert_str_eq(desc_frame_check(words), "DPL 0");
}
