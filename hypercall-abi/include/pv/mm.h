/* mm.h: the structures of the memory hypercalls (mmu_update, mmuext_op, set_gdt).
 *
 * A pv32 guest owns real page tables in its own frames, but writes them only
 * through hv, which validates every entry (docs/isolation.md). Entries name machine
 * frames: the P2M list in start_info turns a pseudo-physical frame into a machine
 * frame, and the M2P table mapped read-only at PV_M2P_START turns it back. */
#ifndef PV_MM_H
#define PV_MM_H

#include "types.h"

/* One page-table update: the entry's machine address (| a PV_MMU_* command in the
 * low two bits) and its new value. */
struct pv_mmu_update {
	uint32_t ptr;
	uint32_t val;
};
PV_ASSERT_SIZE(struct pv_mmu_update, 8);
PV_ASSERT_OFFSET(struct pv_mmu_update, val, 4);

/* One extended operation: a PV_MMUEXT_* command and its argument (a machine frame
 * number, or a virtual address for PV_MMUEXT_INVLPG). */
struct pv_mmuext_op {
	uint32_t cmd;
	uint32_t arg;
};
PV_ASSERT_SIZE(struct pv_mmuext_op, 8);
PV_ASSERT_OFFSET(struct pv_mmuext_op, arg, 4);

/* Page-table entry bits a guest may use (non-PAE, 4 KiB pages). */
#define PV_PTE_P 0x001u
#define PV_PTE_RW 0x002u
#define PV_PTE_US 0x004u
#define PV_PTE_PWT 0x008u
#define PV_PTE_PCD 0x010u
#define PV_PTE_A 0x020u
#define PV_PTE_D 0x040u
#define PV_PTE_FRAME 0xFFFFF000u

/* The M2P table: uint32_t m2p[mfn] = pfn, read-only to guest kernels. Frames that
 * belong to no guest pfn read as PV_M2P_INVALID. It lies in hv's area, beyond the
 * flat segments' limit, so a guest kernel reads it through its own read-only
 * segment: entry mfn is at PV_SEL_M2P:(mfn * 4), for mfn < PV_M2P_ENTRIES
 * (pv_m2p_lookup in pv/guest.h does this). Its linear address is PV_M2P_START. */
#define PV_M2P_START 0xFC400000u
#define PV_M2P_ENTRIES 15360u /* the machine frames hv manages: 60 MiB */
#define PV_M2P_INVALID 0xFFFFFFFFu

/* The guest GDT (set_gdt): one frame of 512 descriptors; the first
 * PV_GDT_FIRST_GUEST_ENTRY are hv's (the published selectors among them). */
#define PV_GDT_MAX_ENTRIES 512u
#define PV_GDT_FIRST_GUEST_ENTRY 16u

#endif
