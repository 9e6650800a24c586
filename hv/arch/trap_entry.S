/* trap_entry.S: every way into hv after boot, and the one way back out.
 *
 * TOUR 7: each IDT vector has a tiny stub that makes the frame uniform (pushing a
 * zero error code where the CPU pushes none, then the vector number) and jumps to
 * trap_common, which saves the segment and general registers into a struct
 * cpu_regs (arch/regs.h). A trap from a guest arrives on the entry stack, in the
 * guest's view of memory, where hv is mostly absent (arch/trampoline.h). So before
 * any C runs, trap_common switches CR3 to the hv view and ESP to hv's private
 * stack, and calls trap_entry() with the frame left where the CPU put it. Going
 * back, return_to_guest switches to the guest view of whichever domain is current
 * now (the scheduler may have swapped the frame's contents), pops the frame and
 * IRETs.
 *
 * All of this file is trampoline text: mapped, read-only, in every address space.
 *
 * The pops of guest selectors and the final IRET are the only instructions that
 * use guest-controlled state in ring 0. Each has an exception-table entry: if one
 * faults, exit_path_fault kills the domain instead of panicking hv. */
#include "arch/gdt.h"

#define REGS_CS 60     /* offsetof(struct cpu_regs, cs) */
#define REGS_SIZE 76   /* sizeof(struct cpu_regs) */

	.section .tramp.text, "ax"

.macro STUB_NOERR vector
	.globl trap_stub_\vector
trap_stub_\vector:
	push $0
	push $\vector
	jmp trap_common
.endm

.macro STUB_ERR vector
	.globl trap_stub_\vector
trap_stub_\vector:
	push $\vector
	jmp trap_common
.endm

/* Exceptions: 8, 10-14 and 17 push an error code, the others don't. */
STUB_NOERR 0
STUB_NOERR 1
STUB_NOERR 2
STUB_NOERR 3
STUB_NOERR 4
STUB_NOERR 5
STUB_NOERR 6
STUB_NOERR 7
STUB_ERR 8
STUB_NOERR 9
STUB_ERR 10
STUB_ERR 11
STUB_ERR 12
STUB_ERR 13
STUB_ERR 14
STUB_NOERR 15
STUB_NOERR 16
STUB_ERR 17
STUB_NOERR 18
STUB_NOERR 19
STUB_NOERR 20
/* Legacy PIC interrupts, remapped to 0x20..0x2F (all masked for now). */
.irp irq, 0x20,0x21,0x22,0x23,0x24,0x25,0x26,0x27,0x28,0x29,0x2a,0x2b,0x2c,0x2d,0x2e,0x2f
STUB_NOERR \irq
.endr
/* The hypercall gate. */
STUB_NOERR 0x82

trap_common:
	push %gs
	push %fs
	push %es
	push %ds
	pusha
	mov $HV_DS, %ax
	mov %ax, %ds
	mov %ax, %es
	xor %eax, %eax /* hv never runs on a guest's FS or GS: it may remove them */
	mov %ax, %fs
	mov %ax, %gs
	cld
	mov tramp_hv_cr3, %eax
	mov %eax, %cr3
	testl $3, REGS_CS(%esp)
	jz hv_trap

	/* From a guest: the frame stays on the entry stack; C runs on hv's stack. */
	mov %esp, %ebx
	mov $hv_stack_top, %esp
	push %ebx
	call trap_entry
	/* fall through */

/* return_to_guest: resume the current domain from its frame on the entry stack. */
	.globl return_to_guest
return_to_guest:
	mov tramp_guest_cr3, %eax
	mov $(entry_stack_top - REGS_SIZE), %esp
	mov %eax, %cr3
	popa
pop_ds:	pop %ds
pop_es:	pop %es
pop_fs:	pop %fs
pop_gs:	pop %gs
	add $8, %esp /* vector and error code */
do_iret:
	iret

/* A fault while hv itself ran: handle it on the stack it happened on. */
hv_trap:
	push %esp
	call trap_entry
	add $4, %esp
	popa
	pop %ds
	pop %es
	pop %fs
	pop %gs
	add $8, %esp
	iret

/* A guest selector or return frame made the exit path fault. hv_trap already
 * switched to the hv view; leave the entry stack before running C. */
exit_path_fault:
	mov $hv_stack_top, %esp
	call exit_path_fault_kill /* does not return */

	.section __ex_table, "a"
	.long pop_ds, exit_path_fault
	.long pop_es, exit_path_fault
	.long pop_fs, exit_path_fault
	.long pop_gs, exit_path_fault
	.long do_iret, exit_path_fault

/* The stubs' addresses, for idt.c: exceptions 0..20, then IRQs 0x20..0x2F. */
	.section .rodata
	.balign 4
	.globl trap_exception_stubs, trap_irq_stubs
trap_exception_stubs:
.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20
	.long trap_stub_\v
.endr
trap_irq_stubs:
.irp irq, 0x20,0x21,0x22,0x23,0x24,0x25,0x26,0x27,0x28,0x29,0x2a,0x2b,0x2c,0x2d,0x2e,0x2f
	.long trap_stub_\irq
.endr

/* The entry stack: TSS.esp0 points at its top, so every trap from a guest pushes
 * its frame here. It is the one writable trampoline page. */
	.section .tramp.stack, "aw", @nobits
	.balign 4096
	.globl entry_stack, entry_stack_top
entry_stack:
	.skip 4096
entry_stack_top:

	.section .note.GNU-stack, "", @progbits
