/* dispatch.c: from a trapped hypercall to its handler.
 *
 * TOUR 9: the number comes from EAX, the arguments from EBX..EDI, exactly as the
 * guest left them; the result goes back in EAX. Everything else in the frame is
 * untouched, which is how hv keeps its promise to preserve all other registers. */
#include "hc/dispatch.h"

#include <pv/abi_gen.h>

#include "arch/regs.h"

void hc_dispatch(struct cpu_regs *regs)
{
	uint32_t nr = regs->eax;
	if (nr >= PV_HC_COUNT || !hc_table[nr].call) {
		regs->eax = (uint32_t)-PV_ENOSYS;
		return;
	}
	const struct hc_args args = { { regs->ebx, regs->ecx, regs->edx, regs->esi, regs->edi } };
	regs->eax = (uint32_t)hc_table[nr].call(&args);
}
