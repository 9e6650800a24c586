/* vtrap.h: one entry of a domain's virtual IDT.
 *
 * set_trap_table validates what the guest asks for (hc/trap_table_check.c) and
 * stores it as a vtrap; bounce.c reads it when it delivers a trap. */
#ifndef HV_ARCH_VTRAP_H
#define HV_ARCH_VTRAP_H

#include <stdint.h>

struct vtrap {
	uint32_t address; /* 0 = no handler */
	uint16_t cs;
	uint8_t flags; /* PV_TRAP_* */
	uint8_t _pad;
};

#endif
