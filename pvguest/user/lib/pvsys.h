/* pvsys.h: pvguest's system calls, for user programs.
 *
 * newlib's own calls (write through printf, sbrk through malloc, exit, getpid,
 * kill with SIGKILL, sleep and usleep) reach the kernel through syscalls.c. These
 * are the ones newlib has no name for. */
#ifndef PVGUEST_USER_PVSYS_H
#define PVGUEST_USER_PVSYS_H

#include <stdint.h>

#include "uapi/syscall.h"

/* The raw call (syscall.S): the result, or a negative errno. */
long pv_syscall(long nr, long a1, long a2, long a3);

/* Start the program called name as a child. Its pid, or -1 with errno set. */
int spawn(const char *name);

/* Wait until child pid has ended; its exit status (KILLED_STATUS(vector) if the
 * kernel killed it), or -1 with errno set. */
int wait_for(int pid);

/* Let the other runnable processes run first. */
void yield(void);

/* Let the others run for at least ms milliseconds of system time (the kernel's
 * tick makes it up to 10 ms more). newlib's sleep() and usleep() come here too. */
void sleep_ms(unsigned ms);

/* Nanoseconds since hv booted (hv's system time, in steps of 1 ms). */
uint64_t uptime_ns(void);

/* The ring this code runs in: the RPL of CS (reading CS is not privileged). */
static inline unsigned current_ring(void)
{
	unsigned short cs;
	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	return cs & 3;
}

#endif
