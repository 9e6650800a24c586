/* vm.c: address spaces: a page directory per process, the kernel half shared.
 *
 * Every process has its own page directory. Its slots split at USER_TOP, the
 * kernel's virt_base (uapi/syscall.h draws the map):
 *
 *   slots 1008..1023  hv's; hv writes them when it validates the directory
 *   slots  768..1007  the kernel half: copies of the boot directory's entries
 *   slots    0.. 767  the user half: this process's own L1s
 *
 * Invariants:
 *  1. The kernel half of every directory equals the boot directory's, so every
 *     address space uses the very same kernel L1s. A change to a kernel mapping
 *     (mmu_remap) is seen everywhere at once, and the kernel never adds an entry
 *     to the kernel half after boot: the boot tables already map all its memory.
 *  2. Every present entry of the user half points to an L1 listed in vm->l1,
 *     allocated by this vm, pinned, and used by this directory alone.
 *  3. Every user mapping has U set and names a frame tagged vm->owner. Every
 *     kernel mapping has U clear (kmap_protect). So ring 3 reaches its own frames
 *     and nothing else: not the kernel, not another process.
 *  4. A directory or L1 is mapped read-only in the kernel's mapping from before it
 *     is pinned until after it is unpinned. hv enforces it (it refuses a page
 *     table mapped writable); the kernel orders its calls so it never has to.
 *  5. Entries are only written by hv, from mmu_update batches. The kernel reads
 *     them through its read-only mapping of the tables, after a flush.
 *  6. A vm is torn down only when it is not the current address space: first
 *     unpinned (which drops every entry's hold on its frames), then its tables
 *     are mapped writable again, and only then are its frames freed, so a freed
 *     frame is writable and no table (frames.c, invariant 2). */
#include "vm.h"

#include <errno.h>
#include <pv/guest.h>

#include "frames.h"
#include "kmap.h"
#include "mmu.h"
#include "panic.h"
#include "uapi/syscall.h"

#define ENTRIES 1024u
#define KERNEL_FIRST_SLOT (USER_TOP >> 22)
#define HV_FIRST_SLOT (PV_HV_START >> 22)

/* The directory hv currently uses for us. */
static uint32_t active_pd_mfn;

/* The machine address of entry index of the table in frame pfn. */
static uint32_t entry_maddr(uint32_t pfn, uint32_t index)
{
	return (pfn_to_mfn(pfn) << PV_PAGE_SHIFT) + index * 4;
}

/* Make pfn a page table: read-only first (invariant 4), then pinned. */
static void make_table(uint32_t pfn, uint32_t pin_cmd)
{
	mmu_remap(pfn_to_virt(pfn), pfn_to_mfn(pfn), false);
	mmu_pin(pin_cmd, pfn_to_mfn(pfn));
}

void vm_init(void)
{
	active_pd_mfn = kmap_pd_mfn();
}

int vm_create(struct vm *vm, uint16_t owner)
{
	vm->owner = owner;
	vm->nr_l1 = 0;
	vm->pd_pfn = frames_alloc(owner);
	if (vm->pd_pfn == PFN_NONE)
		return -ENOMEM;
	/* Still an ordinary page: fill the kernel half with plain stores. */
	uint32_t *pd = pfn_to_virt(vm->pd_pfn);
	for (uint32_t slot = KERNEL_FIRST_SLOT; slot < HV_FIRST_SLOT; slot++)
		pd[slot] = kmap_kernel_pde(slot);
	make_table(vm->pd_pfn, PV_MMUEXT_PIN_L2);
	return 0;
}

/* The L1 for slot, created (empty, pinned, entered in the directory) if need be. */
static const struct vm_l1 *l1_for(struct vm *vm, uint32_t slot)
{
	for (uint32_t i = 0; i < vm->nr_l1; i++)
		if (vm->l1[i].slot == slot)
			return &vm->l1[i];
	if (vm->nr_l1 == VM_MAX_L1)
		return 0;
	uint32_t pfn = frames_alloc(vm->owner);
	if (pfn == PFN_NONE)
		return 0;
	make_table(pfn, PV_MMUEXT_PIN_L1);
	mmu_queue(entry_maddr(vm->pd_pfn, slot),
		  (pfn_to_mfn(pfn) << PV_PAGE_SHIFT) | PV_PTE_P | PV_PTE_RW | PV_PTE_US);
	struct vm_l1 *l1 = &vm->l1[vm->nr_l1++];
	l1->slot = slot;
	l1->pfn = pfn;
	return l1;
}

