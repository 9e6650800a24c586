/* fake_machine.h: a 64-frame machine in ordinary memory for the frame-table tests.
 *
 * Frames 0..3 are hv's, 4..47 domain 1's (DOM), 48..55 domain 2's (OTHER) and
 * 56..63 free. The tests build page tables in fm_mem, take and drop uses of a type
 * the way mmuext_op pins do (fm_take/fm_drop, which also record the use), and end
 * with fm_check_counts(), which recounts every type and reference from the tables
 * themselves. Everything is static: Criterion runs each test in its own process. */
#ifndef TESTS_UNIT_FAKE_MACHINE_H
#define TESTS_UNIT_FAKE_MACHINE_H

#include <criterion/criterion.h>
#include <pv/abi_gen.h>
#include <pv/mm.h>
#include <string.h>

#include "mm/frame_table.h"
#include "mm/frames.h"

#define FM_FRAMES 64u
#define DOM 1
#define OTHER 2
#define HV_FRAME 1u	 /* owned by hv */
#define FOREIGN 50u	 /* owned by OTHER */
#define FREE_FRAME 60u	 /* owned by nobody */
#define BEYOND FM_FRAMES /* not a frame at all */

#define P PV_PTE_P
#define RW PV_PTE_RW
#define US PV_PTE_US
#define PS 0x080u /* large page */
#define G 0x100u  /* global */

static uint32_t fm_mem[FM_FRAMES][1024];
/* One entry more than ft.nr_frames says, owned by DOM: a bounds check that is off
 * by one lets frame BEYOND through, and the test sees it. */
static struct frame_info fm_info[FM_FRAMES + 1];
static uint16_t fm_uses[FM_FRAMES]; /* uses taken by fm_take: pins, CR3 loads */
static struct frame_table ft;

static inline uint32_t *fm_words(uint32_t mfn)
{
	cr_assert_lt(mfn, FM_FRAMES, "hv reached for frame %u, beyond the machine", mfn);
	return fm_mem[mfn];
}

/* An entry naming mfn with flags. */
static inline uint32_t pte(uint32_t mfn, uint32_t flags)
{
	return mfn << 12 | flags;
}

/* A fresh machine: no tables, distinctive hv slots, descriptor frames refused. */
static inline void fm_init(void)
{
	memset(fm_mem, 0, sizeof(fm_mem));
	memset(fm_info, 0, sizeof(fm_info));
	memset(fm_uses, 0, sizeof(fm_uses));
	for (uint32_t mfn = 0; mfn <= FM_FRAMES; mfn++)
		fm_info[mfn].owner = mfn < 4  ? FRAME_OWNER_HV :
				     mfn < 48 ? DOM :
				     mfn < 56 ? OTHER :
				     mfn < 64 ? FRAME_OWNER_FREE :
						DOM;
	ft = (struct frame_table){ .info = fm_info, .nr_frames = FM_FRAMES, .words = fm_words };
	for (uint32_t i = 0; i < 16; i++)
		ft.hv_slots[i] = 0xABC00063u + (i << 12);
}

/* Take a use of type on mfn for DOM, as a pin does; the error or 0. */
static inline int fm_take(uint32_t mfn, enum frame_type type)
{
	int err = ft_get_type(&ft, mfn, DOM, type);
	if (!err)
		fm_uses[mfn]++;
	return err;
}

static inline void fm_drop(uint32_t mfn)
{
	cr_assert_gt(fm_uses[mfn], 0, "test drops a use of frame %u it never took", mfn);
	fm_uses[mfn]--;
	ft_put_type(&ft, mfn);
}

/* A copy of the whole machine, to prove a failed call changed nothing. */
struct fm_snapshot {
	struct frame_info info[FM_FRAMES + 1];
	uint32_t mem[FM_FRAMES][1024];
};

static inline void fm_snap(struct fm_snapshot *s)
{
	memcpy(s->info, fm_info, sizeof(fm_info));
	memcpy(s->mem, fm_mem, sizeof(fm_mem));
}

