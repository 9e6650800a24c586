/* hostile-mmu-pin: pins follow the rules, and no table is used after its last use.
 *
 * Attack:
 *   - UNPIN the page directory in use (the builder pinned it), then UNPIN it again;
 *   - switch to a copy, then write into the old directory (now no table), turn it
 *     into garbage through a writable alias and NEW_BASEPTR / PIN_L2 back to it;
 *   - NEW_BASEPTR to a page mapped writable, to hv's frames, to an L1;
 *   - write into an L1 after unpinning it; pin an L1 twice; unpin an L1 twice while
 *     a directory slot still uses it, then map it writable;
 *   - pin and unpin frames the guest does not own; unknown mmuext_op commands.
 *
 * Expected: unpinning the directory in use succeeds but is deferred: it stays a
 * table while CR3 uses it (a store faults, a writable mapping gets -PV_EBUSY,
 * mmu_update into it works), and the guest runs on. The second UNPIN of a frame
 * gets -PV_EINVAL (not pinned), and so does a second pin. Once the directory's
 * last use goes it is an ordinary frame: mmu_update into it gets -PV_EINVAL and it
 * may be mapped writable; as garbage naming hv's frame it does not validate
 * (-PV_EPERM), repaired it does. NEW_BASEPTR to a writable page or an L1 gets
 * -PV_EBUSY, to a foreign frame -PV_EPERM. An unpinned L1 still hooked into a slot
 * stays an L1 (-PV_EBUSY to map it writable) until unhooked. Foreign frames get
 * -PV_EPERM, unknown commands -PV_EINVAL. */
#include "mmu.h"

#define RW_FLAGS (PV_PTE_P | PV_PTE_RW | PV_PTE_US)

static volatile uint32_t *scratch;
static uint32_t scratch_pte;

/* Map frame mfn at the scratch page with flags; returns update_va_mapping's result. */
static long scratch_map(uint32_t mfn, uint32_t flags)
{
	return hv_update_va_mapping((uint32_t)scratch, (mfn << 12) | flags, PV_UVMF_INVLPG);
}

static void scratch_restore(void)
{
	if (hv_update_va_mapping((uint32_t)scratch, scratch_pte, PV_UVMF_INVLPG) != 0)
		test_error("cannot restore the scratch page");
}

/* Write word index of frame mfn through a writable alias at the scratch page. */
static void poke(uint32_t mfn, uint32_t index, uint32_t value)
{
	if (scratch_map(mfn, RW_FLAGS) != 0)
		test_error("cannot map an ordinary frame writable");
	scratch[index] = value;
	scratch_restore();
}

/* Unpin the directory in use; it stays a table until the guest leaves it. */
static void unpin_in_use(uint32_t boot)
{
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, boot), 1, "UNPIN the directory in use");
	mmu_check_alive("UNPIN of the directory in use");
	mmu_check_store_faults((volatile uint32_t *)&mmu_l2()[MMU_FREE_SLOT],
			       "the unpinned directory in use");
	TEST_EQ(scratch_map(boot, RW_FLAGS), -PV_EBUSY,
		"map the unpinned directory in use writable");
	TEST_EQ(mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), 0), 1,
		"mmu_update into the unpinned directory in use");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, boot), -PV_EINVAL, "UNPIN the directory in use again");
	mmu_check_alive("the second UNPIN");
}

/* Leave the unpinned boot directory, abuse the freed frame, come back. */
static void leave_and_return(uint32_t boot)
{
	uint32_t *copy = mmu_page_alloc();
	for (uint32_t i = 0; i < 1024; i++)
		copy[i] = mmu_l2()[i];
	TEST_EQ(mmu_set_readonly(copy), 0, "the directory copy read-only");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, mmu_mfn_of(copy)), 1, "NEW_BASEPTR to the copy");
	mmu_check_alive("NEW_BASEPTR to the copy");

	/* The old directory's last use has gone: it is no table now. */
	TEST_EQ(mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), 0), -PV_EINVAL,
		"mmu_update into the old directory");
	poke(boot, MMU_FREE_SLOT, (MMU_MFN_HV_IMAGE << 12) | RW_FLAGS);
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, boot), -PV_EPERM,
		"NEW_BASEPTR to the old directory, now naming hv's frame");
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L2, boot), -PV_EPERM,
		"PIN_L2 of the old directory, now naming hv's frame");
	mmu_check_alive("the refused NEW_BASEPTR");
	mmu_check_store_faults(copy, "the copy, still in use");

	poke(boot, MMU_FREE_SLOT, 0);
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, boot), 1, "NEW_BASEPTR to the repaired directory");
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L2, boot), 1, "PIN_L2 of it again");
	mmu_check_alive("NEW_BASEPTR back");
	TEST_EQ(mmu_set_writable(copy), 0, "the unused copy writable again");
}

