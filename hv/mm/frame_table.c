/* frame_table.c: what every machine frame is, who owns it, and who uses it.
 *
 * Pure C over a struct frame_table (see the invariants in frame_table.h). Taking a
 * page-table type validates the frame's content, entry by entry, taking the
 * references each entry needs; if one entry fails, the ones already taken are
 * dropped again, so a failed validation changes nothing. */
#include "mm/frame_table.h"

#include <pv/abi_gen.h>
#include <pv/mm.h>

#define ENTRIES 1024u
/* Entry bits a guest may not set: PS (large page, bit 7) and G (global, bit 8),
 * which would let a translation outlive a switch of page directory. */
#define L1E_FORBIDDEN 0x180u
#define L2E_FORBIDDEN 0x080u

static struct frame_info *info_of(struct frame_table *ft, uint32_t mfn)
{
	return mfn < ft->nr_frames ? &ft->info[mfn] : 0;
}

/* May owner make an entry naming mfn? */
static int check_owner(struct frame_table *ft, uint32_t mfn, uint16_t owner)
{
	const struct frame_info *fi = info_of(ft, mfn);
	return fi && fi->owner == owner ? 0 : -PV_EPERM;
}

/* Take what a present entry needs: a reference to the frame it names and, unless
 * type is FT_NONE, a use of that type. forbidden are bits the entry may not have. */
static inline __attribute__((always_inline)) int get_ref(struct frame_table *ft, uint32_t entry,
							 uint16_t owner, uint32_t forbidden,
							 enum frame_type type)
{
	if (!(entry & PV_PTE_P))
		return 0;
	if (entry & forbidden)
		return -PV_EINVAL;
	uint32_t mfn = entry >> 12;
	int err = check_owner(ft, mfn, owner);
	if (err)
		return err;
	if (ft->info[mfn].ref_count == 0xFFFF)
		return -PV_EBUSY;
	if (type != FT_NONE && (err = ft_get_type(ft, mfn, owner, type)))
		return err;
	/* Validating a table may itself have mapped it (read-only): check again. */
	if (ft->info[mfn].ref_count == 0xFFFF) {
		if (type != FT_NONE)
			ft_put_type(ft, mfn);
		return -PV_EBUSY;
	}
	ft->info[mfn].ref_count++;
	return 0;
}

/* Drop what get_ref took for a present entry. */
static inline __attribute__((always_inline)) void put_ref(struct frame_table *ft, uint32_t entry,
							  bool typed)
{
	if (!(entry & PV_PTE_P))
		return;
	uint32_t mfn = entry >> 12;
	ft->info[mfn].ref_count--;
	if (typed)
		ft_put_type(ft, mfn);
}

/* An L1 entry maps a frame: writable ones take a use of FT_WRITABLE. */
int ft_get_l1e(struct frame_table *ft, uint32_t entry, uint16_t owner)
{
	return get_ref(ft, entry, owner, L1E_FORBIDDEN,
		       (entry & PV_PTE_RW) ? FT_WRITABLE : FT_NONE);
}

void ft_put_l1e(struct frame_table *ft, uint32_t entry)
{
	put_ref(ft, entry, (entry & PV_PTE_RW) != 0);
}

/* An L2 entry names a page table: it takes a use of FT_L1, validating it first. */
int ft_get_l2e(struct frame_table *ft, uint32_t entry, uint16_t owner)
{
	return get_ref(ft, entry, owner, L2E_FORBIDDEN, FT_L1);
}

void ft_put_l2e(struct frame_table *ft, uint32_t entry)
{
	put_ref(ft, entry, true);
}

/* Take the references of entries [0, count) of a table, or none of them. */
static int get_entries(struct frame_table *ft, const uint32_t *words, uint32_t count,
		       uint16_t owner, enum frame_type type)
{
	for (uint32_t i = 0; i < count; i++) {
		int err = type == FT_L1 ? ft_get_l1e(ft, words[i], owner) :
					  ft_get_l2e(ft, words[i], owner);
		if (err) {
			while (i--)
				type == FT_L1 ? ft_put_l1e(ft, words[i]) : ft_put_l2e(ft, words[i]);
			return err;
		}
	}
	return 0;
}

/* Validate mfn's content as type, taking what its entries need. */
static int validate(struct frame_table *ft, uint32_t mfn, uint16_t owner, enum frame_type type)
{
	uint32_t *words = ft->words(mfn);
	switch (type) {
	case FT_L1:
		return get_entries(ft, words, ENTRIES, owner, FT_L1);
	case FT_L2: {
		int err = get_entries(ft, words, FT_FIRST_HV_SLOT, owner, FT_L2);
		if (err)
			return err;
		/* hv's slots are hv's: whatever the guest left there is replaced. */
		for (uint32_t i = 0; i < ENTRIES - FT_FIRST_HV_SLOT; i++)
			words[FT_FIRST_HV_SLOT + i] = ft->hv_slots[i];
		return 0;
	}
	case FT_DESC:
		return ft->desc_frame_check && !ft->desc_frame_check(words) ? 0 : -PV_EINVAL;
	default:
		return 0;
	}
}

/* Drop what mfn's entries hold: its last use as a table has gone. */
static void unvalidate(struct frame_table *ft, uint32_t mfn, enum frame_type type)
{
	const uint32_t *words = ft->words(mfn);
	if (type == FT_L1)
		for (uint32_t i = 0; i < ENTRIES; i++)
			ft_put_l1e(ft, words[i]);
	else if (type == FT_L2)
		for (uint32_t i = 0; i < FT_FIRST_HV_SLOT; i++)
			ft_put_l2e(ft, words[i]);
}

int ft_get_type(struct frame_table *ft, uint32_t mfn, uint16_t owner, enum frame_type type)
{
	struct frame_info *fi = info_of(ft, mfn);
	if (!fi || fi->owner != owner)
		return -PV_EPERM;
	if (fi->flags & FI_VALIDATING)
		return -PV_EBUSY; /* a table reaching itself while it is validated */
	if (fi->type_count == 0xFFFF)
		return -PV_EBUSY;
	if (fi->type_count == 0) {
		fi->type = (uint8_t)type;
		fi->flags |= FI_VALIDATING;
		int err = validate(ft, mfn, owner, type);
		fi->flags &= (uint8_t)~FI_VALIDATING;
		if (err) {
			fi->type = FT_NONE;
			return err;
		}
	} else if (fi->type != type) {
		return -PV_EBUSY;
	}
	fi->type_count++;
	return 0;
}

void ft_put_type(struct frame_table *ft, uint32_t mfn)
{
	struct frame_info *fi = &ft->info[mfn];
	if (--fi->type_count)
		return;
	enum frame_type type = (enum frame_type)fi->type;
	/* Mark it untyped first: unvalidating can not come back to this frame as a
	 * table (invariant 5), and if it did it would find no type to drop. */
	fi->type = FT_NONE;
	unvalidate(ft, mfn, type);
}
