/* switch.S: switching kernel stacks, between the scheduler and a process.
 *
 * sched_switch(struct context **save, struct context *load) pushes the registers
 * the C calling convention says a callee must keep (EBP, EBX, ESI, EDI), stores
 * the stack pointer in *save, loads the stack pointer load and pops the same
 * registers from there, so the `ret` returns to wherever load's owner called
 * sched_switch (or, the first time, to where sched_prepare pointed it). Nothing
 * here is privileged: a guest kernel switches threads the way any kernel does. */

	.text
	.globl sched_switch
sched_switch:
	mov 4(%esp), %eax	/* save */
	mov 8(%esp), %edx	/* load */
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov %esp, (%eax)
	mov %edx, %esp
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret

	.section .note.GNU-stack, "", @progbits
