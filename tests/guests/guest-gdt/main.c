/* guest-gdt: a guest's own descriptor table works, is its own, and stays read-only.
 *
 * Two domains run this guest (test.conf). Each takes a page of its own memory,
 * remaps it read-only (update_va_mapping: a frame mapped writable cannot become a
 * descriptor frame) and installs it with set_gdt, holding three descriptors:
 *   16  DPL 1 data, byte granular, 4 KiB at a "window" page: window_a in domain 1,
 *       window_b in domain 2 (both domains have both pages, with different fill);
 *   17  DPL 3 code, readable, flat below PV_HV_START;
 *   18  DPL 3 data, flat below PV_HV_START.
 *
 * Property: the selectors work: DS loaded with 16 reads and writes the window, FS
 * with 18 reads ordinary memory, GS with 17 reads code. A segment register still
 * holding selector 16 across a yield sees this domain's window, not the other's:
 * hv reloads the guest part of the GDT on every domain switch. update_descriptor
 * moves 16 to the other window, and the frame shows the new descriptor. Index 19,
 * past entries, faults with #GP. While installed, the frame cannot be mapped
 * writable (-PV_EBUSY) and a store to it faults; after set_gdt(entries 0) index
 * 16 faults and the frame can be mapped writable again.
 *
 * Domain 1 reports by its exit code; domain 2 prints the result line.
 *
 * Limitation: QEMU's TCG does not check data segment limits, so this test shows
 * which descriptor each selector reaches, not that a limit is enforced. */
#include "test.h"

#include <string.h>

#define IDX_WINDOW 16u
#define IDX_USER_CS 17u
#define IDX_USER_DS 18u
#define ENTRIES 19u
#define SEL(index, rpl) ((uint16_t)((index) << 3 | (rpl)))

/* Descriptor access bytes and flags (Intel SDM vol. 3, "Segment Descriptors"). */
#define ACC_PRESENT 0x80u
#define ACC_DPL(n) ((uint32_t)(n) << 5)
#define ACC_CODE_DATA 0x10u
#define ACC_CODE_RX 0x0Au
#define ACC_DATA_RW 0x02u
#define FL_4K_32 0xCu
#define FL_BYTE_32 0x4u

static uint32_t gdt_page[1024] __attribute__((aligned(4096)));
static uint32_t window_a[1024] __attribute__((aligned(4096)));
static uint32_t window_b[1024] __attribute__((aligned(4096)));
static const uint32_t marker = 0x5EC7105Eu;

/* Descriptor words for base/limit (limit in pages if FL_4K_32) into w[0..1]. */
static void desc_make(uint32_t *w, uint32_t base, uint32_t limit, uint32_t access, uint32_t flags)
{
	w[0] = (limit & 0xFFFF) | (base << 16);
	w[1] = ((base >> 16) & 0xFF) | (access << 8) | (limit & 0xF0000) | (flags << 20) |
	       (base & 0xFF000000u);
}

static uint32_t mfn_of(const void *va)
{
	uint32_t pfn = ((uint32_t)va - pv_start_info->virt_base) >> PV_PAGE_SHIFT;
	return ((const uint32_t *)pv_start_info->p2m_list)[pfn];
}

/* Map the page at va to its own frame again, writable or read-only. */
static long remap(const void *va, int writable)
{
	uint32_t val = mfn_of(va) << PV_PAGE_SHIFT | PV_PTE_P | PV_PTE_US;
	return hv_update_va_mapping((uint32_t)va, writable ? val | PV_PTE_RW : val, PV_UVMF_INVLPG);
}

/* Store v at offset off through DS = sel and read it back the same way; DS is the
 * guest kernel's again afterwards. */
static uint32_t ds_write_read(uint16_t sel, uint32_t off, uint32_t v)
{
	uint32_t got;
	__asm__ volatile("mov %w3, %%ds\n\t"
			 "movl %2, (%1)\n\t"
			 "movl (%1), %0\n\t"
			 "mov %w4, %%ds"
			 : "=&a"(got)
			 : "c"(off), "d"(v), "b"(sel), "S"(PV_SEL_KERNEL_DS)
			 : "memory");
	return got;
}

static void fs_load(uint16_t sel)
{
	__asm__ volatile("mov %w0, %%fs" : : "r"(sel) : "memory");
}

static uint32_t fs_read(uint32_t off)
{
	uint32_t v;
	__asm__ volatile("movl %%fs:(%1), %0" : "=r"(v) : "r"(off) : "memory");
	return v;
}

static uint32_t gs_read_with(uint16_t sel, uint32_t off)
{
	uint32_t v;
	__asm__ volatile("mov %w1, %%gs\n\t"
			 "movl %%gs:(%2), %0\n\t"
			 "mov %w3, %%gs"
			 : "=&r"(v)
			 : "r"(sel), "r"(off), "r"(0)
			 : "memory");
	return v;
}

/* Does loading sel into FS fault with #GP(sel)? FS is null afterwards. */
static int fs_load_faults(uint16_t sel)
{
	uint32_t before = test_trap.count;
	TEST_EXPECT_TRAP("mov %w0, %%fs", : : "r"(sel) : "memory");
	int faulted = test_trap.count == before + 1 && test_trap.vector == 13 &&
		      test_trap.error_code == (sel & ~3u);
	fs_load(0);
	return faulted;
}

