/* iret_probe.S: resume through an iret frame built by hand, and look around.
 *
 * uint32_t iret_probe(uint32_t cs, uint32_t ss, uint32_t eflags)
 *
 * Builds a struct pv_iret_frame that resumes at the next instruction on the
 * current stack with the given cs, ss and eflags, and jumps to the iret slot of the
 * hypercall page (as trap_stubs.S does). Once resumed it records the virtual IF
 * (upcall_mask) in iret_probe_mask, executes int3 so the #BP handler sees the real
 * EFLAGS in its bounce frame (no PUSHF needed), and returns the CS it runs with. */
#include <pv/abi_gen.h>
#include <pv/layout.h>

	.text
	.globl iret_probe
iret_probe:
	push %ebx
	mov %esp, %ebx      /* the stack to resume on */
	push 12(%ebx)       /* ss */
	push %ebx           /* esp */
	push 16(%ebx)       /* eflags */
	push 8(%ebx)        /* cs */
	push $1f            /* eip */
	push $0             /* eax */
	jmp hypercall_page + PV_HC_IRET * PV_HYPERCALL_SLOT_SIZE
1:	mov pv_shared_info, %eax
	movzbl 1(%eax), %eax /* vcpu[0].upcall_mask */
	mov %eax, iret_probe_mask
	int3
	xor %eax, %eax
	mov %cs, %ax
	pop %ebx
	ret

	.bss
	.balign 4
	.globl iret_probe_mask
iret_probe_mask:
	.skip 4

	.section .note.GNU-stack, "", @progbits
