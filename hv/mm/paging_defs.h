/* paging_defs.h: page-table bits and the constants of hv's own mapping.
 * Included from assembly as well as C, so only #defines live here.
 *
 * hv's half of every address space (page-directory slots 1008..1023):
 *
 *   0xFFC00000  slot 1023  reserved (not present)
 *   0xFC000000  slots 1008..1022  direct map of physical 0..60 MiB, 4 MiB pages,
 *                                 supervisor, not global; hv's image sits inside
 *                                 it at 0xFC100000 (physical 1 MiB)
 *
 * That is the hv view. A guest's own view of these slots holds only the
 * trampoline (arch/trampoline.h).
 *
 * Every frame hv can hand out lies below HV_DIRECTMAP_LIMIT, so hv reaches any of
 * them at physical + HV_VIRT_OFFSET without temporary mappings. */
#ifndef HV_MM_PAGING_DEFS_H
#define HV_MM_PAGING_DEFS_H

#define HV_VIRT_OFFSET 0xFC000000
#define HV_FIRST_SLOT 1008 /* PV_HV_START >> 22 */
#define HV_DIRECTMAP_SLOTS 15
#define HV_DIRECTMAP_LIMIT (HV_DIRECTMAP_SLOTS * 0x400000) /* 60 MiB */

#define PDE_P 0x001
#define PDE_RW 0x002
#define PDE_US 0x004
#define PDE_PS 0x080
#define PDE_G 0x100
#define PTE_P PDE_P
#define PTE_RW PDE_RW
#define PTE_US PDE_US

#define CR0_PE 0x00000001
#define CR0_MP 0x00000002
#define CR0_EM 0x00000004
#define CR0_TS 0x00000008
#define CR0_NE 0x00000020
#define CR0_WP 0x00010000
#define CR0_PG 0x80000000
#define CR4_PSE 0x00000010
#define CR4_PGE 0x00000080

#endif
