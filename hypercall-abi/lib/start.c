/* start.c: from crt0 to main(), and from main() to shutdown. */
#include <pv/guest.h>

const struct pv_start_info *pv_start_info;
struct pv_shared_info *pv_shared_info;

__attribute__((noreturn)) void pv_crt_start(const struct pv_start_info *si)
{
	pv_start_info = si;
	pv_shared_info = (struct pv_shared_info *)si->shared_info;
	pv_exit_hook(main());
}

/* Without newlib, main's return value goes straight to hv. */
__attribute__((weak, noreturn)) void pv_exit_hook(int code)
{
	pv_shutdown(PV_SHUTDOWN_POWEROFF, (uint32_t)code);
}

void pv_shutdown(uint32_t reason, uint32_t code)
{
	hv_sched_op(PV_SCHEDOP_SHUTDOWN, reason, code);
	for (;;)
		; /* unreachable: hv does not return from a shutdown */
}

long pv_console_puts(const char *s)
{
	uint32_t n = 0;
	while (s[n])
		n++;
	long written = 0;
	while (n) {
		uint32_t chunk = n < PV_CONSOLEIO_MAX ? n : PV_CONSOLEIO_MAX;
		long r = hv_console_io(PV_CONSOLEIO_WRITE, chunk, (char *)s);
		if (r < 0)
			return r;
		s += chunk;
		n -= chunk;
		written += r;
	}
	return written;
}
