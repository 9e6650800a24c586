/* fpu.c: each domain's x87 state, saved and restored when domains switch. */
#include "arch/fpu.h"

#include "arch/cpu.h"
#include "lib/string.h"
#include "mm/paging_defs.h"

static struct fpu_state initial;

void fpu_init(void)
{
	write_cr0((read_cr0() & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE);
	__asm__ volatile("fninit");
	fpu_save(&initial);
}

void fpu_initial_state(struct fpu_state *state)
{
	memcpy(state, &initial, sizeof(*state));
}

void fpu_save(struct fpu_state *state)
{
	__asm__ volatile("fnsave %0" : "=m"(*state));
}

void fpu_restore(const struct fpu_state *state)
{
	__asm__ volatile("frstor %0" : : "m"(*state));
}
