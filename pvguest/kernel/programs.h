/* programs.h: the user programs linked into the kernel image (programs.S). */
#ifndef PVGUEST_PROGRAMS_H
#define PVGUEST_PROGRAMS_H

#include <stdint.h>

struct program {
	const char *name;
	const void *image; /* the program's ELF file */
	uint32_t size;
};

/* The program called name, or NULL. */
const struct program *program_find(const char *name);

#endif
