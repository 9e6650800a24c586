/* sched.c: the scheduler: which process runs, and switching to it. */
#include "sched.h"

#include <pv/guest.h>
#include <stdbool.h>
#include <string.h>

#include "clock.h"
#include "panic.h"

/* What sched_switch leaves on a stack it switched away from, lowest address first. */
struct context {
	uint32_t edi, esi, ebx, ebp;
	uint32_t eip; /* where sched_switch returns to */
};

/* switch.S */
void sched_switch(struct context **save, struct context *load);

static struct proc *current;
static struct context *scheduler_context; /* the boot stack, while a process runs */

/* Set by the tick (an upcall, which may come at any instruction), cleared when a
 * process is switched to: the running process's slice is over. */
static volatile bool need_resched;

struct proc *sched_current(void)
{
	return current;
}

/* A new process's first switch lands here, on its own kernel stack, with its
 * address space and trap stack already in place: leave for ring 3. */
static void first_run(void)
{
	pv_enter_user(current->entry, current->user_esp);
}

void sched_prepare(struct proc *p)
{
	/* Below the context, first_run's return address, which is never used. */
	struct context *c = (struct context *)(proc_kstack_top(p) - 4 - sizeof(*c));
	memset(c, 0, sizeof(*c));
	c->eip = (uint32_t)first_run;
	p->context = c;

	/* The x87 state FNINIT gives (FNSAVE layout): control word 0x037F, every
	 * register empty (tag word 0xFFFF), the rest zero. Built by hand, because the
	 * FPU holds the running process's state now. */
	memset(p->fpu, 0, sizeof(p->fpu));
	p->fpu[0] = 0x7F;
	p->fpu[1] = 0x03;
	p->fpu[8] = 0xFF;
	p->fpu[9] = 0xFF;
}

/* The next runnable process after the last one picked, or NULL. */
static struct proc *pick_next(void)
{
	static unsigned last = NPROC - 1;
	for (unsigned i = 1; i <= NPROC; i++) {
		unsigned slot = (last + i) % NPROC;
		if (proc_table[slot].state == PROC_RUNNABLE) {
			last = slot;
			return &proc_table[slot];
		}
	}
	return 0;
}

/* Make every sleeper whose deadline has passed runnable. Whether any still sleeps. */
static bool wake_sleepers(void)
{
	uint64_t now = clock_now_ns();
	bool sleeping = false;
	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (p->state == PROC_SLEEPING && p->wake_at_ns <= now)
			p->state = PROC_RUNNABLE;
		else if (p->state == PROC_SLEEPING)
			sleeping = true;
	}
	return sleeping;
}

int sched_run(void)
{
	for (;;) {
		/* Choose with events masked: see the idle case below. A process it
		 * switches to finishes its kernel work masked and gets its own
		 * virtual IF back with the iret that takes it to ring 3. */
		pv_events_mask();
		bool sleeping = wake_sleepers();
		struct proc *p = pick_next();
		if (!p && sleeping) {
			/* Idle until the next tick, when a sleeper may wake. BLOCK unmasks
			 * events and sleeps as one step, so a tick that came after the
			 * check above is not lost: it is pending, and BLOCK returns at
			 * once (with the upcall run). */
			hv_sched_op(PV_SCHEDOP_BLOCK, 0, 0);
			continue;
		}
		if (!p) {
			for (unsigned i = 0; i < NPROC; i++)
				if (proc_table[i].state != PROC_FREE)
					return -1;
			return 0;
		}

		p->state = PROC_RUNNING;
		current = p;
		need_resched = false; /* a new slice */
		vm_activate(&p->vm);
		long r = hv_stack_switch(PV_SEL_KERNEL_DS, proc_kstack_top(p));
		if (r != 0)
			kpanic("stack_switch refused pid %d's kernel stack: error %ld", p->pid, r);
		__asm__ volatile("frstor %0" : : "m"(p->fpu));
		sched_switch(&scheduler_context, p->context);
		/* Back on the boot stack: p yielded, waits or has ended. */
		__asm__ volatile("fnsave %0" : "=m"(p->fpu));
		current = 0;

		if (p->state == PROC_ZOMBIE) {
			vm_activate(0); /* off p's directory, so that it can go */
			proc_reap(p);
		}
	}
}

void sched_leave(void)
{
	sched_switch(&current->context, scheduler_context);
}

void sched_yield(void)
{
	current->state = PROC_RUNNABLE;
	sched_leave();
}

void sched_sleep_until(uint64_t deadline_ns)
{
	while (clock_now_ns() < deadline_ns) {
		current->state = PROC_SLEEPING;
		current->wake_at_ns = deadline_ns;
		sched_leave();
	}
}

void sched_tick(void)
{
	need_resched = true;
}

void sched_preempt_point(const struct pv_trap_regs *regs)
{
	if ((regs->cs & 3) == 3 && current && need_resched)
		sched_yield();
}
