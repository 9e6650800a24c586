/* soft_int.c: recognising a guest's INT n among its general-protection faults. */
#include "arch/soft_int.h"

#include <pv/trap.h>

#define ERR_EXT 0x1u /* the event was external to the program */
#define ERR_IDT 0x2u /* the selector index refers to the IDT */

int soft_int_vector(uint32_t error_code)
{
	if ((error_code & (ERR_IDT | ERR_EXT)) != ERR_IDT || error_code >> 3 > 255)
		return -1;
	return (int)(error_code >> 3);
}

bool soft_int_allowed(uint32_t vector, const struct vtrap *vt, uint32_t ring,
		      const uint8_t insn[INT_N_LENGTH])
{
	if (!vt->address || (vt->flags & PV_TRAP_DPL_MASK) < ring)
		return false;
	return insn[0] == 0xCD && insn[1] == vector;
}
