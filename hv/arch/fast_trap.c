/* fast_trap.c: a guest's system calls, straight from ring 3 to ring 1. */
#include "arch/fast_trap.h"

#include "arch/gdt.h"
#include "arch/idt.h"
#include "dom/domain.h"

void fast_trap_sync(const struct domain *d)
{
	const struct vtrap *vt = &d->vidt[FAST_TRAP_VECTOR];
	if (fast_trap_eligible(vt, d->kernel_ss, d->config.fast_trap)) {
		tss_set_ring1_stack(d->kernel_ss, d->kernel_esp);
		idt_set_guest_gate(FAST_TRAP_VECTOR, vt->cs, vt->address);
	} else {
		idt_clear_gate(FAST_TRAP_VECTOR); /* INT 0x80 faults into hv: soft_int.h */
		tss_set_ring1_stack(0, 0);
	}
}
