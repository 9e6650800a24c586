/* desc_check.c: may a segment descriptor go into a guest's GDT? Pure C.
 *
 * Field positions in the high word (Intel SDM vol. 3, "Segment Descriptors"):
 *
 *   31..24 base 31:24   23 G   22 D/B   21 L   20 AVL   19..16 limit 19:16
 *   15 P   14..13 DPL   12 S   11..8 type   7..0 base 23:16
 *
 * and the low word holds base 15:0 (31..16) and limit 15:0 (15..0). For S=1 the
 * type's bit 11 says code (1) or data (0); bit 10 is conforming for code and
 * expand-down for data. */
#include "mm/desc_check.h"

#include <pv/layout.h>
#include <pv/mm.h>

#define HI_TYPE_CODE (1u << 11)
#define HI_TYPE_CONFORMING (1u << 10)  /* code segments */
#define HI_TYPE_EXPAND_DOWN (1u << 10) /* data segments */
#define HI_S (1u << 12)
#define HI_DPL_SHIFT 13
#define HI_P (1u << 15)
#define HI_L (1u << 21)
#define HI_DB (1u << 22)
#define HI_G (1u << 23)

_Static_assert(DESC_FRAME_WORDS == 2 * PV_GDT_MAX_ENTRIES, "a descriptor frame is one GDT");

static uint32_t desc_base(uint32_t lo, uint32_t hi)
{
	return (lo >> 16) | ((hi & 0xFF) << 16) | (hi & 0xFF000000u);
}

/* The last valid offset of an expand-up segment (the limit in bytes). */
static uint32_t desc_limit_bytes(uint32_t lo, uint32_t hi)
{
	uint32_t limit = (lo & 0xFFFF) | (hi & 0x000F0000u);
	return (hi & HI_G) ? (limit << 12) | 0xFFF : limit;
}

/* NULL if the bytes [base, base + last] all lie below PV_HV_START. */
static const char *extent_check(uint32_t base, uint32_t last)
{
	uint64_t end = (uint64_t)base + last;
	if (end > 0xFFFFFFFFu)
		return "segment wraps around 4 GiB";
	if (end >= PV_HV_START)
		return "segment reaches hv";
	return 0;
}

const char *desc_check(uint32_t lo, uint32_t hi)
{
	if (!(hi & HI_P))
		return (lo | hi) ? "not-present descriptor is not zero" : 0;
	if (!(hi & HI_S))
		return "system descriptor or gate";
	if (((hi >> HI_DPL_SHIFT) & 3) == 0)
		return "DPL 0";
	if ((hi & HI_TYPE_CODE) && (hi & HI_TYPE_CONFORMING))
		return "conforming code";
	if (hi & HI_L)
		return "L bit set (64-bit code)";

	uint32_t base = desc_base(lo, hi);
	if (!(hi & HI_TYPE_CODE) && (hi & HI_TYPE_EXPAND_DOWN)) {
		/* Expand-down: the valid offsets are (limit, upper], upper set by D/B. The
		 * 32-bit kind always ends at offset 0xFFFFFFFF, whatever its limit: with
		 * base 0 that is the top of memory, with any other base it wraps. */
		if (hi & HI_DB)
			return "32-bit expand-down segment reaches the top of memory";
		return extent_check(base, 0xFFFF);
	}
	return extent_check(base, desc_limit_bytes(lo, hi));
}

const char *desc_frame_check(const uint32_t words[DESC_FRAME_WORDS])
{
	for (uint32_t i = 0; i < 2 * PV_GDT_FIRST_GUEST_ENTRY; i++)
		if (words[i])
			return "hv's descriptors 0..15 are not zero";
	for (uint32_t i = 2 * PV_GDT_FIRST_GUEST_ENTRY; i < DESC_FRAME_WORDS; i += 2) {
		const char *why = desc_check(words[i], words[i + 1]);
		if (why)
			return why;
	}
	return 0;
}
