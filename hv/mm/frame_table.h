/* frame_table.h: what every machine frame is, who owns it, and who uses it.
 *
 * TOUR 14: a guest owns its page tables but changes them only through hv
 * (mmu_update, hv/hc/mmu.c), and this table is how hv knows each change is safe.
 * Invariants (docs/isolation.md tells the same story at more length):
 *  1. A frame has one owner: free, hv, or one domain. A guest's page-table entries
 *     may only name frames the guest owns.
 *  2. A frame has at most one type at a time: WRITABLE (mapped writable somewhere),
 *     L1 (a page table), L2 (a page directory) or DESC (a descriptor table), or
 *     NONE. type_count counts the uses of that type: writable mappings for
 *     WRITABLE; L2 entries, pins and CR3 loads for L1 and L2; set_gdt for DESC.
 *     The type can only change while type_count is 0. So a frame is never a page
 *     table or a descriptor table while it is mapped writable, and never mapped
 *     writable while it is one.
 *  3. A frame becomes L1, L2 or DESC only by validation of its whole content, and
 *     its entries are only changed through hv afterwards, one validated entry at a
 *     time. When its last use goes, every reference its entries held is dropped.
 *  4. ref_count counts every present mapping of the frame by a validated L1 entry
 *     and every use as an L1 by an L2 entry, so hv knows how many entries still
 *     reach it.
 *  5. An L2 entry may only point to an L1 and an L1 entry only to a data frame (or
 *     read-only to a page table), so validation recurses at most two levels:
 *     L2 -> L1 -> frames. A table cannot contain itself in a harmful way: an L2
 *     naming itself needs it to be an L1 too, which invariant 2 forbids.
 *  6. Teardown of a domain drops all its frames at once, without walking tables.
 *
 * The logic is pure C over a struct frame_table, so the host unit tests drive it
 * with frames in ordinary memory; hv has one, ft_hv, over its direct map. */
#ifndef HV_MM_FRAME_TABLE_H
#define HV_MM_FRAME_TABLE_H

#include <stdbool.h>
#include <stdint.h>

enum frame_type {
	FT_NONE = 0,
	FT_WRITABLE,
	FT_L1,
	FT_L2,
	FT_DESC,
};

struct frame_info {
	uint16_t owner; /* FRAME_OWNER_FREE, FRAME_OWNER_HV or a domain id */
	uint8_t type;	/* enum frame_type */
	uint8_t flags;	/* FI_PINNED, FI_VALIDATING */
	uint16_t type_count;
	uint16_t ref_count;
};

#define FI_PINNED 0x1	  /* mmuext_op pinned it: holds one type_count */
#define FI_VALIDATING 0x2 /* its content is being validated right now */

struct frame_table {
	struct frame_info *info;
	uint32_t nr_frames;
	/* The 1024 words of frame mfn (mfn < nr_frames), as hv reaches them. */
	uint32_t *(*words)(uint32_t mfn);
	/* What slots 1008..1023 of every validated page directory hold. */
	uint32_t hv_slots[16];
	/* Validates a descriptor-table frame: NULL or why not. NULL refuses all. */
	const char *(*desc_frame_check)(const uint32_t *words);
};

#define FT_FIRST_HV_SLOT 1008u

/* hv's frame table, over every frame below HV_DIRECTMAP_LIMIT (mm/frames.c). */
extern struct frame_table ft_hv;

/* The two levels of entry, as hv takes and drops the references they hold. */
int ft_get_l1e(struct frame_table *ft, uint32_t entry, uint16_t owner);
void ft_put_l1e(struct frame_table *ft, uint32_t entry);
int ft_get_l2e(struct frame_table *ft, uint32_t entry, uint16_t owner);
void ft_put_l2e(struct frame_table *ft, uint32_t entry);

/* Take a use of type on mfn for domain owner, validating its content if this is
 * the first use of that type. 0, or -PV_EPERM (not owner's), -PV_EBUSY (in use as
 * another type, or being validated), or, when the content does not validate, the
 * error of the first entry that failed (-PV_EPERM, -PV_EBUSY or -PV_EINVAL).
 * Changes nothing on failure. */
int ft_get_type(struct frame_table *ft, uint32_t mfn, uint16_t owner, enum frame_type type);

/* Drop a use of mfn's current type; the last use of a table type drops every
 * reference its entries hold. */
void ft_put_type(struct frame_table *ft, uint32_t mfn);

#endif
