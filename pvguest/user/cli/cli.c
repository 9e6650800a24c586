/* cli.c: a hostile user program: turn interrupts off from ring 3.
 *
 * CLI is privileged: with IOPL 0 it raises #GP in ring 3 (and in ring 1, which is
 * why a guest kernel masks events in shared_info instead). The kernel must kill
 * cli for it (init checks that it did). This is the one program with a sensitive
 * instruction on purpose: pvguest.mk expects pvscan to report exactly `cli`. */
#include <stdio.h>
#include <unistd.h>

#include "pvsys.h"

int main(void)
{
	printf("cli: running in ring %u (pid %d)\n", current_ring(), getpid());
	printf("cli: executing cli\n");
	fflush(stdout);
	__asm__ volatile("cli");
	printf("cli: survived a cli in ring 3: the kernel did NOT stop it\n");
	return 1;
}
