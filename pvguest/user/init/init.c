/* init.c: the first user program: start the others, wait for each, report.
 *
 * The kernel starts init with the words of its module command line as arguments.
 * init spawns hello and sieve, then waits for both. With "preempt=1" among its
 * arguments it first spawns spin, which loops forever without a system call:
 * hello and sieve must still finish (the kernel preempts spin), and then init
 * kills it. With "hostile=1" it then runs peek and cli, which the kernel must
 * kill (a #PF and a #GP in ring 3) without harm to anyone else. */
#include <signal.h>
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

	int hostile = 0, preempt = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "hostile=1"))
			hostile = 1;
		if (!strcmp(argv[i], "preempt=1"))
			preempt = 1;
	}

	int spin = -1;
	if (preempt) {
		spin = start("spin");
		if (spin < 0)
			return 1;
		printf("init: started spin (pid %d), which never yields\n", spin);
	}
	int hello = start("hello");
	int sieve = start("sieve");
	if (hello < 0 || sieve < 0)
		return 1;
	printf("init: started hello (pid %d) and sieve (pid %d)\n", hello, sieve);
	int failed = finish("hello", hello) != 0;
	failed |= finish("sieve", sieve) != 0;

	if (spin > 0) {
		/* Still spinning, or hello and sieve could not have finished. */
		if (kill(spin, SIGKILL) != 0) {
			perror("kill spin");
			failed = 1;
		}
		failed |= finish("spin", spin) != KILL_STATUS;
	}

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
