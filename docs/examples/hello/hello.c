/* hello.c: the smallest complete pv32 guest: greet, check the ABI, power off.
 *
 * Freestanding: no C library, only crt0.o, libhypercall.a and guest.ld from
 * hypercall-abi/. crt0 enters main() in ring 1 with pv_start_info set; main's
 * return value becomes sched_op(SHUTDOWN, POWEROFF, value). */
#include <pv/guest.h>

int main(void)
{
	pv_console_puts("hello: hello from a pv32 guest kernel\n");

	/* The one handshake every port should make: does hv speak our ABI? */
	if (hv_version(PV_VERSION_ABI) != PV_ABI_VERSION) {
		pv_console_puts("hello: hv speaks a different ABI\n");
		return 1;
	}

	/* start_info carries the module's command line, path included. */
	pv_console_puts("hello: my command line is: ");
	pv_console_puts(pv_start_info->cmdline);
	pv_console_puts("\n");
	return 0;
}
