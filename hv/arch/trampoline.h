/* trampoline.h: the sliver of hv that stays mapped while a guest runs.
 *
 * Why it exists. The design keeps hv safe from ring 1 with segment limits: the
 * guest's flat segments end below PV_HV_START, since paging treats ring 1 as
 * supervisor and cannot. Real CPUs enforce those limits; QEMU's TCG, our test
 * platform, does not check data segment limits at all, so a ring-1 load from
 * 0xFC000000 would simply read hv. hv therefore also keeps itself out of guest
 * address spaces, the way Linux's page-table isolation (KPTI) hides a kernel.
 *
 * Invariants:
 *  - hv runs on one page directory of its own, hv_master_pd: all of hv (the direct
 *    map of physical memory) and no guest memory. A domain's page directory maps
 *    its guest memory below PV_HV_START and, above it, only the trampoline.
 *  - hv reaches guest memory only by walking the guest's page tables in software
 *    and copying through its direct map (mm/guest_copy.h), never through the
 *    guest's mappings.
 *  - The trampoline is page-granular: .tramp.text (entry/exit code), .tramp.data
 *    (GDT, IDT, TSS, tramp_hv_cr3 and tramp_guest_cr3) read-only, and .tramp.stack
 *    (the entry stack, where the CPU pushes a guest's frame) writable. All are
 *    supervisor pages, so ring 3 sees none of them.
 *  - No instruction of hv's C code runs in a guest view: trap_entry.S switches to
 *    the hv view and to hv's private stack before it calls C, and back only after.
 *  - While a guest runs, the entry stack holds nothing but that guest's own frame.
 *  - No hv mapping is global, so reloading CR3 leaves no hv translation behind.
 *  - GDT descriptors are created with their accessed bit set, so the CPU never
 *    needs to write to the read-only GDT page on a segment load. */
#ifndef HV_ARCH_TRAMPOLINE_H
#define HV_ARCH_TRAMPOLINE_H

#include <stdint.h>

#define TRAMP_TEXT __attribute__((section(".tramp.text")))
#define TRAMP_DATA __attribute__((section(".tramp.data")))

/* The page directories trap_entry.S switches between: hv's own, and the running
 * domain's. Written only while hv runs on its own. */
extern uint32_t tramp_hv_cr3, tramp_guest_cr3;

/* Build the page table that maps the trampoline pages (and nothing else of hv). */
void tramp_init(void);

/* The page-directory entry that puts the trampoline into a guest view. */
uint32_t tramp_pde(void);

/* The page directory return_to_guest loads: the running domain's. */
void tramp_set_guest_cr3(uint32_t guest_cr3);

/* The top of the entry stack: TSS.esp0. */
uint32_t tramp_entry_stack_top(void);

#endif
