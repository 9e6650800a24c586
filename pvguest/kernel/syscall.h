/* syscall.h: system calls: how a ring-3 `int $0x80` becomes a kernel function.
 *
 * uapi/syscall.h is the ABI user programs see; syscall.c has the entry, the
 * decode of each call's registers and the table. */
#ifndef PVGUEST_SYSCALL_H
#define PVGUEST_SYSCALL_H

#include <pv/guest.h>

/* The vector-0x80 trap handler (traps.c registers it with PV_TRAP_DPL(3)): run
 * the call regs->eax with regs->ebx, ecx, edx, and put the result in regs->eax. */
void syscall_trap(struct pv_trap_regs *regs);

/* Run system call nr for the current process; its result or -errno. The entry
 * path, whatever it is, ends here. */
long syscall_dispatch(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3);

#endif
