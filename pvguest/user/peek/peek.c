/* peek.c: a hostile user program: read the kernel's memory.
 *
 * The kernel lives at 0xC0000000, mapped in every address space but with the U
 * bit clear. First peek asks the kernel to print kernel memory for it, which the
 * kernel must refuse (write() checks every user pointer: EFAULT). Then it reads
 * the kernel itself, which must page-fault, and the kernel must kill peek (init
 * checks that it did). Reaching the last lines means the kernel is exposed. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pvsys.h"

#define KERNEL_BASE 0xC0000000u

int main(void)
{
	printf("peek: running in ring %u (pid %d)\n", current_ring(), getpid());

	if (write(1, (const void *)KERNEL_BASE, 16) >= 0) {
		printf("\npeek: the kernel printed its own memory for me: NOT protected\n");
		return 1;
	}
	printf("peek: write() from kernel memory refused: %s\n", strerror(errno));

	printf("peek: reading the kernel at 0x%08x\n", KERNEL_BASE);
	unsigned word = *(volatile unsigned *)KERNEL_BASE;
	printf("peek: read 0x%08x: the kernel is NOT protected\n", word);
	return 1;
}
