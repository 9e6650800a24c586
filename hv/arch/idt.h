/* idt.h: hv's interrupt descriptor table. */
#ifndef HV_ARCH_IDT_H
#define HV_ARCH_IDT_H

#include <stdint.h>

/* Fill and load the IDT. Only the hypercall gate (DPL 1) and the breakpoint and
 * overflow gates (DPL 3, so INT3 and INTO raise #BP and #OF, not #GP) can be
 * reached with INT n from outside ring 0. */
void idt_init(void);

/* A DPL-3 trap gate that enters the guest kernel at cs:eip directly (fast_trap.h). */
void idt_set_guest_gate(uint32_t vector, uint32_t cs, uint32_t eip);

/* Make vector unreachable again: INT vector faults into hv with #GP. */
void idt_clear_gate(uint32_t vector);

#endif
