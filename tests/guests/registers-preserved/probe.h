/* probe.h: one hypercall with every register loaded, and every register after it. */
#ifndef PROBE_H
#define PROBE_H

#include <stdint.h>

/* The registers around the hypercall. flags is LAHF's byte (SF ZF AF PF CF and
 * the fixed bit 1) with OF in bit 8. */
struct probe_regs {
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp, esp;
	uint32_t ds, es, fs, gs;
	uint32_t flags;
};

#define PROBE_FLAGS_SET 0x1D7u	 /* OF SF ZF AF PF CF, fixed bit */
#define PROBE_FLAGS_CLEAR 0x002u /* only the fixed bit */

/* Inputs: the registers to load (esp and flags are ignored, ds and es must be
 * loadable) and the code to call, a hypercall page slot or probe_int82. */
extern struct probe_regs probe_in;
extern uint32_t probe_target;
extern uint32_t probe_set_flags; /* nonzero: all arithmetic flags set, else all clear */

/* Outputs: the registers right after the call, and ESP right before it. */
extern struct probe_regs probe_out;
extern uint32_t probe_esp_before;

/* Load probe_in and the flags, call probe_target, record probe_out. */
void probe_run(void);

/* A target that makes the hypercall with int 0x82 directly, for probe_run. */
void probe_int82(void);

#endif
