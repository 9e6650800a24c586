/* programs.c: the user programs linked into the kernel image (programs.S). */
#include "programs.h"

#include <string.h>

/* From programs.S, ending with an entry whose name is NULL. */
extern const struct program user_programs[];

const struct program *program_find(const char *name)
{
	for (const struct program *p = user_programs; p->name; p++)
		if (!strcmp(p->name, name))
			return p;
	return 0;
}
