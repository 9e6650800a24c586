/* panic.h: stopping the guest kernel when its own invariants break. */
#ifndef PVGUEST_PANIC_H
#define PVGUEST_PANIC_H

/* Print "pvguest: panic: <message>" and shut the domain down as crashed. For
 * kernel bugs and for hv answers the kernel cannot go on without; never for
 * anything a user program does (that kills the process, proc_kill). */
__attribute__((noreturn, format(printf, 1, 2))) void kpanic(const char *fmt, ...);

#endif
