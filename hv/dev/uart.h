/* uart.h: the COM1 serial port, hv's console. */
#ifndef HV_DEV_UART_H
#define HV_DEV_UART_H

#include <stdint.h>

void uart_init(void);
void uart_putc(char c);
void uart_write(const char *buf, uint32_t len);

#endif
