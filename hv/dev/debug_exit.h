/* debug_exit.h: leaving QEMU with a status, through the isa-debug-exit device.
 *
 * Writing code to port 0xf4 makes QEMU exit with status (code << 1) | 1, so hv can
 * never produce status 0: that one means QEMU saw a triple fault. */
#ifndef HV_DEV_DEBUG_EXIT_H
#define HV_DEV_DEBUG_EXIT_H

enum hv_exit_code {
	HV_EXIT_ALL_CLEAN = 0,	   /* QEMU status 1: every domain shut down cleanly */
	HV_EXIT_DOMAIN_FAILED = 1, /* status 3: some domain was killed, crashed or failed */
	HV_EXIT_PANIC = 2,	   /* status 5: hv itself hit an impossible state */
	HV_EXIT_NO_DOMAIN = 3,	   /* status 7: no module could be built into a domain */
};

__attribute__((noreturn)) void debug_exit(enum hv_exit_code code);

#endif
