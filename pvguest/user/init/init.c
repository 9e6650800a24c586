/* init.c: the first user program: start the others, wait for each, report.
 *
 * The kernel starts init with the words of its module command line as arguments.
 * init spawns hello and sieve, then waits for both; with "hostile=1" among its
 * arguments it then runs peek and cli, which the kernel must kill (a #PF and a
 * #GP in ring 3) without harm to anyone else. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pvsys.h"

/* Spawn program, or say why not. Its pid, or -1. */
static int start(const char *program)
{
	int pid = spawn(program);
	if (pid < 0)
		perror(program);
	return pid;
}

/* Wait for child pid and say how it ended. Its status, or -1. */
static int finish(const char *program, int pid)
{
	int status = wait_for(pid);
	if (status < 0)
		perror("wait");
	else if (status >= KILLED_STATUS(0))
		printf("init: %s (pid %d) was killed, status %d\n", program, pid, status);
	else
		printf("init: %s (pid %d) exited with status %d\n", program, pid, status);
	return status;
}

int main(int argc, char *argv[])
{
	printf("init: running in ring %u (pid %d)\n", current_ring(), getpid());

	int hostile = 0;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "hostile=1"))
			hostile = 1;

	int hello = start("hello");
	int sieve = start("sieve");
	if (hello < 0 || sieve < 0)
		return 1;
	printf("init: started hello (pid %d) and sieve (pid %d)\n", hello, sieve);
	int failed = finish("hello", hello) != 0;
	failed |= finish("sieve", sieve) != 0;

	if (hostile) {
		/* Each must be killed: exiting on its own is the failure. */
		int peek = start("peek"), cli = start("cli");
		if (peek < 0 || cli < 0)
			return 1;
		failed |= finish("peek", peek) != KILLED_STATUS(14);
		failed |= finish("cli", cli) != KILLED_STATUS(13);
	}
	printf("init: %s\n", failed ? "something went wrong" : "all done");
	return failed;
}
