/* gdt.h: hv's global descriptor table and its task-state segment.
 *
 * One GDT serves hv and every guest. Index 1-2 are hv's flat ring-0 segments,
 * 3 the TSS, 4-7 the guest segments published in pv/layout.h, 8-15 reserved (zero).
 * The guest segments are flat but end just below PV_HV_START: this limit is the
 * wall between a ring-1 guest and hv, since paging treats ring 1 as supervisor.
 *
 * Indices 16..511 are the running domain's own (set_gdt): a copy of the validated
 * descriptor frame it installed (mm/desc_check.h), reloaded on each domain switch
 * and zero when the domain has none. The table fills one read-only trampoline page,
 * so a guest can neither write it nor make the CPU write it (accessed bits are
 * preset). */
#ifndef HV_ARCH_GDT_H
#define HV_ARCH_GDT_H

#define HV_CS 0x08
#define HV_DS 0x10
#define HV_TSS 0x18

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Load the GDT, reload every segment register, and load the TSS. */
void gdt_init(void);

/* Make descriptors 16..entries-1 of the live GDT a copy of words (a validated
 * frame of 512 descriptors, two words each) and zero the rest of 16..511. Present
 * ones get their accessed bit set. gdt_load_guest(0, 0) clears the guest range.
 * GDTR is not reloaded: its limit always covers all 512 entries. Both this and
 * gdt_set_guest_entry null FS and GS, which hv otherwise runs with as the guest
 * left them (gdt.c says why). */
void gdt_load_guest(const uint32_t *words, uint32_t entries);

/* Set live guest descriptor index (16..511; others are ignored) to a validated
 * (lo, hi), accessed bit set if present. */
void gdt_set_guest_entry(uint32_t index, uint32_t lo, uint32_t hi);

/* The ring-0 stack the CPU switches to on a trap from a guest: the entry stack. */
void tss_set_ring0_stack(uint32_t esp0);

/* The ring-1 stack the CPU switches to through a direct gate (fast_trap.h). */
void tss_set_ring1_stack(uint32_t ss1, uint32_t esp1);
#endif

#endif
