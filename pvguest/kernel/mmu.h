/* mmu.h: pvguest's side of hv's page-table hypercalls.
 *
 * The kernel never stores to a page table: they are mapped read-only, and hv
 * validates every entry it is asked to write (docs/isolation.md). Entry updates
 * are queued here and sent to hv in batches (one mmu_update per MMU_QUEUE_MAX
 * entries, or when the caller flushes); pins, the CR3 switch and remapping one
 * kernel page go out at once. Every request the kernel makes is valid by
 * construction, so a refusal from hv is a kernel bug: it panics, naming the call
 * and hv's error. */
#ifndef PVGUEST_MMU_H
#define PVGUEST_MMU_H

#include <pv/guest.h>
#include <stdbool.h>

#define MMU_QUEUE_MAX 64u

/* Queue "set the page-table entry at machine address entry_maddr to val". */
void mmu_queue(uint32_t entry_maddr, uint32_t val);

/* Send what is queued, in order, in one mmu_update. Anything that depends on the
 * queued entries (a pin, a CR3 switch, reading the tables) must flush first. */
void mmu_flush(void);

/* Pin frame mfn as a page table (PV_MMUEXT_PIN_L1 or PV_MMUEXT_PIN_L2): hv
 * validates its whole content and keeps it a table until it is unpinned. */
void mmu_pin(uint32_t cmd, uint32_t mfn);

/* Run a batch of extended operations (unpins, say) in one mmuext_op. */
void mmu_ext_batch(const struct pv_mmuext_op *ops, uint32_t count);

/* Switch to the page directory in frame pd_mfn (the CR3 load). */
void mmu_set_base(uint32_t pd_mfn);

/* Map the kernel page at kva to frame mfn again, read-only or writable, for the
 * kernel only (no U bit): update_va_mapping. */
void mmu_remap(const void *kva, uint32_t mfn, bool writable);

/* How many page-table hypercalls the kernel has made (for the boot report). */
unsigned mmu_hypercalls(void);

#endif
