/* desc_check.h: may a segment descriptor go into a guest's GDT? Pure C.
 *
 * A guest kernel runs in ring 1, and paging counts ring 1 as supervisor, so the
 * only thing that keeps it out of hv on a real CPU is the limit of every segment
 * it can load. A guest-supplied descriptor is therefore accepted only if loading
 * it can neither raise privilege nor reach PV_HV_START:
 *  - it is a code or data segment (S=1): no TSS, LDT, call, task, interrupt or
 *    trap gate, each of which leads to ring 0 or to hv's memory in some way;
 *  - its DPL is 1, 2 or 3, never 0, and code is not conforming (conforming code
 *    runs at the caller's privilege, whatever its DPL says);
 *  - it is a 32-bit or 16-bit segment (L=0, no 64-bit code);
 *  - every byte it covers lies below PV_HV_START, expand-down segments included;
 *  - a not-present descriptor is all zero, so nothing hides in it until P is set.
 * A descriptor's 64 bits are given as the two 32-bit words the CPU sees: lo (limit
 * 15:0, base 15:0) and hi (the rest). */
#ifndef HV_MM_DESC_CHECK_H
#define HV_MM_DESC_CHECK_H

#include <stdint.h>

/* Words in one descriptor frame: 512 descriptors of two words each. */
#define DESC_FRAME_WORDS 1024u

/* NULL if the descriptor (lo, hi) may be in a guest GDT, else a short reason. */
const char *desc_check(uint32_t lo, uint32_t hi);

/* NULL if the whole frame may be a guest GDT: descriptors 0..15, hv's own
 * (PV_GDT_FIRST_GUEST_ENTRY), are zero and every other one passes desc_check.
 * Else the reason for the first that fails. The frame table calls this when a
 * frame first becomes FT_DESC. */
const char *desc_frame_check(const uint32_t words[DESC_FRAME_WORDS]);

#endif
