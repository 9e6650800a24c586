/* vm.h: address spaces: a page directory per process, the kernel half shared.
 *
 * vm.c opens with the invariants. A process's user mappings are made one page at
 * a time with vm_map_page, which queues the page-table updates; vm_commit sends
 * them to hv in batches. */
#ifndef PVGUEST_VM_H
#define PVGUEST_VM_H

#include <stdbool.h>
#include <stdint.h>

#define VM_MAX_L1 16 /* 4-MiB regions of user space one process may use */

struct vm {
	uint16_t owner;	 /* frame-owner tag of every frame it allocates (frames.h) */
	uint32_t pd_pfn; /* its page directory; PFN_NONE when it has none */
	uint32_t nr_l1;
	struct vm_l1 {
		uint32_t slot; /* directory slot: the L1 maps [slot << 22, (slot + 1) << 22) */
		uint32_t pfn;
	} l1[VM_MAX_L1];
};

/* Start address-space bookkeeping: the boot directory (kmap.h) is current. */
void vm_init(void);

/* Give vm a new page directory whose kernel half is the kernel's, user half
 * empty, pinned. owner tags its frames and must be unique among live vms.
 * 0, or -ENOMEM with vm left without a directory. */
int vm_create(struct vm *vm, uint16_t owner);

/* Map a new zeroed frame at user address va (page-aligned, below USER_TOP, not
 * mapped yet: the caller keeps track), writable for ring 3 or read-only. Returns
 * the kernel's own (writable) mapping of the frame, so the caller can fill it,
 * or NULL when memory or L1 slots ran out (-ENOMEM). The update is queued. */
void *vm_map_page(struct vm *vm, uint32_t va, bool writable);

/* Send every queued update to hv. Call before the new mappings are used. */
void vm_commit(void);

/* Make vm the current address space (NULL: the kernel's own). */
void vm_activate(const struct vm *vm);

/* Unmap and free everything vm has. vm must not be the current address space. */
void vm_destroy(struct vm *vm);

/* Is every byte of [va, va + len) mapped for ring 3 in vm, and writable if write?
 * The one place user pointers are judged (uaccess.c builds on it). */
bool vm_user_range_ok(const struct vm *vm, uint32_t va, uint32_t len, bool write);

#endif
