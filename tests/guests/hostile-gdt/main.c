/* hostile-gdt: descriptors that would reach ring 0 or hv are refused, and nothing changes.
 *
 * Attack: with a good GDT frame A installed (index 16: a DPL 1 data segment on a
 * marked page), offer set_gdt a second frame B that is good but for one thing: a
 * DPL 0 code or data segment, a call gate to hv's code selector, a TSS, a limit
 * reaching PV_HV_START (page and byte granular), a base+limit that wraps, a
 * conforming code segment, the expand-down trick (a 32-bit expand-down segment
 * whose limit ends just below hv, so its valid offsets are exactly hv), something
 * in hv's entries 0..15, or a bad descriptor past `entries`. Then bad arguments:
 * entries 513, a NULL, unmapped or hv-area frame list, mfn 0 and mfn 0xFFFFFFFF
 * (not the guest's), the guest's own page directory, and B while it is mapped
 * writable. B also holds a good DPL 1 data segment at index 17, so if hv applied
 * any of it, selector 17 would load. Then update_descriptor on A with the same bad
 * descriptors, with index 0 and 4 (hv's), a misaligned address, an address in B
 * (not the installed frame) and in frame 0. And A, while installed, cannot be
 * pinned as a page table.
 *
 * Expected: -PV_EINVAL for bad content and arguments, -PV_EFAULT for a frame list
 * hv cannot read, -PV_EPERM for a frame that is not the caller's (or not its
 * installed GDT, for update_descriptor), -PV_EBUSY for a frame in use as something
 * else. After each refusal A is unchanged and in force (index 16 reaches the
 * marked page, index 17 faults), and B can be mapped writable again (it did not
 * keep a descriptor-table type).
 *
 * case=drop-live (tests/guests/hostile-gdt-drop-live): dropping the table while a
 * segment register still holds one of its selectors makes hv's exit path fault on
 * that selector; hv kills the domain with a report instead of failing itself. */
#include "test.h"

#include <string.h>

#define IDX_WINDOW 16u
#define IDX_PROBE 17u
#define IDX_BAD 20u
#define SEL(index, rpl) ((uint16_t)((index) << 3 | (rpl)))

#define ACC_PRESENT 0x80u
#define ACC_DPL(n) ((uint32_t)(n) << 5)
#define ACC_CODE_DATA 0x10u
#define ACC_CODE_RX 0x0Au
#define ACC_CODE_CRX 0x0Eu /* conforming */
#define ACC_DATA_RW 0x02u
#define ACC_DATA_RWD 0x06u /* expand-down */
#define ACC_TSS32 0x09u
#define ACC_CALL32 0x0Cu
#define FL_4K_32 0xCu
#define FL_BYTE_32 0x4u

static uint32_t frame_a[1024] __attribute__((aligned(4096)));
static uint32_t frame_b[1024] __attribute__((aligned(4096)));
static uint32_t window[1024] __attribute__((aligned(4096)));
static uint32_t saved_a[1024];
static uint32_t mfn_a, mfn_b;

struct desc {
	uint32_t lo, hi;
};

static struct desc desc_make(uint32_t base, uint32_t limit, uint32_t access, uint32_t flags)
{
	struct desc d;
	d.lo = (limit & 0xFFFF) | (base << 16);
	d.hi = ((base >> 16) & 0xFF) | (access << 8) | (limit & 0xF0000) | (flags << 20) |
	       (base & 0xFF000000u);
	return d;
}

static const uint32_t below_hv = (PV_HV_START >> 12) - 1;

/* The descriptors no guest GDT may hold, with their names. */
static struct bad_desc {
	const char *what;
	struct desc d;
} bad[11];

