/* debug_exit.c: leaving QEMU with a status, through the isa-debug-exit device. */
#include "dev/debug_exit.h"

#include "arch/cpu.h"

#define DEBUG_EXIT_PORT 0xF4

void debug_exit(enum hv_exit_code code)
{
	outl(DEBUG_EXIT_PORT, code);
	/* Without the device (real hardware, or a QEMU started by hand): stop here. */
	halt_forever();
	__builtin_unreachable();
}
