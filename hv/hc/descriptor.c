/* descriptor.c: the guest's own descriptor table: set_gdt and update_descriptor.
 *
 * A guest may give hv one frame of its own as a GDT. The frame becomes a
 * descriptor frame in the frame table (FT_DESC): its whole content is validated
 * (mm/desc_check.h) when it first takes that type, it cannot take it while it is
 * mapped writable, and it cannot be mapped writable while it has it. So its
 * content changes only through update_descriptor, one validated descriptor at a
 * time. hv copies descriptors 16..entries-1 of the frame into the live GDT
 * (arch/gdt.h) now and on every switch to the domain.
 *
 * A guest that drops or breaks a descriptor one of its segment registers still
 * holds is killed on its way back (the exit path's selector pops fault): it should
 * reload its segment registers with the published selectors first. */
#include <pv/abi_gen.h>
#include <pv/mm.h>

#include "arch/gdt.h"
#include "dom/domain.h"
#include "hc/hc_handlers.h"
#include "mm/desc_check.h"
#include "mm/frame_table.h"
#include "mm/guest_copy.h"
#include "mm/paging.h"

long hc_set_gdt(guest_addr_t frames, uint32_t entries)
{
	struct domain *d = current;
	uint32_t mfn = 0;

	/* Decode: the count, then the frame list (one mfn), then the frame itself:
	 * the frame table checks that d owns it, that it is not in use as anything
	 * else (mapped writable, a page table) and, on its first use as a descriptor
	 * frame, that every descriptor in it passes desc_frame_check. */
	if (entries > PV_GDT_MAX_ENTRIES)
		return -PV_EINVAL;
	if (entries) {
		if (copy_from_guest(&mfn, frames, sizeof(mfn)))
			return -PV_EFAULT;
		int err = ft_get_type(&ft_hv, mfn, d->id, FT_DESC);
		if (err)
			return err;
	}

	/* Apply: drop the old frame's use (after taking the new one, which may be the
	 * same frame), record the new one and make it live. */
	if (d->gdt_entries)
		ft_put_type(&ft_hv, d->gdt_mfn);
	d->gdt_mfn = mfn;
	d->gdt_entries = entries;
	gdt_load_guest(entries ? mfn_to_virt(mfn) : 0, entries);
	return 0;
}

long hc_update_descriptor(uint32_t maddr, uint32_t lo, uint32_t hi)
{
	struct domain *d = current;
	uint32_t mfn = maddr >> PAGE_SHIFT, index = (maddr & (PAGE_SIZE - 1)) / 8;

	/* Decode: an aligned descriptor of the caller's current GDT frame, outside
	 * hv's entries 0..15, and a descriptor that may be in a guest GDT. */
	if (maddr & 7)
		return -PV_EINVAL;
	if (!d->gdt_entries || mfn != d->gdt_mfn)
		return -PV_EPERM;
	if (index < PV_GDT_FIRST_GUEST_ENTRY || desc_check(lo, hi))
		return -PV_EINVAL;

	/* Apply: the frame (which the guest can only read) and, if the index is in
	 * use, the live GDT. */
	uint32_t *words = mfn_to_virt(mfn);
	words[2 * index] = lo;
	words[2 * index + 1] = hi;
	if (index < d->gdt_entries)
		gdt_set_guest_entry(index, lo, hi);
	return 0;
}