static void make_bad(void)
{
	const uint32_t data1 = ACC_PRESENT | ACC_DPL(1) | ACC_CODE_DATA | ACC_DATA_RW;
	uint32_t i = 0;
	bad[i++] = (struct bad_desc){ "DPL 0 data",
				      desc_make(0, below_hv, data1 & ~ACC_DPL(3), FL_4K_32) };
	bad[i++] =
		(struct bad_desc){ "DPL 0 code",
				   desc_make(0, below_hv, ACC_PRESENT | ACC_CODE_DATA | ACC_CODE_RX,
					     FL_4K_32) };
	/* A call gate: offset 0x1000 in hv's code segment 0x08, callable from ring 3. */
	bad[i++] = (struct bad_desc){
		"call gate", { 0x08u << 16 | 0x1000, (ACC_PRESENT | ACC_DPL(3) | ACC_CALL32) << 8 }
	};
	bad[i++] = (struct bad_desc){ "TSS", desc_make((uint32_t)window, 0x67,
						       ACC_PRESENT | ACC_DPL(1) | ACC_TSS32, 0) };
	bad[i++] = (struct bad_desc){ "4 GiB limit", desc_make(0, 0xFFFFF, data1, FL_4K_32) };
	bad[i++] = (struct bad_desc){ "one page past the published limit",
				      desc_make(0, below_hv + 1, data1, FL_4K_32) };
	bad[i++] = (struct bad_desc){ "byte-granular limit into hv",
				      desc_make(PV_HV_START - 0x800, 0xFFF, data1, FL_BYTE_32) };
	bad[i++] = (struct bad_desc){ "base+limit wraps",
				      desc_make(0x10000, 0xFFFFF, data1, FL_4K_32) };
	bad[i++] = (struct bad_desc){
		"conforming code",
		desc_make(0, below_hv, ACC_PRESENT | ACC_DPL(3) | ACC_CODE_DATA | ACC_CODE_CRX,
			  FL_4K_32)
	};
	bad[i++] = (struct bad_desc){
		"expand-down trick",
		desc_make(0, below_hv, ACC_PRESENT | ACC_DPL(1) | ACC_CODE_DATA | ACC_DATA_RWD,
			  FL_4K_32)
	};
	bad[i++] = (struct bad_desc){ "not present but not zero",
				      desc_make(0, below_hv, data1 & ~ACC_PRESENT, FL_4K_32) };
}

static uint32_t mfn_of(const void *va)
{
	uint32_t pfn = ((uint32_t)va - pv_start_info->virt_base) >> PV_PAGE_SHIFT;
	return ((const uint32_t *)pv_start_info->p2m_list)[pfn];
}

static long remap(const void *va, int writable)
{
	uint32_t val = mfn_of(va) << PV_PAGE_SHIFT | PV_PTE_P | PV_PTE_US;
	return hv_update_va_mapping((uint32_t)va, writable ? val | PV_PTE_RW : val, PV_UVMF_INVLPG);
}

static void put(uint32_t *frame, uint32_t index, struct desc d)
{
	frame[2 * index] = d.lo;
	frame[2 * index + 1] = d.hi;
}

/* Read a word of the window through selector IDX_WINDOW, via FS. */
static uint32_t window_read(uint32_t off)
{
	uint32_t v;
	__asm__ volatile("mov %w1, %%fs\n\t"
			 "movl %%fs:(%2), %0\n\t"
			 "mov %w3, %%fs"
			 : "=&r"(v)
			 : "r"(SEL(IDX_WINDOW, 1)), "r"(off), "r"(0)
			 : "memory");
	return v;
}

/* Does loading sel into FS fault with #GP(sel)? */
static int load_faults(uint16_t sel)
{
	uint32_t before = test_trap.count;
	TEST_EXPECT_TRAP("mov %w0, %%fs", : : "r"(sel) : "memory");
	int faulted = test_trap.count == before + 1 && test_trap.vector == 13 &&
		      test_trap.error_code == (sel & ~3u);
	__asm__ volatile("mov %w0, %%fs" : : "r"(0));
	return faulted;
}

/* A is still installed, unchanged, and nothing of B is live. */
static void check_intact(const char *what)
{
	test_check(memcmp(frame_a, saved_a, sizeof(saved_a)) == 0, "%s: frame A changed", what);
	uint32_t v = window_read(0x40);
	test_check(v == window[16], "%s: selector 16 reads %08lx, not the window", what,
		   (unsigned long)v);
	test_check(load_faults(SEL(IDX_PROBE, 1)), "%s: selector 17 loads", what);
}

