/* soft_int.h: recognising a guest's INT n among its general-protection faults.
 *
 * hv's IDT lets a guest reach only the hypercall gate (and INT3/INTO) with INT n;
 * every other INT n faults with #GP and an error code that names the IDT entry
 * (vector * 8 + 2). hv then does what the guest's own IDT would have done: if the
 * guest registered vector n with a DPL that admits the ring it ran in, and the
 * faulting instruction really is the two-byte INT n (CD n), the trap is delivered
 * as vector n with EIP past the instruction. Otherwise it stays a #GP. Pure C. */
#ifndef HV_ARCH_SOFT_INT_H
#define HV_ARCH_SOFT_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/vtrap.h"

#define INT_N_LENGTH 2 /* CD ib */

/* The vector a #GP with error_code names in the IDT, or -1 if it names none. */
int soft_int_vector(uint32_t error_code);

/* Should a #GP naming vector, raised in ring by the instruction bytes insn, be
 * delivered to the guest as INT vector through vt? */
bool soft_int_allowed(uint32_t vector, const struct vtrap *vt, uint32_t ring,
		      const uint8_t insn[INT_N_LENGTH]);

#endif
