/* regs.h: the frame every trap into hv leaves on hv's stack.
 *
 * The CPU pushes eip..ss (esp and ss only when it came from ring 1 or 3), the stub
 * in trap_entry.S pushes the vector and an error code (0 when the CPU gives none),
 * then the data segments and the general registers. A frame from a guest always
 * starts exactly sizeof(struct cpu_regs) below the top of the entry stack, because
 * the TSS points ring-0 entries there: guest_frame() finds it.
 *
 * While a domain is not running, its frame lives in its struct domain; switching
 * domains copies one frame out and the other in. */
#ifndef HV_ARCH_REGS_H
#define HV_ARCH_REGS_H

#include <stdint.h>

struct cpu_regs {
	uint32_t edi, esi, ebp, esp_at_pusha, ebx, edx, ecx, eax; /* pusha */
	uint32_t ds, es, fs, gs;
	uint32_t vector, error_code;
	uint32_t eip, cs, eflags; /* pushed by the CPU */
	uint32_t esp, ss;	  /* pushed by the CPU on a ring change only */
};
_Static_assert(sizeof(struct cpu_regs) == 76, "trap_entry.S depends on this layout");
_Static_assert(__builtin_offsetof(struct cpu_regs, cs) == 60, "trap_entry.S: REGS_CS");

/* The ring the trapped code ran in. */
static inline uint32_t regs_ring(const struct cpu_regs *regs)
{
	return regs->cs & 3;
}

/* The saved frame of the guest that is running now. */
struct cpu_regs *guest_frame(void);

#endif
