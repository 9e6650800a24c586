/* pit.c: the 8254 programmable interval timer, hv's clock tick. */
#include "dev/pit.h"

#include "arch/cpu.h"

#define PIT_INPUT_HZ 1193182u
#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_CH0_RATE_GENERATOR 0x34 /* channel 0, lobyte/hibyte, mode 2 */
#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xA0
#define PIC_EOI 0x20

void pit_init(void)
{
	uint32_t divisor = (PIT_INPUT_HZ + HZ / 2) / HZ;
	outb(PIT_CMD, PIT_CH0_RATE_GENERATOR);
	outb(PIT_CH0, (uint8_t)divisor);
	outb(PIT_CH0, (uint8_t)(divisor >> 8));
	outb(PIC1_DATA, inb(PIC1_DATA) & ~0x01); /* unmask IRQ 0 */
}

void pic_eoi(uint32_t irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}
