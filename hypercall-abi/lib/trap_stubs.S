/* trap_stubs.S: the guest's trap entry points and its way back through hv.
 *
 * hv bounces a trap by pushing a struct pv_bounce_frame and jumping to the handler
 * address registered for the vector: one of these stubs. The stub adds the vector,
 * the data segments and the general registers so C sees a struct pv_trap_regs
 * (pv/guest.h), loads the kernel's data segment, calls pv_trap_dispatch, restores
 * the interrupted registers, then puts EAX into the error-code slot (turning the bounce
 * frame into a struct pv_iret_frame) and jumps to the hypercall page's iret slot.
 * Jumping, not calling: the iret hypercall reads its frame at ESP. The event
 * upcall, pv_upcall_entry, takes the same path to pv_events_dispatch (events.c). */
#include <pv/abi_gen.h>
#include <pv/layout.h>

	.text
/* With the vector and an error code pushed: save the rest of struct pv_trap_regs,
 * call fn(regs) on the kernel's data segment, restore, and return through iret. */
.macro SAVE_CALL_RETURN fn
	push %ds
	push %es
	pusha
	mov $PV_SEL_KERNEL_DS, %eax /* the interrupted DS/ES may be a user's, or null */
	mov %eax, %ds
	mov %eax, %es
	cld
	push %esp
	call \fn
	add $4, %esp
	popa
	pop %es
	pop %ds
	add $4, %esp          /* the vector */
	mov %eax, (%esp)      /* error_code slot := EAX to restore */
	jmp hypercall_page + PV_HC_IRET * PV_HYPERCALL_SLOT_SIZE
.endm

.macro STUB vector
	.globl pv_trap_stub_\vector
pv_trap_stub_\vector:
	push $\vector
	jmp pv_trap_common
.endm

.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
STUB \v
.endr
/* Vector 0x80 is a software interrupt: hv (or the CPU, through a direct gate)
 * delivers it without an error-code slot, so the stub supplies a zero one. */
	.globl pv_trap_stub_128
pv_trap_stub_128:
	push $0
	push $128
	jmp pv_trap_common

/* Their addresses, for traps.c: vectors 0..31, then 0x80. */
	.section .rodata
	.balign 4
	.globl pv_trap_stubs
pv_trap_stubs:
.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,128
	.long pv_trap_stub_\v
.endr
	.text

/* The event upcall (lib/events.c): hv enters it like a software interrupt, with no
 * error-code slot, and with events masked. Same frame, same way back; the pseudo
 * vector 256 only tells a reader of struct pv_trap_regs where it came from. */
	.globl pv_upcall_entry
pv_upcall_entry:
	push $0
	push $256
	SAVE_CALL_RETURN pv_events_dispatch

pv_trap_common:
	SAVE_CALL_RETURN pv_trap_dispatch

/* pv_enter_user(eip, esp): build an iret frame for ring 3 and take it. */
	.globl pv_enter_user
pv_enter_user:
	mov 4(%esp), %ecx
	mov 8(%esp), %edx
	mov $PV_SEL_USER_DS, %eax
	mov %ax, %ds
	mov %ax, %es
	push $PV_SEL_USER_DS  /* ss */
	push %edx             /* esp */
	push $0x202           /* eflags: IF (the virtual IF) and the fixed bit */
	push $PV_SEL_USER_CS  /* cs */
	push %ecx             /* eip */
	push $0               /* eax */
	jmp hypercall_page + PV_HC_IRET * PV_HYPERCALL_SLOT_SIZE

	.section .note.GNU-stack, "", @progbits