int main(void)
{
	const uint32_t domid = pv_start_info->domid;
	uint32_t *mine = domid == 1 ? window_a : window_b;
	uint32_t *other = domid == 1 ? window_b : window_a;
	test_traps_catch_all();
	for (uint32_t i = 0; i < 1024; i++) {
		window_a[i] = 0xA0000000u | i;
		window_b[i] = 0xB0000000u | i;
	}

	/* The frame: zero but for the three descriptors, then read-only. */
	const uint32_t below_hv = (PV_HV_START >> 12) - 1;
	desc_make(&gdt_page[2 * IDX_WINDOW], (uint32_t)mine, 0xFFF,
		  ACC_PRESENT | ACC_DPL(1) | ACC_CODE_DATA | ACC_DATA_RW, FL_BYTE_32);
	desc_make(&gdt_page[2 * IDX_USER_CS], 0, below_hv,
		  ACC_PRESENT | ACC_DPL(3) | ACC_CODE_DATA | ACC_CODE_RX, FL_4K_32);
	desc_make(&gdt_page[2 * IDX_USER_DS], 0, below_hv,
		  ACC_PRESENT | ACC_DPL(3) | ACC_CODE_DATA | ACC_DATA_RW, FL_4K_32);
	uint32_t frames[1] = { mfn_of(gdt_page) };
	long r = hv_set_gdt(frames, ENTRIES);
	TEST_EQ(r, -PV_EBUSY, "set_gdt on a frame mapped writable");
	r = remap(gdt_page, 0);
	if (r == -PV_ENOSYS)
		test_skip("update_va_mapping is not implemented");
	TEST_EQ(r, 0, "remap the frame read-only");
	r = hv_set_gdt(frames, ENTRIES);
	TEST_EQ(r, 0, "set_gdt");

	/* Each selector reaches its descriptor. */
	TEST_EQ(ds_write_read(SEL(IDX_WINDOW, 1), 0x10, 0x12345678), 0x12345678,
		"DS = 16: read back");
	TEST_EQ(mine[4], 0x12345678, "DS = 16: the store landed in this domain's window");
	fs_load(SEL(IDX_USER_DS, 3));
	TEST_EQ(fs_read((uint32_t)&marker), marker, "FS = 18 (DPL 3 data): a global");
	fs_load(0);
	TEST_EQ(gs_read_with(SEL(IDX_USER_CS, 3), (uint32_t)main), *(const uint32_t *)main,
		"GS = 17 (DPL 3 readable code): main's first bytes");
	test_check(fs_load_faults(SEL(ENTRIES, 1)), "loading index 19 (past entries) did not #GP");

	/* Across domain switches FS keeps reaching this domain's window. */
	fs_load(SEL(IDX_WINDOW, 1));
	for (int i = 0; i < 3; i++) {
		hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
		TEST_EQ(fs_read(0x20), mine[8], "FS = 16 after a yield: this domain's window");
	}

	/* update_descriptor moves 16 to the other window; the frame shows it. */
	uint32_t w[2];
	desc_make(w, (uint32_t)other, 0xFFF, ACC_PRESENT | ACC_DPL(1) | ACC_CODE_DATA | ACC_DATA_RW,
		  FL_BYTE_32);
	uint32_t maddr = frames[0] << PV_PAGE_SHIFT | IDX_WINDOW * 8;
	r = hv_update_descriptor(maddr, w[0], w[1]);
	TEST_EQ(r, 0, "update_descriptor");
	TEST_EQ(fs_read(0x20), other[8], "FS = 16 after update_descriptor: the other window");
	TEST_EQ(gdt_page[2 * IDX_WINDOW], w[0], "the frame's new descriptor, low word");
	TEST_EQ(gdt_page[2 * IDX_WINDOW + 1], w[1], "the frame's new descriptor, high word");
	hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	TEST_EQ(fs_read(0x20), other[8], "FS = 16 after update_descriptor and a yield");
	fs_load(0);

	/* The frame stays read-only while it is a descriptor table. */
	r = remap(gdt_page, 1);
	TEST_EQ(r, -PV_EBUSY, "map the installed frame writable");
	uint32_t before = test_trap.count;
	TEST_EXPECT_TRAP("movl $0, %0", : "=m"(gdt_page[32]) : : "memory");
	test_check(test_trap.count == before + 1 && test_trap.vector == 14,
		   "a store to the installed frame did not #PF");
	r = hv_set_gdt(frames, ENTRIES); /* again, the same frame: still one use */
	TEST_EQ(r, 0, "set_gdt with the same frame");

	/* entries 0: back to the published selectors only; the frame is free again. */
	r = hv_set_gdt(0, 0);
	TEST_EQ(r, 0, "set_gdt entries 0");
	test_check(fs_load_faults(SEL(IDX_WINDOW, 1)), "index 16 after entries 0 did not #GP");
	r = remap(gdt_page, 1);
	TEST_EQ(r, 0, "map the frame writable after entries 0");
	gdt_page[0] = 0; /* and a store works */
	r = hv_update_descriptor(maddr, w[0], w[1]);
	TEST_EQ(r, -PV_EPERM, "update_descriptor with no GDT installed");

	hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	if (domid == 1) {
		if (test_failure_count())
			return 1;
		printf("guest-gdt: domain 1 done\n");
		return 0;
	}
	test_finish();
}
