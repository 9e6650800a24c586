/* mmu-remap-ok: the page-table operations the hostile-mmu-* tests attack all work
 * when a guest uses them properly (their positive control).
 *
 * Property: a guest builds a fresh L1 in a zeroed heap page, maps that page
 * read-only (update_va_mapping), pins it (mmuext_op PIN_L1), hooks it into a free
 * directory slot (mmu_update on the L2 entry), maps one of its data pages there
 * both through mmu_update on the new L1 and through update_va_mapping, and writes
 * and reads through those addresses. It then unmaps, unhooks and unpins, after
 * which the page is an ordinary page again: it can be mapped writable. It also
 * switches to a copy of its page directory (NEW_BASEPTR) and back, and flushes
 * the TLB. Every call succeeds with its documented result (mmu_update and
 * mmuext_op return the count done and store it in *done; update_va_mapping
 * returns 0), so when a hostile test gets an error it is for its attack. */
#include "mmu.h"

#define MARKER 0x0DDC0FFEu

/* An access to va faults as not present (#PF, error code = write ? W : 0). */
static void check_unmapped(uint32_t va, int write, const char *what)
{
	uint32_t n = test_trap.count, v = 0;
	if (write)
		TEST_EXPECT_TRAP("movl %0, (%1)", : : "r"(v), "r"(va) : "memory");
	else
		TEST_EXPECT_TRAP("movl (%1), %0", : "+r"(v) : "r"(va));
	test_check(test_trap.count == n + 1 && test_trap.vector == 14 &&
			   test_trap.error_code == (write ? 2u : 0u) && test_trap.cr2 == va,
		   "%s: access to %08lx gave %lu traps, vector %lu, error %lx, cr2 %08lx", what,
		   (unsigned long)va, (unsigned long)(test_trap.count - n),
		   (unsigned long)test_trap.vector, (unsigned long)test_trap.error_code,
		   (unsigned long)test_trap.cr2);
}

/* A fresh L1, hooked into the free slot, mapping a data page twice. */
static void own_l1(void)
{
	volatile uint32_t *data = mmu_page_alloc();
	uint32_t *l1 = mmu_page_alloc();
	uint32_t l1_mfn = mmu_mfn_of(l1), pde_maddr = mmu_pde_maddr(MMU_FREE_SLOT);
	volatile uint32_t *va0 = (volatile uint32_t *)MMU_FREE_SLOT_VA;
	volatile uint32_t *va1 = (volatile uint32_t *)(MMU_FREE_SLOT_VA + PV_PAGE_SIZE);
	data[0] = MARKER;

	check_unmapped((uint32_t)va0, 0, "free slot before the hook");
	TEST_EQ(mmu_set_readonly(l1), 0, "update_va_mapping: the new L1's page read-only");
	TEST_EQ(mmu_pte((uint32_t)l1), (l1_mfn << 12) | PV_PTE_P | PV_PTE_US,
		"the new L1's page: its PTE after update_va_mapping");
	mmu_check_store_faults(l1, "the new L1's page, read-only");
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L1, l1_mfn), 1, "mmuext_op PIN_L1");

	uint32_t done = 0xD0D0D0D0u;
	struct pv_mmu_update hook = { pde_maddr,
				      (l1_mfn << 12) | PV_PTE_P | PV_PTE_RW | PV_PTE_US };
	TEST_EQ(hv_mmu_update(&hook, 1, &done), 1, "mmu_update: hook the L1 into the free slot");
	TEST_EQ(done, 1, "mmu_update: done after the hook");
	TEST_EQ(mmu_l2()[MMU_FREE_SLOT] & ~MMU_PTE_FLAGS_IGNORED, hook.val,
		"the free slot after the hook");

	uint32_t map = mmu_entry(data, PV_PTE_P | PV_PTE_RW | PV_PTE_US);
	TEST_EQ(mmu_update1(l1_mfn << 12, map), 1, "mmu_update: map the data page in the new L1");
	TEST_EQ(l1[0] & ~MMU_PTE_FLAGS_IGNORED, map, "the new L1's entry 0");
	TEST_EQ(hv_update_va_mapping((uint32_t)va1, map, PV_UVMF_INVLPG), 0,
		"update_va_mapping: map the data page again, through the new L1");
	TEST_EQ(mmu_pte((uint32_t)va1), map, "the new L1's entry 1");

	TEST_EQ(*va0, MARKER, "read through the first new mapping");
	*va1 = MARKER + 1;
	TEST_EQ(data[0], MARKER + 1, "a write through the second new mapping, seen in the page");
	TEST_EQ(*va0, MARKER + 1, "a write through the second new mapping, seen through the first");

	TEST_EQ(mmu_update1(l1_mfn << 12, 0), 1, "mmu_update: unmap entry 0");
	TEST_EQ(hv_update_va_mapping((uint32_t)va1, 0, PV_UVMF_NONE), 0,
		"update_va_mapping: unmap entry 1");
	check_unmapped((uint32_t)va0, 0, "entry 0 after the unmap");
	check_unmapped((uint32_t)va1, 1, "entry 1 after the unmap");

	TEST_EQ(mmu_update1(pde_maddr, 0), 1, "mmu_update: unhook the L1");
	TEST_EQ(mmu_l2()[MMU_FREE_SLOT], 0, "the free slot after the unhook");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, l1_mfn), 1, "mmuext_op UNPIN");
	TEST_EQ(mmu_set_writable(l1), 0, "update_va_mapping: the old L1 writable again");
	l1[5] = MARKER;
	TEST_EQ(l1[5], MARKER, "a write to the old L1's page");
	TEST_EQ(data[0], MARKER + 1, "the data page after all that");
}

