/* sched.h: the scheduler: which process runs, and switching to it.
 *
 * A process runs until it yields, waits, sleeps or exits (or the kernel kills
 * it), or until its time slice is over: every timer tick (clock.h) ends the
 * slice of the process running then. The scheduler runs on the kernel's boot
 * stack and picks the next runnable process round-robin; switching to it means
 * its address space (mmuext_op NEW_BASEPTR), its kernel stack for traps from
 * ring 3 (stack_switch), its x87 state, and last its kernel registers
 * (switch.S). When nothing is runnable but a process sleeps, it blocks the
 * domain (sched_op BLOCK) until the next tick.
 *
 * Preemption, and why the kernel itself is never preempted. The tick is an
 * event upcall, and hv delivers one wherever events are unmasked: in ring 3, and
 * in the kernel during a system call (the direct trap cannot mask them). So the
 * tick only sets a flag. The switch happens at a preemption point, the last
 * thing on each way back to ring 3 (a system call, a breakpoint, an upcall that
 * interrupted ring 3), where the process has no kernel work half done. Kernel
 * code therefore still runs from one sched_leave to the next without another
 * process in between, as it did when scheduling was cooperative, and needs no
 * locks. */
#ifndef PVGUEST_SCHED_H
#define PVGUEST_SCHED_H

#include <pv/guest.h>

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

/* Switch away from the current process, which has just set its state to WAITING,
 * SLEEPING or ZOMBIE. Returns when the scheduler switches back to it. */
void sched_leave(void);

/* Let the other processes run until system time reaches deadline_ns (at most one
 * tick more: sleepers are woken by the scheduler, which runs at least once a
 * tick). Returns at once if it has already. */
void sched_sleep_until(uint64_t deadline_ns);

/* The tick (clock.c, in an upcall, events masked): the slice is over. */
void sched_tick(void);

/* The preemption point: called last on every way back to ring 3, with the frame
 * it returns with. If regs goes back to ring 3 and the slice is over, let every
 * other runnable process run first. */
void sched_preempt_point(const struct pv_trap_regs *regs);

#endif
