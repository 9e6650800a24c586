/* trap.h: the virtual IDT, the bounce frame hv pushes on a trap, and the iret frame.
 *
 * A guest registers its handlers with set_trap_table (an array of pv_trap_info).
 * When a fault or trap happens in the guest, hv does not run the handler itself:
 * it "bounces" the trap by pushing a pv_bounce_frame on the guest's ring-1 stack
 * and starting the handler, exactly as a CPU would push an exception frame.
 *
 *   higher addresses
 *        +------------+
 *   +20  | ss         |   the interrupted stack (always present, even ring 1 -> ring 1)
 *   +16  | esp        |
 *   +12  | eflags     |   IF shows the *virtual* IF (events not masked)
 *    +8  | cs         |   RPL = interrupted ring (1 or 3), zero-extended
 *    +4  | eip        |   faulting or next instruction, like the hardware frame
 *    +0  | error_code |   0 for vectors without one. <- handler's ESP
 *        +------------+
 *
 * The handler returns with the iret hypercall. It overwrites the error_code slot with
 * the EAX it wants back (EAX carries the hypercall number), so the same six words
 * become a pv_iret_frame. hv sanitises the frame: code and stack selectors must be a
 * guest kernel or user pair (a requested RPL 0 is raised to 1), EIP must lie below
 * PV_HV_START, and only arithmetic, TF, DF, AC and ID flags are taken from EFLAGS.
 * IOPL, NT, VM and RF are cleared. The frame's IF becomes the virtual IF. */
#ifndef PV_TRAP_H
#define PV_TRAP_H

#include "types.h"

/* One virtual IDT entry. */
struct pv_trap_info {
	uint8_t vector;	  /* 0..255, except the vectors hv reserves (see abi.md) */
	uint8_t flags;	  /* PV_TRAP_DPL(n) | PV_TRAP_MASK_EVENTS */
	uint16_t cs;	  /* code selector of the handler: ring 1 (PV_SEL_KERNEL_CS) */
	uint32_t address; /* handler address, below PV_HV_START; 0 = no handler */
};
PV_ASSERT_SIZE(struct pv_trap_info, 8);
PV_ASSERT_OFFSET(struct pv_trap_info, cs, 2);
PV_ASSERT_OFFSET(struct pv_trap_info, address, 4);

#define PV_TRAP_DPL_MASK 0x03u	  /* lowest ring allowed to raise it with INT n */
#define PV_TRAP_MASK_EVENTS 0x04u /* mask events on entry (an "interrupt gate") */
#define PV_TRAP_FLAGS_VALID 0x07u
#define PV_TRAP_DPL(n) ((uint8_t)((n)&PV_TRAP_DPL_MASK))

/* The most entries set_trap_table accepts in one call. */
#define PV_TRAP_TABLE_MAX 256u

/* What emulate_store_idt returns: the guest's own virtual IDT register. */
struct pv_desc_ptr {
	uint32_t base;	/* guest address of the table last given to set_trap_table */
	uint16_t limit; /* its size in bytes minus one; 0 with base 0 when empty */
	uint16_t _pad;	/* always 0 */
};
PV_ASSERT_SIZE(struct pv_desc_ptr, 8);
PV_ASSERT_OFFSET(struct pv_desc_ptr, limit, 4);

/* The frame hv pushes on the guest's ring-1 stack when it bounces a trap. For
 * vectors 0..31 (exceptions) it is all six words, error_code 0 when the CPU has
 * none. For a software interrupt to vector 32..255 (INT n) there is no error_code
 * word: the frame starts at eip, exactly what a CPU gate pushes, so a handler sees
 * the same frame whether hv bounced the INT or the CPU entered it directly (the
 * fast trap for INT 0x80, docs/abi.md). */
struct pv_bounce_frame {
	uint32_t error_code;
	uint32_t eip;
	uint32_t cs;
	uint32_t eflags;
	uint32_t esp;
	uint32_t ss;
};
PV_ASSERT_SIZE(struct pv_bounce_frame, 24);
PV_ASSERT_OFFSET(struct pv_bounce_frame, eip, 4);
PV_ASSERT_OFFSET(struct pv_bounce_frame, ss, 20);

/* The frame the iret hypercall pops from the guest stack (ESP at the hypercall). */
struct pv_iret_frame {
	uint32_t eax;
	uint32_t eip;
	uint32_t cs;
	uint32_t eflags;
	uint32_t esp;
	uint32_t ss;
};
PV_ASSERT_SIZE(struct pv_iret_frame, 24);
PV_ASSERT_OFFSET(struct pv_iret_frame, eip, 4);
PV_ASSERT_OFFSET(struct pv_iret_frame, ss, 20);

/* EFLAGS bits the ABI talks about. */
#define PV_EFLAGS_CF 0x00000001u
#define PV_EFLAGS_FIXED 0x00000002u /* bit 1 always reads as 1 */
#define PV_EFLAGS_TF 0x00000100u
#define PV_EFLAGS_IF 0x00000200u
#define PV_EFLAGS_IOPL 0x00003000u
#define PV_EFLAGS_NT 0x00004000u
#define PV_EFLAGS_RF 0x00010000u
#define PV_EFLAGS_VM 0x00020000u
/* Flags a guest may choose freely in an iret frame: CF PF AF ZF SF TF DF OF AC ID. */
#define PV_EFLAGS_GUEST_MASK 0x00240FD5u

#endif
