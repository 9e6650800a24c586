/* uart.c: the COM1 serial port (a 16550), polled, 115200 8N1. */
#include "dev/uart.h"

#include "arch/cpu.h"

#define COM1 0x3F8
#define REG_DATA 0
#define REG_IER 1
#define REG_FCR 2
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5
#define LCR_DLAB 0x80
#define LCR_8N1 0x03
#define LSR_THR_EMPTY 0x20

void uart_init(void)
{
	outb(COM1 + REG_IER, 0);	/* no interrupts: hv polls */
	outb(COM1 + REG_LCR, LCR_DLAB); /* divisor 1 = 115200 baud */
	outb(COM1 + REG_DATA, 1);
	outb(COM1 + REG_IER, 0);
	outb(COM1 + REG_LCR, LCR_8N1);
	outb(COM1 + REG_FCR, 0x07); /* FIFOs on and cleared */
	outb(COM1 + REG_MCR, 0x03); /* DTR, RTS */
}

void uart_putc(char c)
{
	while (!(inb(COM1 + REG_LSR) & LSR_THR_EMPTY))
		;
	outb(COM1 + REG_DATA, (uint8_t)c);
}

void uart_write(const char *buf, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		uart_putc(buf[i]);
}
