/* mm_cost.h: what the parts of the mm-cost benchmark guest share.
 *
 * main.c runs the measurements and prints them, pte.c prepares the 512 page
 * remappings, loops.S holds the timed loops and user.S the trap handlers and the
 * trip to ring 3 and back. */
#ifndef MM_COST_H
#define MM_COST_H

#include <pv/guest.h>
#include <pv/hypercall_raw.h>
#include <pv/mm.h>
#include <pv/start_info.h>

#define MM_NR_PTES 512u

/* An unmapped address (its page-directory slot must be empty) for the #PF loop;
 * user.S and loops.S use the same number. */
#define MM_FAULT_VA 0x40000000u

/* One update_va_mapping argument pair, laid out like a struct pv_mmu_update so
 * that loops.S walks both arrays the same way. */
struct mm_va_update {
	uint32_t va;
	uint32_t val;
};

/* A full remapping of the 512 pages, the same four ways round: every request
 * to read-only, or every request to read-write. */
struct mm_remap {
	struct pv_mmu_update reqs[MM_NR_PTES]; /* for mmu_update */
	struct mm_va_update vas[MM_NR_PTES];   /* for update_va_mapping */
};

/* pte.c: 0 once both remappings are ready, else a reason. */
const char *pte_setup(struct mm_remap *to_ro, struct mm_remap *to_rw);

/* pte.c: how many of the 512 entries do not read as writable (1) or read-only (0). */
uint32_t pte_mismatches(int writable);

/* loops.S: TSC ticks for `iters` iterations of one body. The body gets `items`,
 * which advances by `per_call` 8-byte items each iteration. */
uint64_t mm_loop_empty(const void *items, uint32_t iters, uint32_t per_call);
uint64_t mm_loop_mmu_update(const void *items, uint32_t iters, uint32_t per_call);
uint64_t mm_loop_update_va(const void *items, uint32_t iters, uint32_t per_call);
uint64_t mm_loop_fault(const void *items, uint32_t iters, uint32_t per_call);
uint64_t mm_loop_call(const void *items, uint32_t iters, uint32_t per_call);

/* user.S: TSC ticks for a trip to ring 3 that runs the loop at eip n times and
 * comes back with ud2; and the user loops and trap handlers. */
uint64_t mm_user_trip(void (*eip)(void), uint32_t n);
void mm_user_syscalls(void);
void mm_user_empty(void);
void mm_pf_handler(void);
void mm_syscall_handler(void);
void mm_ud_handler(void);
void mm_other_trap_handler(void);

#endif
