/* panic.c: hv's last words. */
#include "lib/panic.h"

#include "dev/debug_exit.h"
#include "lib/printf.h"

void panic(const char *fmt, ...)
{
	char reason[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	printk("hv: PANIC: %s\n", reason);
	debug_exit(HV_EXIT_PANIC);
}
