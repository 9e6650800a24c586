/* traps.c: pvguest's trap handlers, its virtual IDT.
 *
 * hv delivers each fault to these handlers through a bounce frame on our stack,
 * exactly as the CPU would with a real IDT. A breakpoint is counted and resumed;
 * a fault we cannot handle ends the domain with the reason, the way a kernel
 * panics. */
#include "traps.h"

#include <pv/guest.h>
#include <stdio.h>

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
}

static void on_fatal(struct pv_trap_regs *regs)
{
	printf("pvguest: fatal trap %u (error 0x%x) at 0x%08x, cr2 0x%08x\n",
	       (unsigned)regs->vector, (unsigned)regs->error_code, (unsigned)regs->eip,
	       (unsigned)pv_shared_info->vcpu[0].cr2);
	fflush(stdout);
	pv_shutdown(PV_SHUTDOWN_CRASH, regs->vector);
}

long traps_init(void)
{
	static const unsigned fatal[] = { 0, 1, 4, 5, 6, 7, 10, 11, 12, 13, 14, 16, 17, 19 };
	for (unsigned i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		pv_trap_set(fatal[i], on_fatal, PV_TRAP_DPL(0) | PV_TRAP_MASK_EVENTS);
	pv_trap_set(3, on_breakpoint, PV_TRAP_DPL(3));
	return pv_traps_install();
}
