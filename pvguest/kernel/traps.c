/* traps.c: pvguest's trap handlers, its virtual IDT.
 *
 * hv delivers each fault to these handlers through a bounce frame on our stack,
 * exactly as the CPU would with a real IDT: on the interrupted stack for a trap
 * in the kernel, on the current process's kernel stack for a trap in ring 3.
 *
 * Who pays for a fault depends on where it happened. In ring 3 it is the
 * process's: the kernel kills it with a reason (a #GP from a CLI, a #PF from
 * reading the kernel) and the other processes go on. In ring 1 it is a kernel
 * bug: the domain ends with the reason, the way a kernel panics. A breakpoint is
 * counted and resumed either way, and vector 0x80 is the system call. */
#include "traps.h"

#include <pv/guest.h>
#include <stdio.h>

#include "proc.h"
#include "sched.h"
#include "syscall.h"

#define PF_PRESENT 0x1u /* page-fault error code: a protection fault, not a hole */
#define PF_WRITE 0x2u

static unsigned breakpoints;

unsigned traps_breakpoints_taken(void)
{
	return breakpoints;
}

static void on_breakpoint(struct pv_trap_regs *regs)
{
	breakpoints++;
	printf("pvguest: breakpoint at 0x%08x, handled by pvguest's own handler "
	       "(vector %u, from ring %u)\n",
	       (unsigned)regs->eip - 1, (unsigned)regs->vector, (unsigned)(regs->cs & 3));
	/* INT3 is a trap: EIP already points after it, so just return. */
	sched_preempt_point(regs);
}

static const char *trap_name(uint32_t vector)
{
	static const char *const names[20] = {
		[0] = "divide error",	  [1] = "debug trap",
		[4] = "overflow",	  [5] = "bound range exceeded",
		[6] = "invalid opcode",	  [7] = "no x87",
		[10] = "invalid TSS",	  [11] = "segment not present",
		[12] = "stack fault",	  [13] = "general protection fault",
		[14] = "page fault",	  [16] = "x87 error",
		[17] = "alignment check", [19] = "SIMD error",
	};
	return vector < 20 && names[vector] ? names[vector] : "trap";
}

/* The one-line reason a process is killed for. */
static void describe(const struct pv_trap_regs *regs, char *buf, size_t size)
{
	if (regs->vector == 14)
		snprintf(buf, size, "page fault on %s of 0x%08x",
			 (regs->error_code & PF_WRITE) ? "write" : "read",
			 (unsigned)pv_shared_info->vcpu[0].cr2);
	else if (regs->vector == 13)
		snprintf(buf, size, "general protection fault (error 0x%x)",
			 (unsigned)regs->error_code);
	else
		snprintf(buf, size, "%s (vector %u)", trap_name(regs->vector),
			 (unsigned)regs->vector);
}

static void on_fault(struct pv_trap_regs *regs)
{
	struct proc *p = sched_current();
	if ((regs->cs & 3) == 3 && p) {
		char reason[80];
		describe(regs, reason, sizeof(reason));
		proc_kill(p, regs->vector, reason);
	}
	printf("pvguest: fatal trap %u (%s, error 0x%x) at 0x%08x, cr2 0x%08x\n",
	       (unsigned)regs->vector, trap_name(regs->vector), (unsigned)regs->error_code,
	       (unsigned)regs->eip, (unsigned)pv_shared_info->vcpu[0].cr2);
	fflush(stdout);
	pv_shutdown(PV_SHUTDOWN_CRASH, regs->vector);
}

long traps_init(void)
{
	static const unsigned faults[] = { 0, 1, 4, 5, 6, 7, 10, 11, 12, 13, 14, 16, 17, 19 };
	for (unsigned i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		pv_trap_set(faults[i], on_fault, PV_TRAP_DPL(0) | PV_TRAP_MASK_EVENTS);
	pv_trap_set(3, on_breakpoint, PV_TRAP_DPL(3));
	/* DPL 3: ring 3 may raise it. No PV_TRAP_MASK_EVENTS: a system call is a trap
	 * gate, which lets hv enter it directly (syscall.c). */
	pv_trap_set(0x80, syscall_trap, PV_TRAP_DPL(3));
	return pv_traps_install();
}
