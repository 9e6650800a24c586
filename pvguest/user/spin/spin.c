/* spin.c: a user program that never gives the processor back.
 *
 * After one line it loops forever without a system call, so no yield, wait or
 * sleep ever hands the processor to another process: only the kernel's timer
 * tick can take it away (preemption, kernel/sched.h). init runs it with
 * "preempt=1" (the pvguest-preempt test) next to hello and sieve, which must
 * still finish, then kills it. */
#include <stdio.h>
#include <unistd.h>

#include "pvsys.h"

int main(void)
{
	printf("spin: running in ring %u (pid %d), never to yield\n", current_ring(), getpid());
	for (volatile unsigned long n = 0;; n++)
		;
}
