/* user.S: mm-cost's trap handlers, and its timed trips to ring 3.
 *
 * The guest registers these with set_trap_table directly (main.c), not through
 * the library's C stubs, so that a handler is only the few instructions it needs.
 * Each returns through the iret hypercall, the only way back from a bounce:
 *
 *	mm_pf_handler          #PF (vector 14, from ring 1): step over the load in
 *	                       mm_loop_fault (loops.S) and resume
 *	mm_syscall_handler     INT 0x80 from ring 3: return at once
 *	mm_ud_handler          #UD from ring 3: the end of a trip, back to ring 1
 *	mm_other_trap_handler  anything else: report it and crash
 *
 * uint64_t mm_user_trip(void (*eip)(void), uint32_t n) reads the TSC, enters ring 3
 * at eip with n in EBP (pv_enter_user leaves EBP alone), and returns the ticks
 * until the user loop's closing ud2 has brought it back. The two user loops,
 * mm_user_syscalls and mm_user_empty, differ only by the INT 0x80, so the
 * difference of their trips is n system calls. */
#include <pv/abi_gen.h>
#include <pv/layout.h>

#define SLOT_SIZE 32 /* PV_HYPERCALL_SLOT_SIZE, without its C suffix */
#define IRET_SLOT (hypercall_page + PV_HC_IRET * SLOT_SIZE)
/* The bounce frame (pv/trap.h), at the handler's ESP for vectors 0..31. */
#define F_EIP 4
#define F_CS 8
#define F_ESP 16
#define F_SS 20

	.text
	.globl mm_pf_handler
mm_pf_handler:
	cmpl $mm_fault_load, F_EIP(%esp)
	jne mm_other_trap_handler
	movl $mm_fault_load_end, F_EIP(%esp)
	mov %eax, (%esp)        /* the error code's slot becomes the EAX to restore */
	jmp IRET_SLOT

/* A software interrupt's frame has no error-code slot, directly or bounced:
 * push EAX to make it an iret frame. */
	.globl mm_syscall_handler
mm_syscall_handler:
	push %eax
	jmp IRET_SLOT

/* Resume mm_user_trip in ring 1, on the stack it left. DS may still be the user's
 * (hv does not change it), so the saved ESP is read through SS. */
	.globl mm_ud_handler
mm_ud_handler:
	cmpl $PV_SEL_USER_CS, F_CS(%esp)
	jne mm_other_trap_handler
	movl $trip_back, F_EIP(%esp)
	movl $PV_SEL_KERNEL_CS, F_CS(%esp)
	mov %ss:trip_esp, %eax
	mov %eax, F_ESP(%esp)
	movl $PV_SEL_KERNEL_DS, F_SS(%esp)
	jmp IRET_SLOT

/* mm_unexpected_trap(frame) in main.c prints the frame and shuts down. */
	.globl mm_other_trap_handler
mm_other_trap_handler:
	mov $PV_SEL_KERNEL_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	push %esp
	call mm_unexpected_trap
	ud2 /* not reached */

	.globl mm_user_trip
mm_user_trip:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov 20(%esp), %ecx
	mov 24(%esp), %ebp
	rdtsc
	push %edx
	push %eax
	mov %esp, trip_esp
	push $user_stack_top
	push %ecx
	call pv_enter_user
trip_back:
	mov $PV_SEL_KERNEL_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	rdtsc
	sub (%esp), %eax
	sbb 4(%esp), %edx
	add $8, %esp
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret

/* Ring 3. */
	.globl mm_user_syscalls
mm_user_syscalls:
1:	int $0x80
	dec %ebp
	jnz 1b
	ud2

	.globl mm_user_empty
mm_user_empty:
1:	dec %ebp
	jnz 1b
	ud2

	.bss
	.balign 4
trip_esp:
	.skip 4
	.balign 16
user_stack:
	.skip 1024
user_stack_top:

	.section .note.GNU-stack, "", @progbits
