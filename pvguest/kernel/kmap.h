/* kmap.h: the kernel's own mappings: the boot page tables, made supervisor-only.
 *
 * hv's domain builder maps every pfn at virt_base + pfn * 4096, plus shared_info
 * one page past the last, in page tables it hands over pinned: the page directory
 * at start_info->pt_base and its L1s. That directory is the kernel's own address
 * space, and its L2 entries from USER_TOP up to PV_HV_START are the kernel half
 * every process shares (vm.c). Every one of those mappings starts with the U bit
 * set, so until kmap_protect runs, ring 3 could read and write the kernel. */
#ifndef PVGUEST_KMAP_H
#define PVGUEST_KMAP_H

#include <stdint.h>

/* Clear the U bit of every L1 entry of the kernel area, from virt_base up to and
 * including shared_info, in one batched mmu_update (one per PV_MMU_BATCH_MAX
 * entries). Returns the number of entries changed, or hv's negative error, with
 * nothing changed (-PV_ENOSYS: this hv has no direct paging). *calls gets the
 * number of mmu_update calls made. */
long kmap_protect(unsigned *calls);

/* The machine frame of the boot page directory, the kernel's own address space. */
uint32_t kmap_pd_mfn(void);

/* Entry slot (USER_TOP >> 22 <= slot < PV_HV_START >> 22) of the boot page
 * directory: what every address space copies for its kernel half. */
uint32_t kmap_kernel_pde(uint32_t slot);

/* The machine address of the (boot) L1 entry that maps kernel address kva: what
 * mmu_update needs to change the kernel's mapping of one page in a batch. */
uint32_t kmap_entry_maddr(const void *kva);

#endif
