/* printf.c: a small vsnprintf and printk for hv's console. */
#include "lib/printf.h"

#include <stdint.h>

#include "dev/uart.h"

struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

/* Emit the digits of value in base, padded to width with pad. */
static void put_number(struct out *o, uint32_t value, unsigned base, int upper, int negative,
		       int width, char pad, int left)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[12];
	int n = 0;
	do {
		tmp[n++] = digits[value % base];
		value /= base;
	} while (value);
	if (negative)
		tmp[n++] = '-';
	for (int i = n; !left && i < width; i++)
		put(o, pad);
	while (n)
		put(o, tmp[--n]);
	for (int i = n; left && i < width; i++)
		put(o, ' ');
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		int left = 0, width = 0;
		char pad = ' ';
		if (*fmt == '-') {
			left = 1;
			fmt++;
		}
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l')
			fmt++;
		switch (*fmt) {
		case 'd':
		case 'i': {
			int32_t v = va_arg(ap, int32_t);
			uint32_t mag = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
			put_number(&o, mag, 10, 0, v < 0, width, pad, left);
			break;
		}
		case 'u':
			put_number(&o, va_arg(ap, uint32_t), 10, 0, 0, width, pad, left);
			break;
		case 'x':
		case 'X':
			put_number(&o, va_arg(ap, uint32_t), 16, *fmt == 'X', 0, width, pad, left);
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			put_number(&o, (uint32_t)va_arg(ap, void *), 16, 0, 0, 8, '0', 0);
			break;
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			int n = 0;
			for (const char *p = s ? s : "(null)"; *p; p++, n++)
				put(&o, *p);
			for (; n < width; n++)
				put(&o, ' ');
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int printk(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	uart_write(line, (uint32_t)n < sizeof(line) ? (uint32_t)n : sizeof(line) - 1);
	return n;
}
