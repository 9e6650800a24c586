/* traps.h: pvguest's trap handlers, its virtual IDT. */
#ifndef PVGUEST_TRAPS_H
#define PVGUEST_TRAPS_H

/* Register the handlers with hv (set_trap_table), the system-call vector 0x80
 * among them. 0 or a negative PV error. */
long traps_init(void);

/* How many breakpoints the #BP handler has seen. */
unsigned traps_breakpoints_taken(void);

#endif