static inline void fm_assert_unchanged(const struct fm_snapshot *s, const char *what)
{
	for (uint32_t mfn = 0; mfn <= FM_FRAMES; mfn++) {
		const struct frame_info *a = &s->info[mfn], *b = &fm_info[mfn];
		cr_assert(!memcmp(a, b, sizeof(*a)),
			  "%s: frame %u was type %u/%u ref %u, now type %u/%u ref %u", what, mfn,
			  a->type, a->type_count, a->ref_count, b->type, b->type_count,
			  b->ref_count);
	}
	cr_assert(!memcmp(s->mem, fm_mem, sizeof(fm_mem)), "%s: a table's words changed", what);
}

static inline void fm_assert_type(uint32_t mfn, enum frame_type type, uint16_t type_count,
				  uint16_t ref_count)
{
	const struct frame_info *fi = &fm_info[mfn];
	cr_assert_eq(fi->type, type, "frame %u: type %u, expected %u", mfn, fi->type, type);
	cr_assert_eq(fi->type_count, type_count, "frame %u: type_count %u, expected %u", mfn,
		     fi->type_count, type_count);
	cr_assert_eq(fi->ref_count, ref_count, "frame %u: ref_count %u, expected %u", mfn,
		     fi->ref_count, ref_count);
}

/* The counting invariants of frame_table.h, recomputed from the tables: every type
 * and count must be exactly what the validated L1s and L2s plus the uses fm_take
 * took account for, and every validated L2 must hold hv's slots. */
static inline void fm_check_counts(void)
{
	uint32_t refs[FM_FRAMES] = { 0 }, writable[FM_FRAMES] = { 0 }, as_l1[FM_FRAMES] = { 0 };
	for (uint32_t t = 0; t < FM_FRAMES; t++) {
		const struct frame_info *fi = &fm_info[t];
		if (fi->type_count == 0 || (fi->type != FT_L1 && fi->type != FT_L2))
			continue;
		uint32_t count = fi->type == FT_L1 ? 1024 : FT_FIRST_HV_SLOT;
		for (uint32_t i = 0; i < count; i++) {
			uint32_t e = fm_mem[t][i], mfn = e >> 12;
			if (!(e & P))
				continue;
			cr_assert_lt(mfn, FM_FRAMES, "table %u entry %u names frame %u", t, i, mfn);
			cr_assert_eq(fm_info[mfn].owner, fi->owner, "table %u maps a foreign frame",
				     t);
			refs[mfn]++;
			if (fi->type == FT_L2)
				as_l1[mfn]++;
			else if (e & RW)
				writable[mfn]++;
		}
		for (uint32_t i = 0; fi->type == FT_L2 && i < 16; i++)
			cr_assert_eq(fm_mem[t][FT_FIRST_HV_SLOT + i], ft.hv_slots[i],
				     "directory %u slot %u is not hv's", t, FT_FIRST_HV_SLOT + i);
	}
	for (uint32_t mfn = 0; mfn < FM_FRAMES; mfn++) {
		const struct frame_info *fi = &fm_info[mfn];
		cr_assert_not(fi->flags & FI_VALIDATING, "frame %u left validating", mfn);
		cr_assert(fi->type_count || fi->type == FT_NONE, "frame %u typed %u with no use",
			  mfn, fi->type);
		cr_assert_eq(fi->ref_count, refs[mfn], "frame %u: ref_count %u, tables hold %u",
			     mfn, fi->ref_count, refs[mfn]);
		uint32_t expected = fi->type == FT_WRITABLE ? writable[mfn] :
				    fi->type == FT_L1	    ? as_l1[mfn] + fm_uses[mfn] :
				    fi->type == FT_NONE	    ? 0 :
							      fm_uses[mfn];
		cr_assert_eq(fi->type_count, expected,
			     "frame %u (type %u): type_count %u, expected %u", mfn, fi->type,
			     fi->type_count, expected);
		if (fi->type != FT_WRITABLE)
			cr_assert_eq(writable[mfn], 0, "frame %u typed %u but mapped writable", mfn,
				     fi->type);
		if (fi->type != FT_L1)
			cr_assert_eq(as_l1[mfn], 0, "frame %u typed %u but used as an L1", mfn,
				     fi->type);
	}
}

/* Every frame back to untyped with no reference: all a table held was released. */
static inline void fm_assert_all_released(void)
{
	for (uint32_t mfn = 0; mfn < FM_FRAMES; mfn++)
		fm_assert_type(mfn, FT_NONE, 0, 0);
}

#endif
