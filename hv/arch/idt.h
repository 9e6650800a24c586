/* idt.h: hv's interrupt descriptor table. */
#ifndef HV_ARCH_IDT_H
#define HV_ARCH_IDT_H

/* Fill and load the IDT. Only the hypercall gate (DPL 1) and the breakpoint and
 * overflow gates (DPL 3, so INT3 and INTO raise #BP and #OF, not #GP) can be
 * reached with INT n from outside ring 0. */
void idt_init(void);

#endif
