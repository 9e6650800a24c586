/* hostile-mmu-foreign: a guest cannot map a frame it does not own.
 *
 * Attack: the attacker (domain 1) points one of its own PTEs at frames outside its
 * P2M list: physical 0 (IVT and BIOS data), hv's image at 1 MiB, the first frame
 * past the end of RAM and the largest frame number, each read-write and
 * read-only, through update_va_mapping and through mmu_update. Then it tries
 * read-only mappings of every frame of RAM that is not in its P2M list, which
 * includes hv's frames, free frames and all of the victim's (domain 2, the same
 * guest with case=victim, alive meanwhile).
 *
 * Expected: every attempt returns -PV_EPERM and leaves the PTE as it was; the
 * page behind it still reads its own marker, and the victim finds its memory
 * unchanged. The victim reports by exit code and one line; the attacker prints
 * the result line. */
#include "mmu.h"

#define MARKER 0xF0F0C0DEu
#define RAM_FRAMES (64u << 20 >> 12) /* QEMU -m 64 (tests/run-guests.sh) */

static volatile uint32_t *scratch;	      /* the attacker's page whose PTE it aims */
static const volatile uint32_t *scratch_view; /* that PTE, read-only */
static uint32_t scratch_pte;

/* The scratch PTE is still what it was, and so is the page behind it. */
static int scratch_intact(void)
{
	return (*scratch_view & ~MMU_PTE_FLAGS_IGNORED) == scratch_pte && scratch[0] == MARKER;
}

/* Put the PTE back if hv wrongly changed it, so later checks stay meaningful. */
static void restore_scratch(void)
{
	if ((*scratch_view & ~MMU_PTE_FLAGS_IGNORED) != scratch_pte)
		hv_update_va_mapping((uint32_t)scratch, scratch_pte, PV_UVMF_INVLPG);
}

static void attack_named(const char *what, uint32_t mfn)
{
	static const uint32_t flag_sets[] = { PV_PTE_P | PV_PTE_RW | PV_PTE_US,
					      PV_PTE_P | PV_PTE_US, PV_PTE_P };
	for (uint32_t i = 0; i < sizeof(flag_sets) / sizeof(flag_sets[0]); i++) {
		uint32_t val = (mfn << 12) | flag_sets[i];
		long r = hv_update_va_mapping((uint32_t)scratch, val, PV_UVMF_INVLPG);
		test_check(r == -PV_EPERM,
			   "update_va_mapping to %s (%08lx): got %ld, expected -EPERM", what,
			   (unsigned long)val, r);
		test_check(scratch_intact(), "update_va_mapping to %s (%08lx) changed the PTE",
			   what, (unsigned long)val);
		restore_scratch();

		uint32_t done = 0xD0D0D0D0u;
		struct pv_mmu_update req = { mmu_pte_maddr((uint32_t)scratch), val };
		r = hv_mmu_update(&req, 1, &done);
		test_check(r == -PV_EPERM && done == 0,
			   "mmu_update to %s (%08lx): got %ld done %lu, expected -EPERM done 0",
			   what, (unsigned long)val, r, (unsigned long)done);
		test_check(scratch_intact(), "mmu_update to %s (%08lx) changed the PTE", what,
			   (unsigned long)val);
		restore_scratch();
	}
}

__attribute__((noreturn)) static void attacker(void)
{
	test_traps_catch_all();
	scratch = mmu_page_alloc();
	scratch[0] = MARKER;
	scratch_view = mmu_pte_view((uint32_t)scratch);
	scratch_pte = mmu_pte((uint32_t)scratch);
	hv_sched_op(PV_SCHEDOP_YIELD, 0, 0); /* let the victim fill its page first */

	attack_named("physical 0", MMU_MFN_LOW);
	attack_named("hv's image", MMU_MFN_HV_IMAGE);
	attack_named("the frame past RAM", RAM_FRAMES);
	attack_named("frame 0xFFFFF", 0xFFFFFu);

	/* Which frames are the attacker's own: its P2M list, and shared_info (hv's
	 * page, already mapped by the builder; not a frame to attack here). */
	static uint8_t own[RAM_FRAMES / 8];
	for (uint32_t pfn = 0; pfn < pv_start_info->nr_pages; pfn++)
		if (mmu_p2m(pfn) < RAM_FRAMES)
			own[mmu_p2m(pfn) / 8] |= (uint8_t)(1u << (mmu_p2m(pfn) % 8));
	uint32_t shared_mfn = mmu_pte(pv_start_info->shared_info) >> 12;

	uint32_t tried = 0, wrong = 0;
	for (uint32_t mfn = 0; mfn < RAM_FRAMES; mfn++) {
		if ((own[mfn / 8] >> (mfn % 8)) & 1 || mfn == shared_mfn)
			continue;
		long r = hv_update_va_mapping((uint32_t)scratch, (mfn << 12) | PV_PTE_P | PV_PTE_US,
					      PV_UVMF_NONE);
		tried++;
		if (r != -PV_EPERM || !scratch_intact()) {
			if (wrong++ < 8)
				test_check(0, "read-only mapping of foreign frame %05lx: got %ld",
					   (unsigned long)mfn, r);
			restore_scratch();
		}
	}
	printf("hostile-mmu-foreign: %lu foreign frames refused, %lu accepted\n",
	       (unsigned long)(tried - wrong), (unsigned long)wrong);
	test_check(tried > RAM_FRAMES / 2, "only %lu frames tried", (unsigned long)tried);
	test_check(scratch_intact(), "the scratch page after the scan");
	mmu_check_alive("the scan");
	test_finish();
}

/* The victim fills a page, lets the attacker run to its end, and checks it. */
__attribute__((noreturn)) static void victim(void)
{
	volatile uint32_t *page = mmu_page_alloc();
	for (uint32_t i = 0; i < 1024; i++)
		page[i] = MARKER ^ i;
	for (int i = 0; i < 4; i++)
		hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	uint32_t damaged = 0;
	for (uint32_t i = 0; i < 1024; i++)
		damaged += page[i] != (MARKER ^ i);
	printf("hostile-mmu-foreign: victim's page %s\n", damaged ? "DAMAGED" : "intact");
	pv_shutdown(PV_SHUTDOWN_POWEROFF, damaged ? 1 : 0);
}

int main(void)
{
	if (test_case_is("victim"))
		victim();
	attacker();
}
