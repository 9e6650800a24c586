/* hostile-mmu-direct-store: an ordinary store to a page table faults, and the
 * fault goes to the guest.
 *
 * Attack: the guest kernel (ring 1, supervisor to the MMU; hv keeps CR0.WP set)
 * writes page-table entries directly instead of through mmu_update: a free slot
 * of the page directory in use, an entry of a boot L1, an entry of an L1 it pinned
 * itself, and the directory through a second, read-only alias. The stores are a
 * plain MOV, a byte MOV, XCHG (locked), LOCK CMPXCHG, LOCK OR and REP STOSL.
 *
 * Expected: each is a #PF delivered to the guest's handler with error code
 * P|W (present, write, supervisor), CR2 = the entry's address and EIP = the
 * storing instruction, exactly once; the entry is unchanged and the guest goes
 * on. (The bounce itself is faults-bounce's business; here it is every way of
 * writing every kind of table.) */
#include "mmu.h"

extern char st_mov[], st_movb[], st_xchg[], st_cmpxchg[], st_or[], st_stos[];

/* The last trap was one #PF for a write to present page va, at eip. */
static void check_pf(const char *table, const char *how, uint32_t n, volatile uint32_t *va,
		     const char *eip, uint32_t before)
{
	test_check(test_trap.count == n + 1 && test_trap.vector == 14 &&
			   test_trap.error_code == MMU_PF_PRESENT_WRITE &&
			   test_trap.cr2 == (uint32_t)va && test_trap.eip == (uint32_t)eip,
		   "%s, %s: %lu traps, vector %lu, error %lx, cr2 %08lx (want %08lx), eip %08lx "
		   "(want %08lx)",
		   table, how, (unsigned long)(test_trap.count - n),
		   (unsigned long)test_trap.vector, (unsigned long)test_trap.error_code,
		   (unsigned long)test_trap.cr2, (unsigned long)va, (unsigned long)test_trap.eip,
		   (unsigned long)eip);
	test_check(*va == before, "%s, %s: the entry changed to %08lx", table, how,
		   (unsigned long)*va);
}

/* Every way of storing val to the table entry at va. Not inlined: the labels on
 * the stores must exist once. */
__attribute__((noinline)) static void store_every_way(const char *table, volatile uint32_t *va,
						      uint32_t val)
{
	uint32_t n, before = *va, eax;

	n = test_trap.count;
	TEST_EXPECT_TRAP("st_mov: movl %0, (%1)", : : "r"(val), "r"(va) : "memory");
	check_pf(table, "mov", n, va, st_mov, before);

	n = test_trap.count;
	TEST_EXPECT_TRAP("st_movb: movb %b0, (%1)", : : "q"(val | 1), "r"(va) : "memory");
	check_pf(table, "movb", n, va, st_movb, before);

	n = test_trap.count;
	eax = val;
	TEST_EXPECT_TRAP("st_xchg: xchgl %0, (%1)", : "+r"(eax) : "r"(va) : "memory");
	check_pf(table, "xchg", n, va, st_xchg, before);

	n = test_trap.count;
	eax = before; /* the compare succeeds, so the store is attempted */
	TEST_EXPECT_TRAP("st_cmpxchg: lock cmpxchgl %1, (%2)",
			 : "+a"(eax)
			 : "r"(val), "r"(va)
			 : "memory");
	check_pf(table, "lock cmpxchg", n, va, st_cmpxchg, before);

	n = test_trap.count;
	TEST_EXPECT_TRAP("st_or: lock orl %0, (%1)", : : "r"(val), "r"(va) : "memory");
	check_pf(table, "lock or", n, va, st_or, before);

	n = test_trap.count;
	uint32_t edi = (uint32_t)va, ecx = 1;
	eax = val;
	TEST_EXPECT_TRAP("cld\n\tst_stos: rep stosl",
			 : "+D"(edi), "+c"(ecx), "+a"(eax)
			 :
			 : "memory");
	check_pf(table, "rep stos", n, va, st_stos, before);
}

int main(void)
{
	test_traps_catch_all();
	if (mmu_l2()[MMU_FREE_SLOT] != 0)
		test_error("the free directory slot is in use");
	volatile uint32_t *data = mmu_page_alloc();
	uint32_t data_pte = mmu_pte((uint32_t)data);
	/* What the stores try to write: a mapping of another page of the guest's. */
	uint32_t l1_val = mmu_entry(mmu_page_alloc(), PV_PTE_P | PV_PTE_RW | PV_PTE_US);

	uint32_t *own_l1 = mmu_l1_new();
	uint32_t l2_val = mmu_entry(own_l1, PV_PTE_P | PV_PTE_RW | PV_PTE_US);

	store_every_way("a free slot of the directory in use",
			(volatile uint32_t *)&mmu_l2()[MMU_FREE_SLOT], l2_val);
	volatile uint32_t *boot_l1 = (volatile uint32_t *)mmu_pte_view((uint32_t)data);
	store_every_way("the data page's entry in a boot L1", boot_l1, l1_val);
	store_every_way("an entry of a pinned L1", (volatile uint32_t *)&own_l1[7], l1_val);

	volatile uint32_t *alias = mmu_page_alloc();
	uint32_t alias_pte = mmu_pte((uint32_t)alias);
	TEST_EQ(hv_update_va_mapping((uint32_t)alias, (mmu_l2_mfn() << 12) | PV_PTE_P | PV_PTE_US,
				     PV_UVMF_INVLPG),
		0, "a read-only alias of the directory");
	store_every_way("the directory through a read-only alias", &alias[MMU_FREE_SLOT], l2_val);
	TEST_EQ(hv_update_va_mapping((uint32_t)alias, alias_pte, PV_UVMF_INVLPG), 0,
		"the alias page back");

	/* The tables say what they said: nothing reached them. */
	TEST_EQ(mmu_l2()[MMU_FREE_SLOT], 0, "the free slot");
	TEST_EQ(own_l1[7], 0, "the pinned L1's entry");
	TEST_EQ(mmu_pte((uint32_t)data), data_pte, "the data page's PTE");
	mmu_check_alive("the stores");
	printf("hostile-mmu-direct-store: %lu stores faulted\n", (unsigned long)test_trap.count);
	test_finish();
}
