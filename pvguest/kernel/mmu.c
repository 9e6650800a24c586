/* mmu.c: pvguest's side of hv's page-table hypercalls. */
#include "mmu.h"

#include "panic.h"

static struct pv_mmu_update queue[MMU_QUEUE_MAX];
static uint32_t queued;
static unsigned hypercalls;

void mmu_queue(uint32_t entry_maddr, uint32_t val)
{
	if (queued == MMU_QUEUE_MAX)
		mmu_flush();
	queue[queued].ptr = entry_maddr | PV_MMU_NORMAL_PT_UPDATE;
	queue[queued].val = val;
	queued++;
}

void mmu_flush(void)
{
	if (!queued)
		return;
	uint32_t done = 0;
	long r = hv_mmu_update(queue, queued, &done);
	hypercalls++;
	if (r != (long)queued)
		kpanic("mmu_update refused entry %u of %u (0x%08x := 0x%08x): error %ld",
		       (unsigned)done, (unsigned)queued, (unsigned)queue[done].ptr,
		       (unsigned)queue[done].val, r);
	queued = 0;
}

void mmu_ext_batch(const struct pv_mmuext_op *ops, uint32_t count)
{
	uint32_t done = 0;
	long r = hv_mmuext_op(ops, count, &done);
	hypercalls++;
	if (r != (long)count)
		kpanic("mmuext_op refused operation %u of %u (cmd %u, arg 0x%x): error %ld",
		       (unsigned)done, (unsigned)count, (unsigned)ops[done].cmd,
		       (unsigned)ops[done].arg, r);
}

void mmu_pin(uint32_t cmd, uint32_t mfn)
{
	const struct pv_mmuext_op op = { cmd, mfn };
	mmu_ext_batch(&op, 1);
}

void mmu_set_base(uint32_t pd_mfn)
{
	const struct pv_mmuext_op op = { PV_MMUEXT_NEW_BASEPTR, pd_mfn };
	mmu_ext_batch(&op, 1);
}

void mmu_remap(const void *kva, uint32_t mfn, bool writable)
{
	uint32_t val = (mfn << PV_PAGE_SHIFT) | PV_PTE_P | (writable ? PV_PTE_RW : 0);
	long r = hv_update_va_mapping((uint32_t)kva, val, PV_UVMF_INVLPG);
	hypercalls++;
	if (r != 0)
		kpanic("update_va_mapping(0x%08x, 0x%08x) refused: error %ld", (unsigned)kva,
		       (unsigned)val, r);
}

unsigned mmu_hypercalls(void)
{
	return hypercalls;
}
