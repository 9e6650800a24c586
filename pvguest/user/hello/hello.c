/* hello.c: the smallest user program: say where it runs, yield once, end. */
#include <stdio.h>
#include <unistd.h>

#include "pvsys.h"

int main(void)
{
	printf("hello: running in ring %u (pid %d)\n", current_ring(), getpid());
	yield();
	printf("hello: back after a yield; goodbye\n");
	return 0;
}
