/* mmu-stale-translation: after a page-table update the next access uses the new
 * entry, whichever hypercall made the update (regression test).
 *
 * Property: one virtual page is remapped back and forth between two frames, A and
 * B, 64 times, alternating update_va_mapping (with each of its TLB flags, NONE
 * included) and mmu_update (which has no flag) on the same PTE. After every switch
 * a read through the page sees the marker of the frame it now maps, never the
 * other's from a stale TLB entry, and a write through it lands in that frame only.
 * hv documents that it reloads CR3 on every return to a guest, so even the
 * unflushed variants must see the new frame. */
#include "mmu.h"

#define MARKER_A 0xAAAA0001u
#define MARKER_B 0xBBBB0002u
#define ROUNDS 64u

int main(void)
{
	static const uint32_t uvmf[] = { PV_UVMF_NONE, PV_UVMF_INVLPG, PV_UVMF_TLB_FLUSH };
	volatile uint32_t *a = mmu_page_alloc(), *b = mmu_page_alloc();
	volatile uint32_t *window = mmu_page_alloc(); /* the page that is remapped */
	uint32_t window_va = (uint32_t)window, original = mmu_pte(window_va);
	uint32_t flags = PV_PTE_P | PV_PTE_RW | PV_PTE_US;
	uint32_t entry_a = mmu_entry(a, flags), entry_b = mmu_entry(b, flags);

	test_traps_catch_all();
	a[0] = MARKER_A;
	b[0] = MARKER_B;
	a[1] = b[1] = 0xFFFFFFFFu;
	window[0] = 0x11111111u;
	TEST_EQ(window[0], 0x11111111u, "the window's own frame before remapping");

	for (uint32_t i = 0; i < ROUNDS; i++) {
		int to_a = i % 2 == 0;
		uint32_t entry = to_a ? entry_a : entry_b, want = to_a ? MARKER_A : MARKER_B;
		long r;
		if (i % 4 < 2)
			r = hv_update_va_mapping(window_va, entry, uvmf[(i / 4) % 3]);
		else
			r = mmu_update1(mmu_pte_maddr(window_va), entry) == 1 ? 0 : -1;
		test_check(r == 0, "round %lu: the remap failed (%ld)", (unsigned long)i, r);
		TEST_EQ(mmu_pte(window_va), entry, "the window's PTE");
		test_check(window[0] == want,
			   "round %lu (%s): read %08lx through the window, expected %08lx",
			   (unsigned long)i, i % 4 < 2 ? "update_va_mapping" : "mmu_update",
			   (unsigned long)window[0], (unsigned long)want);

		/* A write through the window goes to the frame it maps now. */
		window[1] = i;
		test_check((to_a ? a : b)[1] == i && (to_a ? b : a)[1] != i,
			   "round %lu: a write through the window reached the wrong frame",
			   (unsigned long)i);
	}

	TEST_EQ(hv_update_va_mapping(window_va, original, PV_UVMF_INVLPG), 0,
		"update_va_mapping: the window back to its own frame");
	TEST_EQ(window[0], 0x11111111u, "the window's own frame after remapping");
	TEST_EQ(a[0], MARKER_A, "frame A's marker");
	TEST_EQ(b[0], MARKER_B, "frame B's marker");
	test_finish();
}