void *vm_map_page(struct vm *vm, uint32_t va, bool writable)
{
	if (va >= USER_TOP || va % PV_PAGE_SIZE)
		kpanic("vm_map_page(0x%08x): not a user page", (unsigned)va);
	const struct vm_l1 *l1 = l1_for(vm, va >> 22);
	if (!l1)
		return 0;
	uint32_t pfn = frames_alloc(vm->owner);
	if (pfn == PFN_NONE)
		return 0;
	uint32_t pte = (pfn_to_mfn(pfn) << PV_PAGE_SHIFT) | PV_PTE_P | PV_PTE_US;
	mmu_queue(entry_maddr(l1->pfn, (va >> PV_PAGE_SHIFT) % ENTRIES),
		  pte | (writable ? PV_PTE_RW : 0));
	return pfn_to_virt(pfn);
}

void vm_commit(void)
{
	mmu_flush();
}

void vm_activate(const struct vm *vm)
{
	uint32_t mfn = vm ? pfn_to_mfn(vm->pd_pfn) : kmap_pd_mfn();
	if (mfn == active_pd_mfn)
		return;
	mmu_flush();
	mmu_set_base(mfn);
	active_pd_mfn = mfn;
}

void vm_destroy(struct vm *vm)
{
	if (vm->pd_pfn == PFN_NONE)
		return;
	if (pfn_to_mfn(vm->pd_pfn) == active_pd_mfn)
		kpanic("vm_destroy: the address space is in use");
	mmu_flush();

	/* Unpin the directory, then its L1s, in one batch: the directory's last use
	 * goes first, which releases the L1s for theirs. */
	struct pv_mmuext_op ops[1 + VM_MAX_L1];
	ops[0] = (struct pv_mmuext_op){ PV_MMUEXT_UNPIN, pfn_to_mfn(vm->pd_pfn) };
	for (uint32_t i = 0; i < vm->nr_l1; i++)
		ops[1 + i] = (struct pv_mmuext_op){ PV_MMUEXT_UNPIN, pfn_to_mfn(vm->l1[i].pfn) };
	mmu_ext_batch(ops, 1 + vm->nr_l1);

	/* Now ordinary pages again: map them writable, one batch. */
	mmu_queue(kmap_entry_maddr(pfn_to_virt(vm->pd_pfn)),
		  (pfn_to_mfn(vm->pd_pfn) << PV_PAGE_SHIFT) | PV_PTE_P | PV_PTE_RW);
	for (uint32_t i = 0; i < vm->nr_l1; i++)
		mmu_queue(kmap_entry_maddr(pfn_to_virt(vm->l1[i].pfn)),
			  (pfn_to_mfn(vm->l1[i].pfn) << PV_PAGE_SHIFT) | PV_PTE_P | PV_PTE_RW);
	mmu_flush();

	frames_free_owned(vm->owner);
	vm->pd_pfn = PFN_NONE;
	vm->nr_l1 = 0;
}

bool vm_user_range_ok(const struct vm *vm, uint32_t va, uint32_t len, bool write)
{
	if (va >= USER_TOP || len > USER_TOP - va)
		return false;
	if (len == 0)
		return true;
	mmu_flush(); /* invariant 5: read what hv has applied */
	uint32_t need = PV_PTE_P | PV_PTE_US | (write ? PV_PTE_RW : 0);
	uint32_t last = (va + len - 1) & ~(PV_PAGE_SIZE - 1);
	for (uint32_t page = va & ~(PV_PAGE_SIZE - 1);; page += PV_PAGE_SIZE) {
		const uint32_t *l1 = 0;
		for (uint32_t i = 0; i < vm->nr_l1 && !l1; i++)
			if (vm->l1[i].slot == page >> 22)
				l1 = pfn_to_virt(vm->l1[i].pfn);
		if (!l1 || (l1[(page >> PV_PAGE_SHIFT) % ENTRIES] & need) != need)
			return false;
		if (page == last)
			return true;
	}
}
