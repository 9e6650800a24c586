/* printf.h: formatted output to hv's console.
 *
 * Supports %s %c %d %i %u %x %X %p %%, a '0' or '-' flag and a field width, which
 * is all hv's messages use. Every message hv prints starts with "hv: ". */
#ifndef HV_LIB_PRINTF_H
#define HV_LIB_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
