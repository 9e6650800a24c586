/* hostile-mmu-addresses: mmu_update writes only entries of the caller's own page
 * tables, named by a well-formed address.
 *
 * The low two bits of a request's ptr are its command, so a normal update's entry
 * address is always 4-byte aligned: "misaligned" ptr values arrive as other
 * commands. Attack:
 *   - ptr = a real PTE's address | 2 and | 3 (no such command);
 *   - ptr = a real PTE's address + 1, i.e. MACHPHYS_UPDATE with junk offset bits;
 *   - an "entry" in one of the guest's data pages (a frame that is not a table);
 *   - an entry in frames the guest does not own: physical 0, hv's image, the
 *     last frame of the 4 GiB space; MACHPHYS_UPDATE of hv's image frame;
 *   - update_va_mapping of addresses whose directory slot is empty.
 *
 * Expected: unknown commands -PV_EINVAL; a data page -PV_EINVAL (not a page
 * table); a foreign frame -PV_EPERM, for either command; no directory entry
 * -PV_EINVAL. The PTE is never changed by any of them (the +1 form may update its
 * frame's M2P entry, which the request sets to what it already is), the data page
 * keeps its contents, and hv's M2P entry for its image stays PV_M2P_INVALID. */
#include "mmu.h"

#define MARKER 0xADD2E55Eu

static volatile uint32_t *scratch;
static uint32_t scratch_pte;

static void check_scratch(const char *after)
{
	test_check(mmu_pte((uint32_t)scratch) == scratch_pte && scratch[0] == MARKER,
		   "after %s: the scratch PTE or page changed", after);
}

/* The M2P entry for mfn, or PV_M2P_INVALID - 1 if the table cannot be read (on a
 * CPU that checks segment limits it lies beyond the guest's). */
static uint32_t m2p_read(uint32_t mfn)
{
	uint32_t v = PV_M2P_INVALID - 1, n = test_trap.count;
	TEST_EXPECT_TRAP("movl (%1), %0", : "+r"(v) : "r"(PV_M2P_START + mfn * 4));
	return test_trap.count == n ? v : PV_M2P_INVALID - 1;
}

int main(void)
{
	test_traps_catch_all();
	scratch = mmu_page_alloc();
	scratch[0] = MARKER;
	scratch_pte = mmu_pte((uint32_t)scratch);
	uint32_t pte_maddr = mmu_pte_maddr((uint32_t)scratch);
	uint32_t other = mmu_entry(mmu_page_alloc(), PV_PTE_P | PV_PTE_RW | PV_PTE_US);

	/* The command bits. */
	TEST_EQ(mmu_update1(pte_maddr | 2, other), -PV_EINVAL, "mmu_update with command 2");
	check_scratch("command 2");
	TEST_EQ(mmu_update1(pte_maddr | 3, other), -PV_EINVAL, "mmu_update with command 3");
	check_scratch("command 3");

	/* entry + 1 is MACHPHYS_UPDATE of the L1's frame: never a PTE write. */
	uint32_t l1_mfn = pte_maddr >> 12;
	uint32_t l1_pfn = ((uint32_t)mmu_va_of_mfn(l1_mfn) - pv_start_info->virt_base) >> 12;
	long r = mmu_update1(pte_maddr + 1, l1_pfn);
	test_check(r == 1 || r == -PV_EINVAL, "mmu_update of a PTE address + 1: got %ld", r);
	check_scratch("a PTE address + 1");
	uint32_t m2p = m2p_read(l1_mfn);
	printf("hostile-mmu-addresses: MACHPHYS_UPDATE with offset bits in ptr: %ld; M2P %s\n", r,
	       m2p == PV_M2P_INVALID - 1 ? "unreadable" : "readable");
	test_check(m2p == l1_pfn || m2p == PV_M2P_INVALID - 1, "the L1's M2P entry is %08lx",
		   (unsigned long)m2p);

	/* A data page of the guest's own is no page table. */
	volatile uint32_t *data = mmu_page_alloc();
	data[2] = MARKER;
	TEST_EQ(mmu_update1((mmu_mfn_of(data) << 12) + 8, other), -PV_EINVAL,
		"mmu_update of a word in a data page");
	TEST_EQ(data[2], MARKER, "the data page's word");
	TEST_EQ(mmu_update1((mmu_mfn_of(data) << 12) + 8, 0), -PV_EINVAL,
		"mmu_update of a word in a data page, to 0");
	TEST_EQ(data[2], MARKER, "the data page's word");

	/* Frames the guest does not own. */
	static const struct {
		const char *what;
		uint32_t maddr;
	} foreign[] = {
		{ "physical 0", MMU_MFN_LOW << 12 },
		{ "physical 0x80", (MMU_MFN_LOW << 12) + 0x80 },
		{ "hv's image", MMU_MFN_HV_IMAGE << 12 },
		{ "hv's image + 0xFFC", (MMU_MFN_HV_IMAGE << 12) + 0xFFC },
		{ "the last frame", 0xFFFFF000u },
	};
	for (uint32_t i = 0; i < sizeof(foreign) / sizeof(foreign[0]); i++) {
		r = mmu_update1(foreign[i].maddr | PV_MMU_NORMAL_PT_UPDATE, 0);
		test_check(r == -PV_EPERM, "mmu_update of an entry in %s: got %ld", foreign[i].what,
			   r);
		r = mmu_update1(foreign[i].maddr | PV_MMU_NORMAL_PT_UPDATE, other);
		test_check(r == -PV_EPERM, "mmu_update of an entry in %s to a mapping: got %ld",
			   foreign[i].what, r);
	}
	uint32_t hv_m2p = m2p_read(MMU_MFN_HV_IMAGE);
	TEST_EQ(mmu_update1((MMU_MFN_HV_IMAGE << 12) | PV_MMU_MACHPHYS_UPDATE, 7), -PV_EPERM,
		"MACHPHYS_UPDATE of hv's image frame");
	TEST_EQ(m2p_read(MMU_MFN_HV_IMAGE), hv_m2p, "hv's image frame's M2P entry");
	test_check(hv_m2p == PV_M2P_INVALID || hv_m2p == PV_M2P_INVALID - 1,
		   "hv's image frame has M2P entry %08lx", (unsigned long)hv_m2p);
	TEST_EQ(mmu_update1(0xFFFFF000u | PV_MMU_MACHPHYS_UPDATE, 7), -PV_EPERM,
		"MACHPHYS_UPDATE of the last frame");

	/* update_va_mapping where no L1 exists. */
	TEST_EQ(hv_update_va_mapping(MMU_FREE_SLOT_VA, other, PV_UVMF_INVLPG), -PV_EINVAL,
		"update_va_mapping of an address with an empty directory slot");
	TEST_EQ(hv_update_va_mapping(0, other, PV_UVMF_INVLPG), -PV_EINVAL,
		"update_va_mapping of address 0");
	TEST_EQ(mmu_l2()[MMU_FREE_SLOT], 0, "the empty directory slot");

	check_scratch("all of them");
	mmu_check_alive("the attacks");
	test_finish();
}
