/* gdt.h: hv's global descriptor table and its task-state segment.
 *
 * One GDT serves hv and every guest. Index 1-2 are hv's flat ring-0 segments,
 * 3 the TSS, 4-7 the guest segments published in pv/layout.h. The guest segments
 * are flat but end just below PV_HV_START: this limit is the wall between a ring-1
 * guest and hv, since paging treats ring 1 as supervisor. */
#ifndef HV_ARCH_GDT_H
#define HV_ARCH_GDT_H

#define HV_CS 0x08
#define HV_DS 0x10
#define HV_TSS 0x18

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Load the GDT, reload every segment register, and load the TSS. */
void gdt_init(void);

/* The ring-0 stack the CPU switches to on a trap from a guest: the entry stack. */
void tss_set_ring0_stack(uint32_t esp0);

/* The ring-1 stack the CPU switches to through a direct gate (fast_trap.h). */
void tss_set_ring1_stack(uint32_t ss1, uint32_t esp1);
#endif

#endif
