/* proc.c: processes: the process table, spawn, exit, wait and kill. */
#include "proc.h"

#include <errno.h>
#include <pv/layout.h>
#include <stdio.h>
#include <string.h>

#include "elf_load.h"
#include "panic.h"
#include "programs.h"
#include "sched.h"

struct proc proc_table[NPROC];
static int next_pid = 1;

/* Map the user stack and put argc, argv[] and the strings at its top, the way
 * crt0 (user/lib/crt0.S) expects them:
 *
 *   USER_STACK_TOP -> +------------------+
 *                     | the strings      |
 *                     | argv[0..argc-1]  | then a NULL
 *   user_esp       -> | argc             |
 *
 * Returns the initial ESP, or 0 when memory or room ran out. */
static uint32_t setup_stack(struct vm *vm, int argc, const char *const argv[])
{
	uint8_t *top_page = 0;
	for (uint32_t i = 1; i <= USER_STACK_PAGES; i++) {
		uint8_t *frame = vm_map_page(vm, USER_STACK_TOP - i * PV_PAGE_SIZE, true);
		if (!frame)
			return 0;
		if (i == 1)
			top_page = frame;
	}

	/* Build it in the top page through the kernel's mapping; off is the
	 * distance below USER_STACK_TOP, user_at(off) the address ring 3 sees. */
	uint32_t off = 0, str_at[PROC_ARGS_MAX];
#define user_at(o) (USER_STACK_TOP - (o))
#define kernel_at(o) (top_page + PV_PAGE_SIZE - (o))
	for (int i = 0; i < argc; i++) {
		uint32_t len = (uint32_t)strlen(argv[i]) + 1;
		if (off + len > PV_PAGE_SIZE / 2)
			return 0;
		off += len;
		memcpy(kernel_at(off), argv[i], len);
		str_at[i] = user_at(off);
	}
	off = (off + 3) & ~3u;
	uint32_t words[1 + PROC_ARGS_MAX + 1], n = 0;
	words[n++] = (uint32_t)argc;
	for (int i = 0; i < argc; i++)
		words[n++] = str_at[i];
	words[n++] = 0;
	off += n * 4;
	memcpy(kernel_at(off), words, n * 4);
	return user_at(off);
#undef user_at
#undef kernel_at
}

static struct proc *free_slot(void)
{
	for (unsigned i = 0; i < NPROC; i++)
		if (proc_table[i].state == PROC_FREE)
			return &proc_table[i];
	return 0;
}

int proc_spawn(const char *name, int argc, const char *const argv[], struct proc *parent)
{
	/* Decode: everything that can be refused without allocating. */
	const struct program *prog = program_find(name);
	if (!prog)
		return -ENOENT;
	uint32_t entry;
	if (elf_check(prog->image, prog->size, &entry))
		return -ENOEXEC;
	if (argc < 1 || argc > PROC_ARGS_MAX)
		return -E2BIG;
	struct proc *p = free_slot();
	if (!p || next_pid > 0xFFFF) /* a pid is also a 16-bit frame-owner tag */
		return -EAGAIN;

	/* Build the address space; running out of memory undoes it. */
	int pid = next_pid;
	if (vm_create(&p->vm, (uint16_t)pid))
		return -ENOMEM;
	uint32_t esp = 0;
	if (elf_load(&p->vm, prog->image) == 0)
		esp = setup_stack(&p->vm, argc, argv);
	vm_commit();
	if (!esp) {
		vm_destroy(&p->vm);
		return -ENOMEM;
	}

	next_pid++;
	p->pid = pid;
	p->parent = parent;
	strlcpy(p->name, name, sizeof(p->name));
	p->brk = p->heap_end = USER_HEAP_BASE;
	p->entry = entry;
	p->user_esp = esp;
	p->status = 0;
	sched_prepare(p);
	p->state = PROC_RUNNABLE;
	return pid;
}

/* Make p, which is not running or is about to leave for good, a zombie with
 * status: orphan its children, wake a parent waiting for it. */
static void end(struct proc *p, int status)
{
	p->status = status & 0xFF;
	/* Orphans: nobody will wait for them. One already ended is freed now. */
	for (unsigned i = 0; i < NPROC; i++) {
		struct proc *child = &proc_table[i];
		if (child->state != PROC_FREE && child->parent == p) {
			child->parent = 0;
			if (child->state == PROC_ZOMBIE)
				child->state = PROC_FREE;
		}
	}
	if (!p->parent)
		printf("pvguest: %s (pid %d) exited with status %d\n", p->name, p->pid, p->status);
	else if (p->parent->state == PROC_WAITING && p->parent->waiting_for == p->pid)
		p->parent->state = PROC_RUNNABLE;
	p->state = PROC_ZOMBIE;
}

void proc_exit(struct proc *p, int status)
{
	end(p, status);
	sched_leave();
	kpanic("pid %d was resumed after it exited", p->pid);
}

void proc_kill(struct proc *p, uint32_t vector, const char *reason)
{
	printf("pvguest: killed pid %d (%s): %s\n", p->pid, p->name, reason);
	proc_exit(p, KILLED_STATUS((int)vector));
}

/* p's child pid, or NULL. */
static struct proc *find_child(const struct proc *p, int pid)
{
	for (unsigned i = 0; i < NPROC; i++)
		if (proc_table[i].state != PROC_FREE && proc_table[i].pid == pid &&
		    proc_table[i].parent == p)
			return &proc_table[i];
	return 0;
}

int proc_kill_child(struct proc *p, int pid)
{
	struct proc *child = find_child(p, pid);
	if (!child)
		return -ESRCH;
	if (child->state == PROC_ZOMBIE)
		return 0;
	/* It is not running, so it is somewhere in the kernel on its own stack (a
	 * switch, a wait, a sleep, a preemption point) or was never run. That stack
	 * is simply abandoned: nothing else points into it, and the next spawn into
	 * the slot prepares a new one. Its address space is not the current one. */
	end(child, KILL_STATUS);
	proc_reap(child);
	return 0;
}

int proc_wait(struct proc *p, int pid)
{
	struct proc *child = find_child(p, pid);
	if (!child)
		return -ECHILD;
	while (child->state != PROC_ZOMBIE) {
		p->state = PROC_WAITING;
		p->waiting_for = pid;
		sched_leave();
	}
	int status = child->status;
	child->state = PROC_FREE;
	return status;
}

void proc_reap(struct proc *p)
{
	vm_destroy(&p->vm);
	if (!p->parent)
		p->state = PROC_FREE;
}
