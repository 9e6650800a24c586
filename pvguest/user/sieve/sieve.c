/* sieve.c: the sieve of Eratosthenes, on a heap that grows with sbrk.
 *
 * malloc (newlib's) takes its memory from the kernel through sbrk, so this
 * program is a test of the kernel's heap: the pages it maps must read as zero
 * and belong to this process only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pvsys.h"

#define LIMIT 10000

int main(void)
{
	printf("sieve: running in ring %u (pid %d)\n", current_ring(), getpid());

	char *composite = malloc(LIMIT);
	if (!composite) {
		printf("sieve: out of memory\n");
		return 1;
	}
	memset(composite, 0, LIMIT);
	int count = 0, last = 0;
	for (int n = 2; n < LIMIT; n++) {
		if (composite[n])
			continue;
		count++;
		last = n;
		for (int m = 2 * n; m < LIMIT; m += n)
			composite[m] = 1;
	}
	free(composite);
	printf("sieve: %d primes below %d, the last is %d\n", count, LIMIT, last);
	return 0;
}
