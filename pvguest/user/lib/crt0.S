/* crt0.S: where a pvguest user program starts, in ring 3.
 *
 * The kernel enters _start with ESP pointing at argc, then argv[0..argc-1] and a
 * NULL, with the strings above them (kernel/proc.c, setup_stack); every general
 * register is 0 and .bss is already zero. crt0 calls main(argc, argv) and hands
 * its result to newlib's exit(), which flushes stdio and ends in _exit
 * (syscalls.c): the exit system call. */
	.section .text.start, "ax"
	.globl _start
_start:
	xor %ebp, %ebp		/* ends backtraces */
	mov (%esp), %eax	/* argc */
	lea 4(%esp), %edx	/* argv */
	and $-16, %esp		/* the alignment GCC assumes at a call */
	sub $8, %esp
	push %edx
	push %eax
	call main
	push %eax
	call exit
	ud2			/* exit does not return */

	.section .note.GNU-stack, "", @progbits
