/* hostile-mmu-writable-pt: a page table is never mapped writable, and a frame
 * mapped writable never becomes a page table.
 *
 * Attack, one way: a new writable PTE naming the page directory in use, or one of
 * its L1s, or an L1 the guest pinned itself (update_va_mapping and mmu_update);
 * flipping RW on the existing read-only mapping of each of them; pinning an L1
 * whose entry maps the page directory writable, or maps itself writable, and
 * hooking such a page into a directory slot. The other way: pinning a page that
 * is mapped writable at its own address, or read-only there but writable through
 * an alias.
 *
 * Expected: each returns -PV_EBUSY and changes nothing: the PTE keeps its value,
 * the tables stay read-only (a store still faults with #PF) and the directory slot
 * stays empty. Control: a read-only alias of the page directory is allowed (an L1
 * may map a table read-only) and reads the directory's entries. */
#include "mmu.h"

#define RW_FLAGS (PV_PTE_P | PV_PTE_RW | PV_PTE_US)

static volatile uint32_t *scratch;
static uint32_t scratch_pte;

/* Map table frame mfn writable at the scratch page, both ways: -EBUSY. */
static void map_writable(const char *what, uint32_t mfn)
{
	uint32_t val = (mfn << 12) | RW_FLAGS;
	TEST_EQ(hv_update_va_mapping((uint32_t)scratch, val, PV_UVMF_INVLPG), -PV_EBUSY, what);
	TEST_EQ(mmu_pte((uint32_t)scratch), scratch_pte, "the scratch PTE after update_va_mapping");
	TEST_EQ(mmu_update1(mmu_pte_maddr((uint32_t)scratch), val), -PV_EBUSY, what);
	TEST_EQ(mmu_pte((uint32_t)scratch), scratch_pte, "the scratch PTE after mmu_update");
}

/* Flip RW on the read-only mapping of table page `table` (at its own address). */
static void flip_rw(const char *what, volatile uint32_t *table)
{
	uint32_t va = (uint32_t)table, ro = mmu_pte(va);
	TEST_EQ(hv_update_va_mapping(va, ro | PV_PTE_RW, PV_UVMF_INVLPG), -PV_EBUSY, what);
	TEST_EQ(mmu_update1(mmu_pte_maddr(va), ro | PV_PTE_RW), -PV_EBUSY, what);
	TEST_EQ(mmu_pte(va), ro, "its PTE after the flips");
	mmu_check_store_faults(table, what);
}

/* A read-only heap page holding one entry at index 0. */
static uint32_t *table_page_with(uint32_t entry0)
{
	uint32_t *page = mmu_page_alloc();
	page[0] = entry0;
	if (mmu_set_readonly(page) != 0)
		test_error("cannot make a heap page read-only");
	return page;
}

/* Pinning page as an L1, and hooking it into the free slot, both fail -EBUSY. */
static void pin_and_hook_refused(const char *what, uint32_t *page)
{
	uint32_t mfn = mmu_mfn_of(page);
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L1, mfn), -PV_EBUSY, what);
	TEST_EQ(mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), (mfn << 12) | RW_FLAGS), -PV_EBUSY, what);
	TEST_EQ(mmu_l2()[MMU_FREE_SLOT], 0, "the free slot");
}

int main(void)
{
	test_traps_catch_all();
	if (mmu_l2()[MMU_FREE_SLOT] != 0)
		test_error("the free directory slot is in use");
	scratch = mmu_page_alloc();
	scratch[0] = 0x5C4A7C11u;
	scratch_pte = mmu_pte((uint32_t)scratch);
	volatile uint32_t *boot_l1 = mmu_va_of_mfn(mmu_l1_mfn(pv_start_info->virt_base));
	uint32_t *own_l1 = mmu_l1_new();

	/* Tables mapped writable by a new entry. */
	map_writable("map the page directory writable", mmu_l2_mfn());
	map_writable("map a boot L1 writable", mmu_mfn_of(boot_l1));
	map_writable("map a pinned L1 writable", mmu_mfn_of(own_l1));

	/* RW flipped on the existing read-only mappings. */
	flip_rw("flip RW on the page directory's mapping", (volatile uint32_t *)mmu_l2());
	flip_rw("flip RW on a boot L1's mapping", boot_l1);
	flip_rw("flip RW on a pinned L1's mapping", own_l1);

	/* L1s whose content would make a table writable. */
	pin_and_hook_refused("an L1 mapping the page directory writable",
			     table_page_with((mmu_l2_mfn() << 12) | RW_FLAGS));
	uint32_t *self = mmu_page_alloc();
	self[0] = mmu_entry(self, RW_FLAGS);
	if (mmu_set_readonly(self) != 0)
		test_error("cannot make a heap page read-only");
	pin_and_hook_refused("an L1 mapping itself writable", self);

	/* The other way round: frames mapped writable do not become tables. */
	pin_and_hook_refused("a page mapped writable at its own address", mmu_page_alloc());
	uint32_t *aliased = table_page_with(0);
	TEST_EQ(hv_update_va_mapping((uint32_t)scratch, mmu_entry(aliased, RW_FLAGS),
				     PV_UVMF_INVLPG),
		0, "update_va_mapping: a writable alias of a read-only page");
	pin_and_hook_refused("a page read-only at its address but writable through an alias",
			     aliased);
	TEST_EQ(hv_update_va_mapping((uint32_t)scratch, scratch_pte, PV_UVMF_INVLPG), 0,
		"update_va_mapping: the scratch page back");

	/* Control: a read-only alias of the page directory. */
	uint32_t ro = (mmu_l2_mfn() << 12) | PV_PTE_P | PV_PTE_US;
	TEST_EQ(hv_update_va_mapping((uint32_t)scratch, ro, PV_UVMF_INVLPG), 0,
		"update_va_mapping: a read-only alias of the page directory");
	uint32_t va_slot = pv_start_info->virt_base >> 22;
	TEST_EQ(scratch[va_slot], mmu_l2()[va_slot], "the directory read through the alias");
	mmu_check_store_faults(&scratch[MMU_FREE_SLOT], "the directory's read-only alias");
	TEST_EQ(hv_update_va_mapping((uint32_t)scratch, scratch_pte, PV_UVMF_INVLPG), 0,
		"update_va_mapping: the scratch page back");
	TEST_EQ(scratch[0], 0x5C4A7C11u, "the scratch page");
	mmu_check_alive("the attacks");
	test_finish();
}
