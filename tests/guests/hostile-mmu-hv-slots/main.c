/* hostile-mmu-hv-slots: the page-directory slots that cover hv (1008..1023) are
 * hv's alone.
 *
 * Attack: mmu_update on every one of those slots of the page directory in use,
 * writing 0 (which would unmap the trampoline every hypercall and trap goes
 * through), the value already there, the trampoline's entry (the first slot's
 * value) and an entry naming an L1 the guest pinned itself. update_va_mapping of
 * addresses at and above PV_HV_START. A directory whose hv slots hold garbage is
 * pinned and loaded.
 *
 * Expected: each mmu_update returns -PV_EPERM and leaves the slot as it was;
 * update_va_mapping above PV_HV_START returns -PV_EINVAL. Pinning the directory
 * with garbage in hv's slots succeeds, and hv has written its own entries over the
 * garbage (the contract: hv writes them); running on it, hypercalls and traps
 * still work. */
#include "mmu.h"

#define NR_HV_SLOTS (1024u - MMU_FIRST_HV_SLOT)

int main(void)
{
	test_traps_catch_all();
	uint32_t before[NR_HV_SLOTS];
	for (uint32_t i = 0; i < NR_HV_SLOTS; i++)
		before[i] = mmu_l2()[MMU_FIRST_HV_SLOT + i];
	test_check(before[0] & PV_PTE_P, "slot 1008 (the trampoline) is not present");
	uint32_t *own_l1 = mmu_l1_new();
	const uint32_t own_l1_entry = mmu_entry(own_l1, PV_PTE_P | PV_PTE_RW | PV_PTE_US);

	uint32_t refused = 0;
	for (uint32_t slot = MMU_FIRST_HV_SLOT; slot < 1024; slot++) {
		const uint32_t values[] = { 0, before[slot - MMU_FIRST_HV_SLOT], before[0],
					    own_l1_entry };
		for (uint32_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			long r = mmu_update1(mmu_pde_maddr(slot), values[v]);
			test_check(r == -PV_EPERM, "mmu_update of slot %lu to %08lx: got %ld",
				   (unsigned long)slot, (unsigned long)values[v], r);
			refused += r == -PV_EPERM;
		}
		TEST_EQ(mmu_l2()[slot], before[slot - MMU_FIRST_HV_SLOT],
			"an hv slot after the attempts");
	}
	printf("hostile-mmu-hv-slots: %lu updates of hv's slots refused\n", (unsigned long)refused);
	mmu_check_alive("the attempts on hv's slots");

	static const uint32_t hv_vas[] = { PV_HV_START, PV_M2P_START, 0xFFFFF000u };
	for (uint32_t i = 0; i < sizeof(hv_vas) / sizeof(hv_vas[0]); i++) {
		TEST_EQ(hv_update_va_mapping(hv_vas[i], 0, PV_UVMF_NONE), -PV_EINVAL,
			"update_va_mapping of an hv address to 0");
		TEST_EQ(hv_update_va_mapping(hv_vas[i], own_l1_entry & ~PV_PTE_RW, PV_UVMF_NONE),
			-PV_EINVAL, "update_va_mapping of an hv address to an own page");
	}
	mmu_check_alive("update_va_mapping above PV_HV_START");

	/* A directory with garbage in hv's slots: hv overwrites them. */
	uint32_t *dir = mmu_page_alloc(), boot = mmu_l2_mfn();
	for (uint32_t i = 0; i < MMU_FIRST_HV_SLOT; i++)
		dir[i] = mmu_l2()[i];
	for (uint32_t i = MMU_FIRST_HV_SLOT; i < 1024; i++)
		dir[i] = i == MMU_FIRST_HV_SLOT ? own_l1_entry : (MMU_MFN_HV_IMAGE << 12) | 0x87u;
	TEST_EQ(mmu_set_readonly(dir), 0, "the new directory read-only");
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L2, mmu_mfn_of(dir)), 1,
		"PIN_L2 of a directory with garbage in hv's slots");
	for (uint32_t i = 0; i < NR_HV_SLOTS; i++)
		TEST_EQ(dir[MMU_FIRST_HV_SLOT + i] & ~MMU_PTE_FLAGS_IGNORED,
			before[i] & ~MMU_PTE_FLAGS_IGNORED, "an hv slot of the pinned directory");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, mmu_mfn_of(dir)), 1, "NEW_BASEPTR to it");
	mmu_check_alive("NEW_BASEPTR to the directory that had garbage");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, boot), 1, "NEW_BASEPTR back");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mmu_mfn_of(dir)), 1, "UNPIN the directory");
	mmu_check_alive("the attacks");
	test_finish();
}
