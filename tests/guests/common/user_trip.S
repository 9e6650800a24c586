/* user_trip.S: a trip to ring 3 and back, for tests.
 *
 * test_run_user(eip, esp) saves the C callee-saved registers, remembers its stack
 * in test_ring1_resume_esp and leaves for ring 3 through pv_enter_user, which
 * never returns. A trap handler comes back with test_resume_ring1() (test.c),
 * which rewrites the bounce frame to resume test_ring1_resume on that stack in
 * ring 1; test_ring1_resume restores the kernel data segments (pv_enter_user
 * loaded the user ones) and returns from test_run_user. */
#include <pv/layout.h>

	.text
	.globl test_run_user
test_run_user:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov %esp, test_ring1_resume_esp
	push 24(%esp)       /* esp */
	push 24(%esp)       /* eip: the same offset, one word further up now */
	call pv_enter_user

	.globl test_ring1_resume
test_ring1_resume:
	mov $PV_SEL_KERNEL_DS, %eax
	mov %ax, %ds
	mov %ax, %es
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret

	.bss
	.balign 4
	.globl test_ring1_resume_esp
test_ring1_resume_esp:
	.skip 4

	.section .note.GNU-stack, "", @progbits
