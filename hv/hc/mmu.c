/* mmu.c: the page-table hypercalls: mmu_update, update_va_mapping, mmuext_op.
 *
 * A guest owns its page tables but changes them only through these calls. Each
 * batch is decoded a chunk at a time (copied into hv once), and each request is
 * decoded then applied on its own: a batch stops at the first request that fails,
 * which changes nothing, and reports how many were applied before it. The
 * validation itself lives in mm/frame_table.c and mm/pt_update.c, pure C that the
 * host unit tests run too. */
#include <pv/abi_gen.h>
#include <pv/layout.h>
#include <pv/mm.h>

#include "arch/trampoline.h"
#include "dom/domain.h"
#include "hc/hc_handlers.h"
#include "mm/frame_table.h"
#include "mm/guest_copy.h"
#include "mm/guest_range.h"
#include "mm/m2p.h"
#include "mm/pt_update.h"

#define CHUNK 64 /* requests copied in at a time */

/* One request of an mmu_update batch. */
static int mmu_request(const struct pv_mmu_update *req)
{
	uint16_t owner = current->id;
	switch (req->ptr & 3) {
	case PV_MMU_NORMAL_PT_UPDATE:
		return pt_update_entry(&ft_hv, owner, req->ptr & ~3u, req->val);
	case PV_MMU_MACHPHYS_UPDATE: {
		uint32_t mfn = req->ptr >> 12;
		if (req->ptr & 0xFFC)
			return -PV_EINVAL; /* a frame, not an entry inside one */
		if (mfn >= ft_hv.nr_frames || ft_hv.info[mfn].owner != owner)
			return -PV_EPERM;
		m2p_set(mfn, req->val);
		return 0;
	}
	default:
		return -PV_EINVAL;
	}
}

/* One operation of an mmuext_op batch. */
static int mmuext_one(const struct pv_mmuext_op *op)
{
	struct domain *d = current;
	uint32_t mfn = op->arg;
	struct frame_info *fi = mfn < ft_hv.nr_frames ? &ft_hv.info[mfn] : 0;
	int err;

	switch (op->cmd) {
	case PV_MMUEXT_PIN_L1:
	case PV_MMUEXT_PIN_L2:
		if (!fi || fi->owner != d->id)
			return -PV_EPERM;
		if (fi->flags & FI_PINNED)
			return -PV_EINVAL;
		err = ft_get_type(&ft_hv, mfn, d->id, op->cmd == PV_MMUEXT_PIN_L1 ? FT_L1 : FT_L2);
		if (!err)
			fi->flags |= FI_PINNED;
		return err;
	case PV_MMUEXT_UNPIN:
		if (!fi || fi->owner != d->id)
			return -PV_EPERM;
		if (!(fi->flags & FI_PINNED))
			return -PV_EINVAL;
		fi->flags &= (uint8_t)~FI_PINNED;
		ft_put_type(&ft_hv, mfn); /* a table still in use stays one */
		return 0;
	case PV_MMUEXT_NEW_BASEPTR: {
		err = ft_get_type(&ft_hv, mfn, d->id, FT_L2);
		if (err)
			return err;
		uint32_t old = d->cr3 >> 12;
		d->cr3 = mfn << 12;
		tramp_set_guest_cr3(d->cr3);
		ft_put_type(&ft_hv, old);
		return 0;
	}
	case PV_MMUEXT_TLB_FLUSH:
		return 0; /* hv reloads CR3 on every return to a guest: already done */
	case PV_MMUEXT_INVLPG:
		return op->arg < PV_HV_START ? 0 : -PV_EINVAL;
	default:
		return -PV_EINVAL;
	}
}

/* Run a batch of count 8-byte items (two words each) at guest address items
 * through one(), in order, stopping at the first failure; report the number
 * applied in *done (NULL: not wanted). */
static long run_batch(guest_addr_t items, uint32_t count, guest_addr_t done,
		      int (*one)(uint32_t first, uint32_t second))
{
	static uint32_t chunk[CHUNK][2];

	/* Decode the whole call first: ranges before counts, as everywhere. */
	uint64_t bytes = (uint64_t)count * sizeof(chunk[0]);
	if (bytes > PV_HV_START || !guest_range_ok(items, (uint32_t)bytes))
		return -PV_EFAULT;
	if (count > PV_MMU_BATCH_MAX)
		return -PV_EINVAL;
	/* Prove done writable before anything is applied (writing 0 there now). */
	uint32_t applied = 0;
	if (done && copy_to_guest(done, &applied, sizeof(applied)))
		return -PV_EFAULT;

	int err = 0;
	while (applied < count && !err) {
		uint32_t n = count - applied < CHUNK ? count - applied : CHUNK;
		if (copy_from_guest(chunk, items + applied * sizeof(chunk[0]),
				    n * sizeof(chunk[0]))) {
			err = -PV_EFAULT;
			break;
		}
		for (uint32_t i = 0; i < n && !err; i++) {
			err = one(chunk[i][0], chunk[i][1]);
			if (!err)
				applied++;
		}
	}
	/* It was writable a moment ago; only a batch that unmapped it can make this
	 * fail, and then the caller learns the count from its page tables. */
	if (done && copy_to_guest(done, &applied, sizeof(applied)) && !err)
		err = -PV_EFAULT;
	return err ? err : (long)count;
}

static int mmu_item(uint32_t ptr, uint32_t val)
{
	const struct pv_mmu_update req = { ptr, val };
	return mmu_request(&req);
}

static int mmuext_item(uint32_t cmd, uint32_t arg)
{
	const struct pv_mmuext_op op = { cmd, arg };
	return mmuext_one(&op);
}

long hc_mmu_update(guest_addr_t reqs, uint32_t count, guest_addr_t done)
{
	return run_batch(reqs, count, done, mmu_item);
}

long hc_mmuext_op(guest_addr_t ops, uint32_t count, guest_addr_t done)
{
	return run_batch(ops, count, done, mmuext_item);
}

long hc_update_va_mapping(uint32_t va, uint32_t val, uint32_t flags)
{
	if (va >= PV_HV_START || flags > PV_UVMF_TLB_FLUSH)
		return -PV_EINVAL;
	uint32_t maddr = pt_l1e_address(&ft_hv, current->cr3 >> 12, va);
	if (!maddr)
		return -PV_EINVAL;
	return pt_update_entry(&ft_hv, current->id, maddr, val);
	/* No TLB work: the return to the guest reloads CR3. */
}
