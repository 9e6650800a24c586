/* fpu.h: each domain's x87 state, saved and restored when domains switch.
 *
 * Guests use the FPU (crt0 runs FNINIT; newlib may compute with it), and there is
 * one FPU for every domain. Without a switch, one domain would see another's
 * registers, control word and flags: a leak between domains. hv itself never
 * uses the FPU (it is built with -mgeneral-regs-only). The switch is eager, an
 * FNSAVE and an FRSTOR per domain switch; making it lazy with CR0.TS is left for
 * the timer-driven scheduler, where switches become frequent. */
#ifndef HV_ARCH_FPU_H
#define HV_ARCH_FPU_H

#include <stdint.h>

/* The 108-byte FNSAVE image. */
struct fpu_state {
	uint8_t image[108];
} __attribute__((aligned(4)));

/* Enable the FPU for guests (CR0: EM clear, MP and NE set, TS clear) and record
 * the state FNINIT leaves, which every new domain starts from. */
void fpu_init(void);

/* The state a new domain starts with. */
void fpu_initial_state(struct fpu_state *state);

/* Save the FPU into state (FNSAVE also reinitialises it). */
void fpu_save(struct fpu_state *state);

/* Load state into the FPU. */
void fpu_restore(const struct fpu_state *state);

#endif
