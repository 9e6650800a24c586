/* syscall.S: the one way a user program calls the pvguest kernel.
 *
 * long pv_syscall(nr, a1, a2, a3) puts nr in EAX and the arguments in EBX, ECX
 * and EDX (pvguest/uapi/syscall.h) and executes `int $0x80`; the result comes
 * back in EAX. EBX is callee-saved in C, so it is kept here.
 *
 * `int $0x80` is an instruction pvscan reports (in a guest kernel it would be a
 * software interrupt through hv's IDT). Here it is the point: the markers from
 * <pv/pvscan.h> sanction exactly this one, and nothing else in the program. */
#include <pv/pvscan.h>

	.text
	.globl pv_syscall
pv_syscall:
	push %ebx
	mov 8(%esp), %eax
	mov 12(%esp), %ebx
	mov 16(%esp), %ecx
	mov 20(%esp), %edx
PVSCAN_SANCTIONED_BEGIN(syscall)
	int $0x80
PVSCAN_SANCTIONED_END(syscall)
	pop %ebx
	ret

	.section .note.GNU-stack, "", @progbits
