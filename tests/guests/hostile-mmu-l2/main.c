/* hostile-mmu-l2: a directory entry may only name a frame that validates as an L1,
 * and no entry may make a large or a global page.
 *
 * Attack: mmu_update points a free slot of the page directory in use
 *   - at that directory itself (the recursive "self-map");
 *   - at another page directory (a copy the guest pinned with PIN_L2);
 *   - at a read-only data page full of garbage entries naming hv's frames;
 *   - at a read-only data page whose entries map a data page as global pages;
 *   - with the large-page bit (PS) set, at a data page.
 * PIN_L2 gets a directory whose slot names the directory itself. update_va_mapping
 * sets a PTE with the global bit (G).
 *
 * Expected: a directory or itself is a frame in use as another type: -PV_EBUSY.
 * The garbage page fails validation at its first bad entry, a foreign frame:
 * -PV_EPERM. The page of global entries, the PS slot and the G PTE: -PV_EINVAL.
 * Each failure leaves the slot empty (and the PTE unchanged); the guest keeps
 * running. Control: once the garbage page is zeroed, the same hook succeeds, so
 * the earlier failures were for its content. */
#include "mmu.h"

#define TABLE_FLAGS (PV_PTE_P | PV_PTE_RW | PV_PTE_US)

/* Point the free slot at frame mfn with flags; expect err and an empty slot. */
static void hook(const char *what, uint32_t mfn, uint32_t flags, long err)
{
	TEST_EQ(mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), (mfn << 12) | flags), err, what);
	TEST_EQ(mmu_l2()[MMU_FREE_SLOT], 0, "the free slot after a refused hook");
	mmu_check_alive(what);
}

/* A heap page filled by fill(i), then made read-only. */
static uint32_t *readonly_page(uint32_t (*fill)(uint32_t i))
{
	uint32_t *page = mmu_page_alloc();
	for (uint32_t i = 0; i < 1024; i++)
		page[i] = fill(i);
	if (mmu_set_readonly(page) != 0)
		test_error("cannot make a heap page read-only");
	return page;
}

/* Garbage that names hv's frames (the image from 1 MiB on), present and writable. */
static uint32_t garbage_foreign(uint32_t i)
{
	return ((MMU_MFN_HV_IMAGE + i) << 12) | TABLE_FLAGS;
}

static uint32_t own_data_mfn; /* a data page of the guest's own */

/* Entries that map the guest's own data page, but as a global page. */
static uint32_t garbage_global(uint32_t i)
{
	return (own_data_mfn << 12) | PV_PTE_P | PV_PTE_US | MMU_PTE_G | (i & PV_PTE_A);
}

int main(void)
{
	test_traps_catch_all();
	if (mmu_l2()[MMU_FREE_SLOT] != 0)
		test_error("the free directory slot is in use");
	volatile uint32_t *data = mmu_page_alloc();
	data[0] = 0xDA7A0001u;
	own_data_mfn = mmu_mfn_of(data);

	hook("a slot naming its own page directory", mmu_l2_mfn(), TABLE_FLAGS, -PV_EBUSY);
	hook("a slot naming its own page directory, read-only", mmu_l2_mfn(), PV_PTE_P | PV_PTE_US,
	     -PV_EBUSY);

	uint32_t *other = mmu_page_alloc();
	for (uint32_t i = 0; i < 1024; i++)
		other[i] = mmu_l2()[i];
	if (mmu_set_readonly(other) != 0 || mmuext1(PV_MMUEXT_PIN_L2, mmu_mfn_of(other)) != 1)
		test_error("cannot pin a copy of the page directory");
	hook("a slot naming another (pinned) page directory", mmu_mfn_of(other), TABLE_FLAGS,
	     -PV_EBUSY);

	uint32_t *garbage = readonly_page(garbage_foreign);
	hook("a slot naming a page of entries for hv's frames", mmu_mfn_of(garbage), TABLE_FLAGS,
	     -PV_EPERM);
	hook("a slot naming a page of global entries", mmu_mfn_of(readonly_page(garbage_global)),
	     TABLE_FLAGS, -PV_EINVAL);
	hook("a large-page (PS) slot", own_data_mfn, TABLE_FLAGS | MMU_PDE_PS, -PV_EINVAL);
	hook("a large-page (PS) slot, read-only", own_data_mfn, PV_PTE_P | PV_PTE_US | MMU_PDE_PS,
	     -PV_EINVAL);

	/* A directory that names itself: PIN_L2 must not take it (nor loop). */
	uint32_t *loop = mmu_page_alloc();
	for (uint32_t i = 0; i < MMU_FIRST_HV_SLOT; i++)
		loop[i] = mmu_l2()[i];
	loop[MMU_FREE_SLOT] = mmu_entry(loop, TABLE_FLAGS);
	if (mmu_set_readonly(loop) != 0)
		test_error("cannot make a heap page read-only");
	TEST_EQ(mmuext1(PV_MMUEXT_PIN_L2, mmu_mfn_of(loop)), -PV_EBUSY,
		"PIN_L2 of a directory whose slot names itself");
	TEST_EQ(mmuext1(PV_MMUEXT_NEW_BASEPTR, mmu_mfn_of(loop)), -PV_EBUSY,
		"NEW_BASEPTR to a directory whose slot names itself");
	mmu_check_alive("the self-naming directory");

	/* A global page. */
	uint32_t pte = mmu_pte((uint32_t)data);
	TEST_EQ(hv_update_va_mapping((uint32_t)data, pte | MMU_PTE_G, PV_UVMF_INVLPG), -PV_EINVAL,
		"update_va_mapping with the global bit");
	TEST_EQ(mmu_update1(mmu_pte_maddr((uint32_t)data), pte | MMU_PTE_G), -PV_EINVAL,
		"mmu_update with the global bit");
	TEST_EQ(mmu_pte((uint32_t)data), pte, "the PTE after the global-bit attempts");
	TEST_EQ(data[0], 0xDA7A0001u, "the data page");

	/* Control: zeroed, the garbage page is a fine L1. */
	TEST_EQ(mmu_set_writable(garbage), 0, "the garbage page writable again");
	memset(garbage, 0, PV_PAGE_SIZE);
	TEST_EQ(mmu_set_readonly(garbage), 0, "the zeroed page read-only");
	TEST_EQ(mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), mmu_entry(garbage, TABLE_FLAGS)), 1,
		"control: hook the zeroed page");
	TEST_EQ(mmu_update1(mmu_pde_maddr(MMU_FREE_SLOT), 0), 1, "control: unhook it");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mmu_mfn_of(other)), 1, "unpin the directory copy");
	mmu_check_alive("the attacks");
	test_finish();
}
