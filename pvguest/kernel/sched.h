/* sched.h: the scheduler: which process runs, and switching to it.
 *
 * Scheduling is cooperative: a process runs until it yields, waits or exits (or
 * the kernel kills it). The scheduler runs on the kernel's boot stack and picks
 * the next runnable process round-robin; switching to it means its address space
 * (mmuext_op NEW_BASEPTR), its kernel stack for traps from ring 3 (stack_switch),
 * its x87 state, and last its kernel registers (switch.S). */
#ifndef PVGUEST_SCHED_H
#define PVGUEST_SCHED_H

#include "proc.h"

/* The process running now, or NULL while the scheduler runs. */
struct proc *sched_current(void);

/* Prepare new process p so that the first switch to it enters ring 3 at p->entry
 * with p->user_esp. */
void sched_prepare(struct proc *p);

/* Run processes until none is left. Returns 0, or -1 if the ones left all wait
 * (a deadlock, which the system calls cannot produce). */
int sched_run(void);

/* Let every other runnable process run; the current one stays runnable. */
void sched_yield(void);

/* Switch away from the current process, which has just set its state to WAITING
 * or ZOMBIE. Returns when the scheduler switches back to it. */
void sched_leave(void);

#endif