/* Fill B with a good table plus one change, map it read-only, offer it. */
static void expect_set_gdt_refused(const char *what, uint32_t index, struct desc d,
				   uint32_t entries, long expected)
{
	long r = remap(frame_b, 1);
	test_check(r == 0, "%s: B cannot be mapped writable first (%ld)", what, r);
	memset(frame_b, 0, sizeof(frame_b));
	put(frame_b, IDX_WINDOW,
	    desc_make((uint32_t)window, 0xFFF,
		      ACC_PRESENT | ACC_DPL(1) | ACC_CODE_DATA | ACC_DATA_RW, FL_BYTE_32));
	put(frame_b, IDX_PROBE,
	    desc_make(0, below_hv, ACC_PRESENT | ACC_DPL(1) | ACC_CODE_DATA | ACC_DATA_RW,
		      FL_4K_32));
	put(frame_b, index, d);
	r = remap(frame_b, 0);
	test_check(r == 0, "%s: B cannot be mapped read-only (%ld)", what, r);
	r = hv_set_gdt(&mfn_b, entries);
	test_check(r == expected, "%s: set_gdt got %ld, expected %ld", what, r, expected);
	check_intact(what);
}

static void expect_update_refused(const char *what, uint32_t maddr, struct desc d, long expected)
{
	long r = hv_update_descriptor(maddr, d.lo, d.hi);
	test_check(r == expected, "%s: update_descriptor got %ld, expected %ld", what, r, expected);
	check_intact(what);
}

