/* hello.c: the smallest user program: say where it runs, sleep, yield once, end.
 *
 * The sleep is checked against the clock: at least 20 ms of system time must have
 * passed when sleep_ms(20) returns. */
#include <stdio.h>
#include <unistd.h>

#include "pvsys.h"

#define NAP_MS 20

int main(void)
{
	printf("hello: running in ring %u (pid %d)\n", current_ring(), getpid());

	uint64_t before = uptime_ns();
	sleep_ms(NAP_MS);
	uint64_t slept_ms = (uptime_ns() - before) / 1000000u;
	if (slept_ms < NAP_MS) {
		printf("hello: sleep_ms(%d) returned after only %u ms\n", NAP_MS,
		       (unsigned)slept_ms);
		return 1;
	}
	printf("hello: slept %d ms\n", NAP_MS);

	yield();
	printf("hello: back after a yield; goodbye\n");
	return 0;
}
