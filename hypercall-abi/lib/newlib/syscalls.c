/* syscalls.c: the system calls newlib expects, on top of hypercalls.
 *
 * newlib is a C library without an operating system underneath; it calls these
 * few functions for everything that needs one. A pv32 guest has a console
 * (console_io), a heap (the free pages start_info describes) and a way to end
 * (sched_op shutdown). Everything else fails with an errno, honestly. */
#include <errno.h>
#include <pv/guest.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#undef errno
extern int errno;

/* newlib's exit() flushes stdio, runs atexit handlers, then calls _exit. */
extern void exit(int code) __attribute__((noreturn));

void pv_exit_hook(int code)
{
	exit(code);
}

void _exit(int code)
{
	pv_shutdown(PV_SHUTDOWN_POWEROFF, (uint32_t)code);
}

int _write(int fd, const char *buf, int len)
{
	if (fd != 1 && fd != 2) {
		errno = EBADF;
		return -1;
	}
	int done = 0;
	while (done < len) {
		uint32_t chunk = (uint32_t)(len - done);
		if (chunk > PV_CONSOLEIO_MAX)
			chunk = PV_CONSOLEIO_MAX;
		long r = hv_console_io(PV_CONSOLEIO_WRITE, chunk, (char *)buf + done);
		if (r < 0) {
			errno = r == -PV_EFAULT ? EFAULT : EIO;
			return done ? done : -1;
		}
		done += (int)r;
	}
	return done;
}

int _read(int fd, char *buf, int len)
{
	(void)buf;
	(void)len;
	errno = fd == 0 ? ENOSYS : EBADF; /* console input comes with the console driver */
	return -1;
}

/* The heap: the pages after the bootstrap layout, up to the end of memory. */
void *_sbrk(ptrdiff_t increment)
{
	static uintptr_t brk, limit;
	if (!brk) {
		const struct pv_start_info *si = pv_start_info;
		brk = si->virt_base + si->first_free_pfn * PV_PAGE_SIZE;
		limit = si->virt_base + si->nr_pages * PV_PAGE_SIZE;
	}
	if ((increment > 0 && (uintptr_t)increment > limit - brk) ||
	    (increment < 0 && (uintptr_t)-increment > brk)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	uintptr_t old = brk;
	brk += increment;
	return (void *)old;
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
	(void)fd;
	errno = EBADF;
	return -1;
}

off_t _lseek(int fd, off_t offset, int whence)
{
	(void)fd;
	(void)offset;
	(void)whence;
	errno = ESPIPE;
	return -1;
}

int _open(const char *path, int flags, int mode)
{
	(void)path;
	(void)flags;
	(void)mode;
	errno = ENOENT; /* no file system */
	return -1;
}

int _kill(int pid, int sig)
{
	(void)pid;
	(void)sig;
	errno = EINVAL;
	return -1;
}

int _getpid(void)
{
	return (int)pv_start_info->domid;
}