int main(void)
{
	char what[96];
	test_traps_catch_all();
	make_bad();
	for (uint32_t i = 0; i < 1024; i++)
		window[i] = 0x3D000000u | i;
	mfn_a = mfn_of(frame_a);
	mfn_b = mfn_of(frame_b);

	/* A: index 16 on the window, 17 entries; installed read-only. */
	const struct desc good =
		desc_make((uint32_t)window, 0xFFF,
			  ACC_PRESENT | ACC_DPL(1) | ACC_CODE_DATA | ACC_DATA_RW, FL_BYTE_32);
	put(frame_a, IDX_WINDOW, good);
	memcpy(saved_a, frame_a, sizeof(saved_a));
	long r = remap(frame_a, 0);
	if (r == -PV_ENOSYS)
		test_skip("update_va_mapping is not implemented");
	TEST_EQ(r, 0, "map A read-only");
	r = hv_set_gdt(&mfn_a, IDX_PROBE);
	TEST_EQ(r, 0, "set_gdt A");
	check_intact("control");

	/* case=drop-live: drop the table while FS still holds selector 16. The return
	 * from set_gdt reloads FS from a zero descriptor, which faults in hv's exit
	 * path: hv kills this domain (test.conf expects the report) and carries on. */
	if (test_case_is("drop-live")) {
		__asm__ volatile("mov %w0, %%fs" : : "r"(SEL(IDX_WINDOW, 1)) : "memory");
		r = hv_set_gdt(0, 0);
		test_check(0, "still running after dropping a live selector's descriptor (%ld)", r);
		test_finish();
	}

	/* set_gdt with bad content in B. */
	for (uint32_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "set_gdt: %s", bad[i].what);
		expect_set_gdt_refused(what, IDX_BAD, bad[i].d, IDX_BAD + 1, -PV_EINVAL);
	}
	expect_set_gdt_refused("set_gdt: DPL 0 data past entries", 511, bad[0].d, IDX_BAD + 1,
			       -PV_EINVAL);
	expect_set_gdt_refused("set_gdt: index 0 not zero", 0, (struct desc){ 1, 0 }, IDX_BAD + 1,
			       -PV_EINVAL);
	expect_set_gdt_refused("set_gdt: index 5 holds a good descriptor", 5, good, IDX_BAD + 1,
			       -PV_EINVAL);
	expect_set_gdt_refused("set_gdt: index 15 holds a good descriptor", 15, good, IDX_BAD + 1,
			       -PV_EINVAL);

	/* set_gdt with bad arguments; B (read-only, good) is the control. */
	expect_set_gdt_refused("set_gdt: entries 513", IDX_BAD, good, PV_GDT_MAX_ENTRIES + 1,
			       -PV_EINVAL);
	r = hv_set_gdt(0, IDX_BAD + 1);
	TEST_EQ(r, -PV_EFAULT, "set_gdt: NULL frame list");
	r = hv_set_gdt((const uint32_t *)0x10000000, IDX_BAD + 1);
	TEST_EQ(r, -PV_EFAULT, "set_gdt: unmapped frame list");
	r = hv_set_gdt((const uint32_t *)PV_HV_START, IDX_BAD + 1);
	TEST_EQ(r, -PV_EFAULT, "set_gdt: frame list at PV_HV_START");
	r = hv_set_gdt((const uint32_t *)0xFFFFFFFE, IDX_BAD + 1);
	TEST_EQ(r, -PV_EFAULT, "set_gdt: frame list wrapping 4 GiB");
	static const uint32_t mfn_zero = 0, mfn_huge = 0xFFFFFFFFu;
	r = hv_set_gdt(&mfn_zero, IDX_BAD + 1);
	TEST_EQ(r, -PV_EPERM, "set_gdt: mfn 0 (not the guest's)");
	r = hv_set_gdt(&mfn_huge, IDX_BAD + 1);
	TEST_EQ(r, -PV_EPERM, "set_gdt: mfn 0xFFFFFFFF");
	const uint32_t mfn_pd = mfn_of((const void *)pv_start_info->pt_base);
	r = hv_set_gdt(&mfn_pd, IDX_BAD + 1);
	TEST_EQ(r, -PV_EBUSY, "set_gdt: the page directory");
	r = remap(frame_b, 1);
	TEST_EQ(r, 0, "map B writable");
	r = hv_set_gdt(&mfn_b, IDX_BAD + 1);
	TEST_EQ(r, -PV_EBUSY, "set_gdt: B mapped writable");
	check_intact("set_gdt arguments");

	/* update_descriptor on A. */
	const uint32_t maddr_a = mfn_a << PV_PAGE_SHIFT;
	for (uint32_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "update_descriptor: %s", bad[i].what);
		expect_update_refused(what, maddr_a + IDX_WINDOW * 8, bad[i].d, -PV_EINVAL);
	}
	expect_update_refused("update_descriptor: index 0", maddr_a, good, -PV_EINVAL);
	expect_update_refused("update_descriptor: index 4 (kernel CS)", maddr_a + 4 * 8, good,
			      -PV_EINVAL);
	expect_update_refused("update_descriptor: index 15", maddr_a + 15 * 8, good, -PV_EINVAL);
	expect_update_refused("update_descriptor: misaligned", maddr_a + IDX_WINDOW * 8 + 4, good,
			      -PV_EINVAL);
	expect_update_refused("update_descriptor: frame B", (mfn_b << PV_PAGE_SHIFT) + 17 * 8, good,
			      -PV_EPERM);
	expect_update_refused("update_descriptor: frame 0", 17 * 8, good, -PV_EPERM);

	/* A, a descriptor table, cannot also become a page table or be mapped writable. */
	struct pv_mmuext_op pin = { PV_MMUEXT_PIN_L1, mfn_a };
	uint32_t done = 0xFFFF;
	r = hv_mmuext_op(&pin, 1, &done);
	TEST_EQ(r, -PV_EBUSY, "pin A as a page table");
	r = remap(frame_a, 1);
	TEST_EQ(r, -PV_EBUSY, "map A writable");
	check_intact("pin and map A");

	/* Dropped: update_descriptor has no frame to work on. */
	r = hv_set_gdt(0, 0);
	TEST_EQ(r, 0, "set_gdt entries 0");
	r = hv_update_descriptor(maddr_a + IDX_PROBE * 8, good.lo, good.hi);
	TEST_EQ(r, -PV_EPERM, "update_descriptor after entries 0");
	test_check(load_faults(SEL(IDX_WINDOW, 1)), "selector 16 loads after entries 0");
	test_finish();
}
