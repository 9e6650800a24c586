/* syscalls.c: the system calls newlib expects, for pvguest's user programs.
 *
 * newlib calls these few functions for everything that needs an operating
 * system. Here that system is the pvguest kernel, reached through pv_syscall
 * (syscall.S): write, sbrk, exit, getpid and kill are its system calls; the rest
 * fail with an errno, honestly. Also the wrappers pvsys.h declares, and the
 * POSIX sleep() and usleep(), which newlib declares but leaves to the system. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "pvsys.h"

/* errno here is newlib's macro, the reentrancy structure's errno that strerror and
 * perror read. (The older convention, `#undef errno` and the global int, is only
 * seen by newlib's _r wrappers, which copy it over: set the one everyone sees.) */

/* A system call's result as newlib wants it: -1 with errno for an error. */
static long result(long r)
{
	if (r < 0) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

void _exit(int status)
{
	pv_syscall(SYS_EXIT, status, 0, 0);
	for (;;)
		; /* the kernel does not return from exit */
}

_ssize_t _write(int fd, const void *buf, size_t len)
{
	return (_ssize_t)result(pv_syscall(SYS_WRITE, fd, (long)buf, (long)len));
}

void *_sbrk(ptrdiff_t increment)
{
	/* The old break lies below USER_HEAP_LIMIT, so it is never negative. */
	long r = pv_syscall(SYS_SBRK, increment, 0, 0);
	if (r < 0) {
		errno = (int)-r;
		return (void *)-1;
	}
	return (void *)r;
}

pid_t _getpid(void)
{
	return (pid_t)pv_syscall(SYS_GETPID, 0, 0, 0);
}

/* This newlib is built without the plain POSIX names (it has _getpid_r and
 * _write_r, for stdio); these are the ones user programs call directly. */
pid_t getpid(void)
{
	return _getpid();
}

_ssize_t write(int fd, const void *buf, size_t len)
{
	return _write(fd, buf, len);
}

int spawn(const char *name)
{
	return (int)result(pv_syscall(SYS_SPAWN, (long)name, 0, 0));
}

int wait_for(int pid)
{
	return (int)result(pv_syscall(SYS_WAIT, pid, 0, 0));
}

void yield(void)
{
	pv_syscall(SYS_YIELD, 0, 0, 0);
}

void sleep_ms(unsigned ms)
{
	pv_syscall(SYS_SLEEP_MS, (long)ms, 0, 0);
}

uint64_t uptime_ns(void)
{
	uint64_t ns = 0;
	pv_syscall(SYS_UPTIME, (long)&ns, 0, 0);
	return ns;
}

unsigned sleep(unsigned seconds)
{
	for (; seconds > 1000; seconds -= 1000) /* 1000 s per call: no ms overflow */
		sleep_ms(1000u * 1000u);
	sleep_ms(seconds * 1000u);
	return 0;
}

int usleep(useconds_t us)
{
	sleep_ms(us / 1000u + (us % 1000u != 0));
	return 0;
}

_ssize_t _read(int fd, void *buf, size_t len)
{
	errno = fd == 0 ? ENOSYS : EBADF; /* no console input yet */
	return -1;
}

int _fstat(int fd, struct stat *st)
{
	if (fd < 0 || fd > 2) {
		errno = EBADF;
		return -1;
	}
	st->st_mode = S_IFCHR;
	return 0;
}

int _isatty(int fd)
{
	if (fd >= 0 && fd <= 2)
		return 1;
	errno = EBADF;
	return 0;
}

int _close(int fd)
{
	errno = EBADF;
	return -1;
}

off_t _lseek(int fd, off_t offset, int whence)
{
	errno = ESPIPE;
	return -1;
}

int _open(const char *path, int flags, int mode)
{
	errno = ENOENT; /* no file system */
	return -1;
}

/* There are no signals, but SIGKILL needs none: the kernel ends the process (a
 * child of the caller) at once. Any other signal is EINVAL, as before. */
int _kill(int pid, int sig)
{
	if (sig != SIGKILL) {
		errno = EINVAL;
		return -1;
	}
	return (int)result(pv_syscall(SYS_KILL, pid, 0, 0));
}

int kill(pid_t pid, int sig)
{
	return _kill(pid, sig);
}
