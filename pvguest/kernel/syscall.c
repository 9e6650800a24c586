/* syscall.c: system calls: how a ring-3 `int $0x80` becomes a kernel function.
 *
 * The way in has two roads, and this kernel cannot tell which one it took:
 *
 *  - The direct trap (hv's "fast trap", hv/arch/fast_trap.h). Because we register
 *    vector 0x80 with DPL 3 and without PV_TRAP_MASK_EVENTS, and give hv a kernel
 *    stack, hv points the real IDT gate 0x80 at our handler and the TSS's ring-1
 *    stack at our kernel stack: the CPU goes from ring 3 to ring 1 by itself.
 *  - Through hv (the module option fasttrap=off). The gate is absent, so the
 *    `int $0x80` faults into hv as a #GP naming vector 0x80; hv decodes it (the
 *    instruction is CD 80, our vector 0x80 admits ring 3) and bounces it to the
 *    same handler on the same stack.
 *
 * Both leave the same frame (a software interrupt has no error code; the
 * library's 0x80 stub supplies a zero one), so the trap stub builds the same
 * struct pv_trap_regs and calls syscall_trap, and the iret hypercall takes the
 * result back to ring 3 either way. Everything from syscall_trap on sees only
 * syscall_dispatch's number and arguments.
 *
 * What the road costs, measured on a null system call (getpid) from ring 3 with
 * QEMU -icount shift=0 (the TSC counts retired instructions; exact, the same on
 * every run), by a throwaway user program that read the TSC around 1000 calls:
 *
 *   instructions per round trip   direct trap   through hv
 *   ring 3 -> handler entry                42          643
 *   the call itself (getpid)                30           30
 *   handler -> ring 3 (iret hypercall)    388          388
 *   whole round trip                      460         1061
 *
 * hv's #GP entry, INT-n decode and bounce cost about 600 instructions that the
 * direct trap never runs; under plain TCG the round trip through hv takes about
 * 2.5 to 3 times as long. The return now dominates the direct road: the iret
 * hypercall is the one trip into hv left on it.
 *
 * Each call decodes its registers (user pointers through uaccess.c, which checks
 * them against the caller's page tables), then acts. */
#include "syscall.h"

#include <errno.h>
#include <stdbool.h>

#include "clock.h"
#include "proc.h"
#include "sched.h"
#include "uaccess.h"
#include "uapi/syscall.h"

#define WRITE_CHUNK 256u /* bytes copied in and printed at a time */

typedef long (*syscall_fn)(struct proc *p, uint32_t a1, uint32_t a2, uint32_t a3);

static long sys_exit(struct proc *p, uint32_t status, uint32_t a2, uint32_t a3)
{
	proc_exit(p, (int)status);
}

static long sys_write(struct proc *p, uint32_t fd, uint32_t buf, uint32_t len)
{
	if (fd != 1 && fd != 2)
		return -EBADF;
	if (len > 0x7FFFFFFFu)
		return -EINVAL;
	/* The whole range first, so that a bad buffer prints nothing. */
	if (!vm_user_range_ok(&p->vm, buf, len, false))
		return -EFAULT;
	char chunk[WRITE_CHUNK];
	for (uint32_t done = 0; done < len;) {
		uint32_t n = len - done < WRITE_CHUNK ? len - done : WRITE_CHUNK;
		if (copy_from_user(&p->vm, chunk, buf + done, n))
			return -EFAULT;
		if (hv_console_io(PV_CONSOLEIO_WRITE, n, chunk) < 0)
			return done ? (long)done : -EIO;
		done += n;
	}
	return (long)len;
}

static long sys_getpid(struct proc *p, uint32_t a1, uint32_t a2, uint32_t a3)
{
	return p->pid;
}

/* The heap starts empty at USER_HEAP_BASE. Growing maps new zeroed pages up to
 * the new break; shrinking only moves the break (the pages stay, and growing
 * again reuses them). */
static long sys_sbrk(struct proc *p, uint32_t increment, uint32_t a2, uint32_t a3)
{
	int32_t inc = (int32_t)increment;
	uint32_t old = p->brk;
	if (inc > 0 && (uint32_t)inc > USER_HEAP_LIMIT - old)
		return -ENOMEM;
	if (inc < 0 && (uint32_t) - (int64_t)inc > old - USER_HEAP_BASE)
		return -EINVAL;
	uint32_t brk = old + (uint32_t)inc;
	while (p->heap_end < brk) {
		if (!vm_map_page(&p->vm, p->heap_end, true)) {
			vm_commit();
			return -ENOMEM;
		}
		p->heap_end += PV_PAGE_SIZE;
	}
	vm_commit();
	p->brk = brk;
	return (long)old;
}

static long sys_spawn(struct proc *p, uint32_t name_ptr, uint32_t a2, uint32_t a3)
{
	char name[PROGRAM_NAME_MAX];
	int len = fetch_user_string(&p->vm, name, name_ptr, sizeof(name));
	if (len < 0)
		return len == -ENAMETOOLONG ? -ENOENT : len;
	const char *argv[] = { name };
	return proc_spawn(name, 1, argv, p);
}

static long sys_wait(struct proc *p, uint32_t pid, uint32_t a2, uint32_t a3)
{
	return proc_wait(p, (int)pid);
}

static long sys_yield(struct proc *p, uint32_t a1, uint32_t a2, uint32_t a3)
{
	sched_yield();
	return 0;
}

static long sys_kill(struct proc *p, uint32_t pid, uint32_t a2, uint32_t a3)
{
	return proc_kill_child(p, (int)pid);
}

static long sys_sleep_ms(struct proc *p, uint32_t ms, uint32_t a2, uint32_t a3)
{
	sched_sleep_until(clock_now_ns() + (uint64_t)ms * 1000000u);
	return 0;
}

static long sys_uptime(struct proc *p, uint32_t ns_ptr, uint32_t a2, uint32_t a3)
{
	uint64_t now = clock_now_ns();
	return copy_to_user(&p->vm, ns_ptr, &now, sizeof(now));
}

static const syscall_fn syscalls[SYS_COUNT] = {
	[SYS_EXIT] = sys_exit,	       /* exit(status) */
	[SYS_WRITE] = sys_write,       /* write(fd, buf, len) -> len */
	[SYS_GETPID] = sys_getpid,     /* getpid() -> pid */
	[SYS_SBRK] = sys_sbrk,	       /* sbrk(increment) -> the old break */
	[SYS_SPAWN] = sys_spawn,       /* spawn(name) -> pid */
	[SYS_WAIT] = sys_wait,	       /* wait(pid) -> status */
	[SYS_YIELD] = sys_yield,       /* yield() -> 0 */
	[SYS_KILL] = sys_kill,	       /* kill(pid) -> 0 */
	[SYS_SLEEP_MS] = sys_sleep_ms, /* sleep_ms(ms) -> 0 */
	[SYS_UPTIME] = sys_uptime,     /* uptime(&ns) -> 0 */
};

long syscall_dispatch(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3)
{
	if (nr >= SYS_COUNT)
		return -ENOSYS;
	return syscalls[nr](sched_current(), a1, a2, a3);
}

void syscall_trap(struct pv_trap_regs *regs)
{
	if ((regs->cs & 3) != 3 || !sched_current()) {
		regs->eax = (uint32_t)-EPERM; /* the kernel itself has no system calls */
		return;
	}
	regs->eax = (uint32_t)syscall_dispatch(regs->eax, regs->ebx, regs->ecx, regs->edx);
	sched_preempt_point(regs);
}