/* Switch to a copy of the page directory and back. */
static void new_baseptr(void)
{
	uint32_t *copy = mmu_page_alloc(), boot = mmu_l2_mfn(), copy_mfn = mmu_mfn_of(copy);
	for (uint32_t i = 0; i < 1024; i++)
		copy[i] = mmu_l2()[i];
	TEST_EQ(mmu_set_readonly(copy), 0, "update_va_mapping: the directory copy read-only");

	uint32_t done = 0xD0D0D0D0u;
	struct pv_mmuext_op ops[2] = { { PV_MMUEXT_PIN_L2, copy_mfn },
				       { PV_MMUEXT_NEW_BASEPTR, copy_mfn } };
	TEST_EQ(hv_mmuext_op(ops, 2, &done), 2, "mmuext_op PIN_L2 + NEW_BASEPTR to the copy");
	TEST_EQ(done, 2, "mmuext_op: done after PIN_L2 + NEW_BASEPTR");
	mmu_check_alive("NEW_BASEPTR to the copy");
	mmu_check_store_faults(copy, "the directory in use (the copy)");
	static volatile uint32_t word;
	word = MARKER;
	TEST_EQ(word, MARKER, "memory through the copy");

	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, boot), 1, "mmuext_op NEW_BASEPTR back");
	mmu_check_alive("NEW_BASEPTR back");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, copy_mfn), 1, "mmuext_op UNPIN the copy");
	TEST_EQ(mmu_set_writable(copy), 0, "update_va_mapping: the unused copy writable again");
}

int main(void)
{
	test_traps_catch_all();
	if (mmu_l2()[MMU_FREE_SLOT] != 0)
		test_error("the free directory slot is in use");

	own_l1();
	new_baseptr();

	TEST_EQ(mmuext1(PV_MMUEXT_TLB_FLUSH, 0), 1, "mmuext_op TLB_FLUSH");
	TEST_EQ(mmuext1(PV_MMUEXT_INVLPG, pv_start_info->virt_base), 1, "mmuext_op INVLPG");
	volatile uint32_t *page = mmu_page_alloc();
	uint32_t pfn = ((uint32_t)page - pv_start_info->virt_base) >> 12;
	TEST_EQ(mmu_update1((mmu_mfn_of(page) << 12) | PV_MMU_MACHPHYS_UPDATE, pfn), 1,
		"mmu_update MACHPHYS_UPDATE of an own frame to its own pfn");
	mmu_check_alive("all of it");
	test_finish();
}
