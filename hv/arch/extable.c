/* extable.c: the exception table, hv's list of instructions allowed to fault. */
#include "arch/extable.h"

struct extable_entry {
	uint32_t insn, fixup;
};

extern const struct extable_entry __start_ex_table[], __stop_ex_table[];

uint32_t extable_fixup(uint32_t fault_eip)
{
	for (const struct extable_entry *e = __start_ex_table; e < __stop_ex_table; e++)
		if (e->insn == fault_eip)
			return e->fixup;
	return 0;
}
