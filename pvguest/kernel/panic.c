/* panic.c: stopping the guest kernel when its own invariants break. */
#include "panic.h"

#include <pv/guest.h>
#include <stdarg.h>
#include <stdio.h>

void kpanic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("pvguest: panic: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	fflush(stdout);
	pv_shutdown(PV_SHUTDOWN_CRASH, 1);
}
