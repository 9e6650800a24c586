/* idt.c: hv's interrupt descriptor table. */
#include "arch/idt.h"

#include <pv/layout.h>
#include <stdint.h>

#include "arch/gdt.h"
#include "arch/trampoline.h"

#define GATE_INTERRUPT32 0x8E /* present, 32-bit interrupt gate: IF cleared on entry */
#define GATE_TRAP32 0x8F      /* present, 32-bit trap gate: IF left alone */
#define GATE_DPL(n) ((n) << 5)
#define NR_EXCEPTION_STUBS 21
#define NR_IRQ_STUBS 16
#define IRQ_BASE 0x20

static uint64_t idt[256] TRAMP_DATA;

/* The entry stubs in trap_entry.S. */
extern const uint32_t trap_exception_stubs[NR_EXCEPTION_STUBS];
extern const uint32_t trap_irq_stubs[NR_IRQ_STUBS];
extern char trap_stub_0x82[];

static uint64_t gate(uint32_t selector, uint32_t offset, uint32_t type_dpl)
{
	uint64_t g = offset & 0xFFFF;
	g |= (uint64_t)selector << 16;
	g |= (uint64_t)type_dpl << 40;
	g |= (uint64_t)(offset >> 16) << 48;
	return g;
}

static void set_gate(uint32_t vector, uint32_t handler, uint32_t dpl)
{
	idt[vector] = gate(HV_CS, handler, GATE_INTERRUPT32 | GATE_DPL(dpl));
}

void idt_set_guest_gate(uint32_t vector, uint32_t cs, uint32_t eip)
{
	idt[vector] = gate(cs, eip, GATE_TRAP32 | GATE_DPL(3));
}

void idt_clear_gate(uint32_t vector)
{
	idt[vector] = 0;
}

void idt_init(void)
{
	for (uint32_t v = 0; v < NR_EXCEPTION_STUBS; v++)
		set_gate(v, trap_exception_stubs[v], (v == 3 || v == 4) ? 3 : 0);
	for (uint32_t i = 0; i < NR_IRQ_STUBS; i++)
		set_gate(IRQ_BASE + i, trap_irq_stubs[i], 0);
	set_gate(PV_HYPERCALL_VECTOR, (uint32_t)trap_stub_0x82, 1);

	struct __attribute__((packed)) {
		uint16_t limit;
		uint32_t base;
	} idtr = { sizeof(idt) - 1, (uint32_t)idt };
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
