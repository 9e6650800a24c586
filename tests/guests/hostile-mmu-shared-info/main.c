/* hostile-mmu-shared-info: the shared_info frame, which hv writes directly, never
 * becomes a page table or a descriptor table.
 *
 * Attack: hv stores into shared_info through its own mapping, bypassing page-table
 * validation: on every page fault it bounces it writes the faulting address into
 * vcpu[0].cr2, word 1 of the frame. The frame belongs to the guest (it is just not
 * in its P2M list). So the guest zeroes the page, unmaps it, and installs its
 * frame as a descriptor table (set_gdt), hooks it straight into a directory slot,
 * or pins it as an L1 or as an L2. If the L1 worked, a load from address
 * (hv frame << 12) | P would make hv write that value into entry 1 of a live L1:
 * an unvalidated mapping of hv's frame, through which the guest reads hv.
 *
 * Expected: set_gdt, the hook, PIN_L1 and PIN_L2 are all refused (an error; the
 * slot stays empty). Afterwards shared_info is mapped back and restored, and a
 * page fault's CR2 reaches the guest through it again. If hv does take the frame,
 * the test shows what the attack reaches, says so, and undoes it without leaving
 * hv a reference to drop. While shared_info is unmapped the test's own #PF
 * handler, which does not read CR2 from it, is installed. */
#include "mmu.h"

#define RW_FLAGS (PV_PTE_P | PV_PTE_RW | PV_PTE_US)

static volatile uint32_t faults;

/* A #PF handler that needs no shared_info: count, skip the access. */
static void quiet_fault(struct pv_trap_regs *regs)
{
	faults++;
	if (!test_resume_eip)
		test_error("unexpected trap while shared_info is unmapped");
	regs->eip = test_resume_eip;
}

/* Take a #PF at address: hv writes address into shared_info's cr2 word. */
static void fault_at(uint32_t address)
{
	uint32_t v = 0, n = faults;
	TEST_EXPECT_TRAP("movl (%1), %0", : "+r"(v) : "r"(address));
	if (faults != n + 1)
		test_error("a load from an unmapped address did not fault");
}

/* hv took the pin: show what it leads to, then take it apart. */
static void exploit(uint32_t shared_mfn, const char *as)
{
	uint32_t pde_maddr = mmu_pde_maddr(MMU_FREE_SLOT);
	test_check(0, "hv pinned the shared_info frame as %s", as);
	if (strcmp(as, "an L1") == 0 &&
	    mmu_update1(pde_maddr, (shared_mfn << 12) | RW_FLAGS) == 1) {
		/* cr2 = (hv's image frame << 12) | P: entry 1 maps hv's image. */
		fault_at((MMU_MFN_HV_IMAGE << 12) | PV_PTE_P);
		uint32_t v = 0xBAD0BAD0u, n = faults;
		TEST_EXPECT_TRAP("movl (%1), %0", : "+r"(v) : "r"(MMU_FREE_SLOT_VA + PV_PAGE_SIZE));
		test_check(faults == n + 1,
			   "hv's image (frame 0x100) read through the pinned shared_info: %08lx",
			   (unsigned long)v);
		fault_at(4); /* cr2 = 4: entry 1 not present again, no reference to drop */
		mmu_update1(pde_maddr, 0);
	}
	mmuext1(PV_MMUEXT_UNPIN, shared_mfn);
}

int main(void)
{
	test_traps_catch_all();
	pv_trap_set(14, quiet_fault, 0);
	if (pv_traps_install() != 0)
		test_error("cannot install the #PF handler");

	uint32_t shared_va = pv_start_info->shared_info, shared_pte = mmu_pte(shared_va);
	uint32_t shared_mfn = shared_pte >> 12;
	if (mmu_l2()[MMU_FREE_SLOT] != 0 || mmu_l2()[0] != 0)
		test_error("the directory slots the test needs are in use");
	static uint8_t saved[PV_PAGE_SIZE];
	memcpy(saved, (const void *)shared_va, PV_PAGE_SIZE);

	/* Zero the page so that it would validate as a table (no event channels exist,
	 * so unmasking delivers nothing). */
	memset((void *)shared_va, 0, PV_PAGE_SIZE);
	TEST_EQ(hv_update_va_mapping(shared_va, 0, PV_UVMF_INVLPG), 0, "unmap shared_info");

	/* First, before any fault writes cr2 into it: a descriptor table. */
	long r = hv_set_gdt(&shared_mfn, 32);
	printf("hostile-mmu-shared-info: set_gdt on shared_info: %ld\n", r);
	if (r == 0) {
		test_check(0, "hv took the shared_info frame as a descriptor table");
		hv_set_gdt(0, 0);
	}
	r = mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), (shared_mfn << 12) | RW_FLAGS);
	printf("hostile-mmu-shared-info: hooking shared_info into a slot: %ld\n", r);
	if (r == 1) {
		test_check(0, "hv hooked the shared_info frame into a directory slot");
		mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), 0);
	}
	r = mmuext1(PV_MMUEXT_PIN_L1, shared_mfn);
	printf("hostile-mmu-shared-info: PIN_L1 of shared_info: %ld\n", r);
	if (r == 1)
		exploit(shared_mfn, "an L1");
	r = mmuext1(PV_MMUEXT_PIN_L2, shared_mfn);
	printf("hostile-mmu-shared-info: PIN_L2 of shared_info: %ld\n", r);
	if (r == 1)
		exploit(shared_mfn, "an L2");
	TEST_EQ(mmu_l2()[MMU_FREE_SLOT], 0, "the free slot");

	/* Put shared_info back as it was, then check a fault's CR2 arrives there. */
	TEST_EQ(hv_update_va_mapping(shared_va, shared_pte, PV_UVMF_INVLPG), 0,
		"map shared_info back");
	memcpy((void *)shared_va, saved, PV_PAGE_SIZE);
	test_traps_catch_all();
	uint32_t v = 0, n = test_trap.count;
	TEST_EXPECT_TRAP("movl (%1), %0", : "+r"(v) : "r"(0x2468u));
	test_check(test_trap.count == n + 1 && test_trap.vector == 14 && test_trap.cr2 == 0x2468u,
		   "a page fault after the attack: cr2 %08lx", (unsigned long)test_trap.cr2);
	mmu_check_alive("the attack");
	test_finish();
}
