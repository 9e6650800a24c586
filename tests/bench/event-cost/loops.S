/* loops.S: the timed loop of the event-cost benchmark.
 *
 * uint64_t ec_loop(void (*body)(void), uint32_t iters)
 *
 * Reads the TSC, calls body iters times, reads the TSC again and returns the
 * difference. Every measurement goes through this one loop, so
 *
 *	ec_loop(X, n) - ec_loop(ec_null, n)
 *
 * is exactly what n calls of X cost beyond n calls of an empty function: under
 * -icount shift=0,sleep=off, their instructions, this domain's, hv's and (when X
 * gives up the CPU) the other domain's together.
 *
 * ESI holds body and EBP counts down; the first reading waits on the stack. The
 * C bodies keep EBX, ESI, EDI and EBP (the i386 calling convention), and hv and
 * the library's upcall entry preserve every register a body relies on. */

	.text
	.globl ec_loop
	.type ec_loop, @function
ec_loop:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov 20(%esp), %esi
	mov 24(%esp), %ebp
	rdtsc
	push %edx
	push %eax
1:
	call *%esi
	dec %ebp
	jnz 1b
	rdtsc
	sub (%esp), %eax
	sbb 4(%esp), %edx
	add $8, %esp
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret
	.size ec_loop, . - ec_loop

	.section .note.GNU-stack, "", @progbits
