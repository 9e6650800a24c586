/* user.S: a trip to ring 3 and back, and the user code that faults there.
 *
 * run_user(eip, esp) saves the C callee-saved registers, remembers its stack in
 * ring1_resume_esp and leaves for ring 3 through pv_enter_user, which never
 * returns. The guest's trap handler comes back by rewriting the bounce frame to
 * resume ring1_resume on that stack in ring 1; ring1_resume restores the kernel
 * data segments (pv_enter_user loaded the user ones) and returns from run_user. */
#include <pv/layout.h>

	.text
	.globl run_user
run_user:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov %esp, ring1_resume_esp
	push 24(%esp)       /* esp */
	push 24(%esp)       /* eip: the same offset, one word further up now */
	call pv_enter_user

	.globl ring1_resume
ring1_resume:
	mov $PV_SEL_KERNEL_DS, %eax
	mov %ax, %ds
	mov %ax, %es
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret

/* User code: each runs in ring 3 and faults on its first instruction. */
	.globl user_ud2
user_ud2:
	ud2

	.globl user_store
user_store:
	movl $0, 0x1000

	.bss
	.balign 4
	.globl ring1_resume_esp
ring1_resume_esp:
	.skip 4

	.section .note.GNU-stack, "", @progbits
