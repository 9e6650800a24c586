/* layout.h: the fixed facts of a pv32 address space and the published selectors.
 *
 * Every address space reserves the top 64 MiB, from PV_HV_START upwards, for hv.
 * Guests own everything below it. The flat segments hv gives guests end just below
 * PV_HV_START, which is what stops ring-1 code from touching hv on a real CPU:
 * paging cannot, because ring 1 counts as supervisor to the MMU. (QEMU's TCG does
 * not check data segment limits, so hv also maps almost nothing of itself into a
 * guest's address space: docs/architecture.md.)
 *
 *   0xFFFFFFFF +--------------------------+
 *              | hv (64 MiB; in a guest's |  page-directory slots 1008..1023,
 *              | address space only hv's  |  the same in every guest's,
 *              | entry trampoline)        |  immutable for guests
 *   0xFC000000 +--------------------------+ PV_HV_START
 *              | guest kernel + its users |  segment limit 0xFBFFFFFF
 *   0x00000000 +--------------------------+
 */
#ifndef PV_LAYOUT_H
#define PV_LAYOUT_H

#define PV_HV_START 0xFC000000u
#define PV_PAGE_SIZE 4096u
#define PV_PAGE_SHIFT 12

/* Selectors published to guests: GDT index << 3 | RPL. */
#define PV_SEL_KERNEL_CS 0x21u /* index 4, DPL 1: guest kernel code */
#define PV_SEL_KERNEL_DS 0x29u /* index 5, DPL 1: guest kernel data and stack */
#define PV_SEL_USER_CS 0x33u   /* index 6, DPL 3: guest user code */
#define PV_SEL_USER_DS 0x3Bu   /* index 7, DPL 3: guest user data and stack */
#define PV_SEL_M2P 0x41u       /* index 8, DPL 1: the M2P table, read-only (pv/mm.h) */

/* The software-interrupt vector of the int transport (a DPL-1 gate). */
#define PV_HYPERCALL_VECTOR 0x82u

/* The hypercall page: one stub per hypercall, each in a slot of this size. */
#define PV_HYPERCALL_SLOT_SIZE 32u

#endif
