/* gdt.c: hv's global descriptor table and its task-state segment. */
#include "arch/gdt.h"

#include <pv/layout.h>
#include <pv/mm.h>
#include <pv/mm.h>

#include "arch/trampoline.h"

/* Segment descriptor access bytes. */
#define SEG_PRESENT 0x80
#define SEG_DPL(n) ((n) << 5)
#define SEG_CODE_DATA 0x10
#define SEG_ACCESSED 0x01 /* preset: the GDT page is read-only in guest views */
#define SEG_CODE_RX 0x0A
#define SEG_DATA_RW 0x02
#define SEG_TSS32 0x09
/* Flags nibble: 4 KiB granularity, 32-bit. */
#define SEG_FLAGS_4K_32 0xC

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
};

static struct tss hv_tss TRAMP_DATA;

/* The live GDT: one page of its own, the largest table a guest may ask for. Its
 * GDTR limit never changes: a guest index past the guest's own entries holds a
 * zero descriptor, and loading one faults (#GP with the selector) exactly as an
 * index past a shorter limit would, so switching domains never reloads GDTR. */
static uint64_t gdt[PV_GDT_MAX_ENTRIES] TRAMP_DATA __attribute__((aligned(4096)));
_Static_assert(sizeof(gdt) == 4096, "the GDT fills exactly one trampoline page");

/* Guest entries [PV_GDT_FIRST_GUEST_ENTRY, guest_end) may be non-zero; the rest of
 * the guest range is zero. Saves clearing the whole page on every domain switch. */
static uint32_t guest_end = PV_GDT_FIRST_GUEST_ENTRY;

/* Encode one descriptor; limit is in the unit the flags choose (bytes or pages). */
static uint64_t seg_descriptor(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
	uint64_t d = limit & 0xFFFF;
	d |= (uint64_t)(base & 0xFFFFFF) << 16;
	d |= (uint64_t)access << 40;
	d |= (uint64_t)((limit >> 16) & 0xF) << 48;
	d |= (uint64_t)(flags & 0xF) << 52;
	d |= (uint64_t)(base >> 24) << 56;
	return d;
}

void gdt_init(void)
{
	const uint32_t all_4g = 0xFFFFF;
	/* The last guest page is PV_HV_START - 4096: the limit counts pages, inclusive. */
	const uint32_t below_hv = (PV_HV_START >> 12) - 1;
	const uint8_t code = SEG_PRESENT | SEG_CODE_DATA | SEG_CODE_RX | SEG_ACCESSED;
	const uint8_t data = SEG_PRESENT | SEG_CODE_DATA | SEG_DATA_RW | SEG_ACCESSED;

	gdt[HV_CS >> 3] = seg_descriptor(0, all_4g, code | SEG_DPL(0), SEG_FLAGS_4K_32);
	gdt[HV_DS >> 3] = seg_descriptor(0, all_4g, data | SEG_DPL(0), SEG_FLAGS_4K_32);
	gdt[PV_SEL_KERNEL_CS >> 3] =
		seg_descriptor(0, below_hv, code | SEG_DPL(1), SEG_FLAGS_4K_32);
	gdt[PV_SEL_KERNEL_DS >> 3] =
		seg_descriptor(0, below_hv, data | SEG_DPL(1), SEG_FLAGS_4K_32);
	gdt[PV_SEL_USER_CS >> 3] = seg_descriptor(0, below_hv, code | SEG_DPL(3), SEG_FLAGS_4K_32);
	gdt[PV_SEL_USER_DS >> 3] = seg_descriptor(0, below_hv, data | SEG_DPL(3), SEG_FLAGS_4K_32);
	/* The M2P table's own window: read-only data, byte-granular, ring 1. */
	gdt[PV_SEL_M2P >> 3] =
		seg_descriptor(PV_M2P_START, PV_M2P_ENTRIES * 4 - 1,
			       SEG_PRESENT | SEG_CODE_DATA | SEG_ACCESSED | SEG_DPL(1), 0x4);

	/* No I/O bitmap: iomap_base past the limit denies every port to rings 1-3. */
	hv_tss.ss0 = HV_DS;
	hv_tss.iomap_base = sizeof(hv_tss);
	gdt[HV_TSS >> 3] =
		seg_descriptor((uint32_t)&hv_tss, sizeof(hv_tss) - 1, SEG_PRESENT | SEG_TSS32, 0);

	struct __attribute__((packed)) {
		uint16_t limit;
		uint32_t base;
	} gdtr = { sizeof(gdt) - 1, (uint32_t)gdt };

	__asm__ volatile("lgdt %0\n\t"
			 "ljmp %1, $1f\n"
			 "1:\n\t"
			 "mov %2, %%ds\n\t"
			 "mov %2, %%es\n\t"
			 "mov %2, %%ss\n\t"
			 "mov %3, %%fs\n\t"
			 "mov %3, %%gs\n\t"
			 "ltr %4"
			 :
			 : "m"(gdtr), "i"(HV_CS), "r"(HV_DS), "r"(0), "r"((uint16_t)HV_TSS)
			 : "memory");
}

/* Set guest descriptor index (in range) to (lo, hi), accessed bit preset. */
static void set_guest_entry(uint32_t index, uint32_t lo, uint32_t hi)
{
	uint64_t d = (uint64_t)hi << 32 | lo;
	/* The live page is read-only in every guest view: the CPU must never need to
	 * set the accessed bit itself when the guest loads the selector. */
	if (d & (uint64_t)SEG_PRESENT << 40)
		d |= (uint64_t)SEG_ACCESSED << 40;
	gdt[index] = d;
	if (index >= guest_end)
		guest_end = index + 1;
}

/* hv runs with the guest's FS and GS still loaded: trap_common saves them but
 * does not replace them. Once the guest range has changed, reloading one of them
 * inside hv (hv_trap returning from a nested trap, such as the exit path's own
 * fault on a selector the guest just dropped) could find its descriptor gone and
 * fault where nothing catches it. So null them: the guest's values are safe in
 * its saved frame, and return_to_guest reloads them from there. */
static void forget_guest_fs_gs(void)
{
	__asm__ volatile("mov %0, %%fs\n\t"
			 "mov %0, %%gs"
			 :
			 : "r"(0));
}

void gdt_set_guest_entry(uint32_t index, uint32_t lo, uint32_t hi)
{
	if (index < PV_GDT_FIRST_GUEST_ENTRY || index >= PV_GDT_MAX_ENTRIES)
		return;
	set_guest_entry(index, lo, hi);
	forget_guest_fs_gs();
}

void gdt_load_guest(const uint32_t *words, uint32_t entries)
{
	if (!words)
		entries = 0;
	if (entries > PV_GDT_MAX_ENTRIES)
		entries = PV_GDT_MAX_ENTRIES;
	uint32_t old_end = guest_end;
	guest_end = PV_GDT_FIRST_GUEST_ENTRY;
	uint32_t i = PV_GDT_FIRST_GUEST_ENTRY;
	for (; i < entries; i++)
		set_guest_entry(i, words[2 * i], words[2 * i + 1]);
	for (; i < old_end; i++)
		gdt[i] = 0;
	forget_guest_fs_gs();
}

void tss_set_ring0_stack(uint32_t esp0)
{
	hv_tss.esp0 = esp0;
}

void tss_set_ring1_stack(uint32_t ss1, uint32_t esp1)
{
	hv_tss.ss1 = ss1;
	hv_tss.esp1 = esp1;
}