static void bad_baseptr(void)
{
	uint32_t *writable = mmu_page_alloc();
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, mmu_mfn_of(writable)), -PV_EBUSY,
		"NEW_BASEPTR to a page mapped writable");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, MMU_MFN_HV_IMAGE), -PV_EPERM,
		"NEW_BASEPTR to hv's image");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, MMU_MFN_LOW), -PV_EPERM, "NEW_BASEPTR to frame 0");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, 0xFFFFFu), -PV_EPERM,
		"NEW_BASEPTR to frame 0xFFFFF");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, mmu_mfn_of(mmu_l1_new())), -PV_EBUSY,
		"NEW_BASEPTR to a pinned L1");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, mmu_l1_mfn(pv_start_info->virt_base)), -PV_EBUSY,
		"NEW_BASEPTR to a boot L1");
	mmu_check_alive("the refused NEW_BASEPTRs");
}

static void l1_lifetimes(void)
{
	/* Use after unpin. */
	uint32_t *l1 = mmu_l1_new(), mfn = mmu_mfn_of(l1);
	uint32_t map = mmu_entry(mmu_page_alloc(), RW_FLAGS);
	TEST_EQ(mmu_update1(mfn << 12, map), 1, "mmu_update into a pinned L1");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mfn), 1, "UNPIN it");
	TEST_EQ(mmu_update1((mfn << 12) + 4, map), -PV_EINVAL, "mmu_update into it after UNPIN");
	TEST_EQ(l1[1], 0, "its entry 1");
	TEST_EQ(mmu_set_writable(l1), 0, "it, writable after UNPIN");

	/* Pin twice, unpin twice. */
	uint32_t *twice = mmu_l1_new();
	mfn = mmu_mfn_of(twice);
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L1, mfn), -PV_EINVAL, "PIN_L1 of a pinned L1");
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L2, mfn), -PV_EINVAL, "PIN_L2 of a pinned L1");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mfn), 1, "UNPIN it");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mfn), -PV_EINVAL, "UNPIN it again");
	TEST_EQ(mmu_set_writable(twice), 0, "it, writable after one UNPIN (no use left over)");

	/* Unpin twice while a directory slot still uses it. */
	uint32_t *hooked = mmu_l1_new();
	mfn = mmu_mfn_of(hooked);
	TEST_EQ(mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), (mfn << 12) | RW_FLAGS), 1,
		"hook a pinned L1");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mfn), 1, "UNPIN the hooked L1");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mfn), -PV_EINVAL, "UNPIN the hooked L1 again");
	TEST_EQ(scratch_map(mfn, RW_FLAGS), -PV_EBUSY, "map the unpinned, hooked L1 writable");
	TEST_EQ(mmu_set_writable(hooked), -PV_EBUSY, "flip RW on the unpinned, hooked L1");
	TEST_EQ(mmu_update1(mfn << 12, map), 1, "mmu_update into the unpinned, hooked L1");
	volatile uint32_t *via = (volatile uint32_t *)MMU_FREE_SLOT_VA;
	*via = 0x600D600Du;
	TEST_EQ(*via, 0x600D600Du, "a page mapped through it");
	TEST_EQ(mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), 0), 1, "unhook it");
	TEST_EQ(mmu_update1(mfn << 12, 0), -PV_EINVAL, "mmu_update into it after the unhook");
	TEST_EQ(mmu_set_writable(hooked), 0, "it, writable after the unhook");

	/* A table of one level pinned as the other. */
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L2, mmu_l1_mfn(pv_start_info->virt_base)), -PV_EBUSY,
		"PIN_L2 of a boot L1");
	mmu_check_alive("the L1 lifetimes");
}

static void foreign_and_unknown(void)
{
	static const uint32_t frames[] = { MMU_MFN_LOW, MMU_MFN_HV_IMAGE, 0xFFFFFu };
	for (uint32_t i = 0; i < sizeof(frames) / sizeof(frames[0]); i++) {
		TEST_EQ(mmuext1(PV_MMUEXT_PIN_L1, frames[i]), -PV_EPERM,
			"PIN_L1 of a foreign frame");
		TEST_EQ(mmuext1(PV_MMUEXT_PIN_L2, frames[i]), -PV_EPERM,
			"PIN_L2 of a foreign frame");
		TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, frames[i]), -PV_EPERM, "UNPIN of a foreign frame");
	}
	TEST_EQ(mmuext1(PV_MMUEXT_INVLPG + 1, 0), -PV_EINVAL, "mmuext_op command 6");
	TEST_EQ(mmuext1(0xFFFFFFFFu, mmu_l2_mfn()), -PV_EINVAL, "mmuext_op command 0xFFFFFFFF");
	mmu_check_alive("the foreign frames");
}

int main(void)
{
	test_traps_catch_all();
	if (mmu_l2()[MMU_FREE_SLOT] != 0)
		test_error("the free directory slot is in use");
	scratch = mmu_page_alloc();
	scratch[0] = 0x5C4A7C11u;
	scratch_pte = mmu_pte((uint32_t)scratch);
	uint32_t boot = mmu_l2_mfn();

	unpin_in_use(boot);
	leave_and_return(boot);
	bad_baseptr();
	l1_lifetimes();
	foreign_and_unknown();

	TEST_EQ(mmu_pte((uint32_t)scratch), scratch_pte, "the scratch PTE");
	TEST_EQ(scratch[0], 0x5C4A7C11u, "the scratch page");
	test_finish();
}
