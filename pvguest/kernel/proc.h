/* proc.h: processes: the process table, spawn, exit, wait and kill.
 *
 * A process is a user program running in ring 3 in an address space of its own
 * (vm.h), with a kernel stack of its own for its system calls and traps. Its life:
 *
 *   spawn -> RUNNABLE <----> RUNNING ----> ZOMBIE -> (parent's wait) -> FREE
 *             ^  ^            |   |
 *             |  +- WAITING <-+   |   (for a child that has not ended)
 *             +--- SLEEPING <-----+   (sleep_ms, until its deadline)
 *
 * RUNNING -> RUNNABLE is a yield, or the end of a time slice (sched.h). A parent
 * may also kill() a child: any state but FREE becomes ZOMBIE at once (the child
 * is not running: its parent is).
 *
 * A zombie keeps only its slot and status; the scheduler frees its address space
 * as soon as it has switched away from it (proc_reap), and kill() at once (the
 * victim is not running). A process whose parent is gone, or that the kernel
 * started itself (init), is freed there too, and the kernel reports its status on
 * the console. */
#ifndef PVGUEST_PROC_H
#define PVGUEST_PROC_H

#include <stdint.h>

#include "uapi/syscall.h"
#include "vm.h"

#define NPROC 8
#define KSTACK_SIZE 8192u
#define PROC_ARGS_MAX 8	   /* argv entries a new process may get */
#define FPU_STATE_SIZE 108 /* what FNSAVE stores */

enum proc_state {
	PROC_FREE = 0,
	PROC_RUNNABLE,
	PROC_RUNNING,
	PROC_WAITING,
	PROC_SLEEPING,
	PROC_ZOMBIE,
};

struct context; /* the kernel registers a switched-out process left behind (sched.c) */

struct proc {
	enum proc_state state;
	int pid;
	struct proc *parent; /* NULL: started by the kernel, or orphaned */
	char name[PROGRAM_NAME_MAX];
	struct vm vm;
	uint32_t brk;	   /* the program break (sbrk) */
	uint32_t heap_end; /* page-aligned end of the mapped heap, >= brk */
	uint32_t entry;	   /* where it starts in ring 3, and with which stack */
	uint32_t user_esp;
	int waiting_for;	     /* the child's pid, while WAITING */
	uint64_t wake_at_ns;	     /* system time to wake at, while SLEEPING */
	int status;		     /* exit status, once a ZOMBIE */
	struct context *context;     /* saved kernel stack pointer, when not running */
	uint8_t fpu[FPU_STATE_SIZE]; /* x87 state, when not running */
	uint8_t kstack[KSTACK_SIZE] __attribute__((aligned(16)));
};

/* Start program name (programs.h) as a child of parent (NULL: of the kernel) with
 * argv[0..argc). Its pid, or -ENOENT (no such program), -ENOEXEC (not a program
 * pvguest can run), -EAGAIN (the table is full) or -ENOMEM. */
int proc_spawn(const char *name, int argc, const char *const argv[], struct proc *parent);

/* End the current process p with status (only status & 0xFF is kept). */
__attribute__((noreturn)) void proc_exit(struct proc *p, int status);

/* End the current process p for a trap it took in ring 3: report
 * "pvguest: killed pid N (name): reason" and exit with KILLED_STATUS(vector). */
__attribute__((noreturn)) void proc_kill(struct proc *p, uint32_t vector, const char *reason);

/* End p's child pid, which is not running, with KILL_STATUS, as if it had exited:
 * its parent's wait() gets the status. 0 (also for a child that has ended
 * already), or -ESRCH if p has no child pid. */
int proc_kill_child(struct proc *p, int pid);

/* Wait, as the current process p, until its child pid ends; return its status
 * and free its slot. -ECHILD if pid is not a child of p. */
int proc_wait(struct proc *p, int pid);

/* For the scheduler, once a zombie has switched away: free its address space,
 * and its slot if no parent will wait for it. */
void proc_reap(struct proc *p);

/* The table itself, for the scheduler. */
extern struct proc proc_table[NPROC];

/* The top of p's kernel stack (hv's stack_switch). */
static inline uint32_t proc_kstack_top(const struct proc *p)
{
	return (uint32_t)p->kstack + KSTACK_SIZE;
}

#endif
