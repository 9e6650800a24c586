/* pt_update.h: changing one entry of a validated page table. Pure C.
 *
 * The one way a guest's page-table entries change after validation (mmu_update,
 * update_va_mapping): the new value takes its references first, then replaces the
 * old value, which drops its own. If the new value does not validate, the entry
 * and every count stay as they were. */
#ifndef HV_MM_PT_UPDATE_H
#define HV_MM_PT_UPDATE_H

#include <stdint.h>

#include "mm/frame_table.h"

/* Set the entry at machine address maddr (4-byte aligned) to val, for owner. It must
 * lie in a frame owner owns that is an L1 or L2 in use, and not in hv's slots of an
 * L2. 0, or -PV_EPERM (not owner's, or hv's slots), -PV_EINVAL (not a page table,
 * or val invalid), -PV_EBUSY (val conflicts with a frame's type). */
int pt_update_entry(struct frame_table *ft, uint16_t owner, uint32_t maddr, uint32_t val);

/* The machine address of the L1 entry mapping va in the address space whose page
 * directory is frame l2_mfn, or 0 if va's L2 entry is not present or va is hv's. */
uint32_t pt_l1e_address(struct frame_table *ft, uint32_t l2_mfn, uint32_t va);

#endif
