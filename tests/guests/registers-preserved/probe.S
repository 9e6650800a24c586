/* probe.S: a hypercall made with known values in every register (probe.h).
 *
 * The compiler cannot be trusted to keep its hands off registers around an asm
 * statement, so this is written out by hand: save the C callee-saved registers,
 * load everything from probe_in, set the flags, call, and store everything to
 * probe_out before a single instruction can disturb it. MOV never changes flags,
 * and LAHF/SETO read them without the sensitive PUSHF. */
#include <pv/layout.h>

/* Offsets in struct probe_regs. */
#define R_EAX 0
#define R_EBX 4
#define R_ECX 8
#define R_EDX 12
#define R_ESI 16
#define R_EDI 20
#define R_EBP 24
#define R_ESP 28
#define R_DS 32
#define R_ES 36
#define R_FS 40
#define R_GS 44
#define R_FLAGS 48

	.text
	.globl probe_run
probe_run:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov %ds, %eax
	push %eax
	mov %es, %eax
	push %eax
	mov %fs, %eax
	push %eax
	mov %gs, %eax
	push %eax

	mov probe_in + R_FS, %eax
	mov %ax, %fs
	mov probe_in + R_GS, %eax
	mov %ax, %gs
	mov probe_in + R_ES, %eax
	mov %ax, %es

	/* The flags: OF from an ADD (or XOR), then SF ZF AF PF CF from SAHF. */
	cmpl $0, probe_set_flags
	je 1f
	mov $0x7F, %al
	add $1, %al         /* OF = 1 */
	mov $0xD7, %ah      /* SF ZF AF PF CF = 1 */
	sahf
	jmp 2f
1:	xor %eax, %eax      /* OF = 0 */
	mov $0x02, %ah      /* SF ZF AF PF CF = 0 */
	sahf
2:
	mov probe_in + R_EBX, %ebx
	mov probe_in + R_ECX, %ecx
	mov probe_in + R_EDX, %edx
	mov probe_in + R_ESI, %esi
	mov probe_in + R_EDI, %edi
	mov probe_in + R_EBP, %ebp
	mov probe_in + R_EAX, %eax
	mov %esp, probe_esp_before
	mov probe_in + R_DS, %ds   /* last: the loads above use DS */
	call *%ss:probe_target
	mov %eax, %ss:probe_out + R_EAX
	mov %ds, %eax
	mov %eax, %ss:probe_out + R_DS
	mov $PV_SEL_KERNEL_DS, %eax
	mov %ax, %ds        /* flat kernel data again: now nothing is lost */
	mov %ebx, probe_out + R_EBX
	mov %ecx, probe_out + R_ECX
	mov %edx, probe_out + R_EDX
	mov %esi, probe_out + R_ESI
	mov %edi, probe_out + R_EDI
	mov %ebp, probe_out + R_EBP
	mov %esp, probe_out + R_ESP
	seto %al
	lahf
	movzbl %ah, %ecx
	movzbl %al, %eax
	shl $8, %eax
	or %ecx, %eax
	mov %eax, probe_out + R_FLAGS
	mov %es, %eax
	mov %eax, probe_out + R_ES
	mov %fs, %eax
	mov %eax, probe_out + R_FS
	mov %gs, %eax
	mov %eax, probe_out + R_GS

	pop %eax
	mov %ax, %gs
	pop %eax
	mov %ax, %fs
	pop %eax
	mov %ax, %es
	pop %eax
	mov %ax, %ds
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret

	.globl probe_int82
probe_int82:
	int $PV_HYPERCALL_VECTOR
	ret

	.bss
	.balign 4
	.globl probe_in, probe_out, probe_target, probe_set_flags, probe_esp_before
probe_in:
	.skip 52
probe_out:
	.skip 52
probe_target:
	.skip 4
probe_set_flags:
	.skip 4
probe_esp_before:
	.skip 4

	.section .note.GNU-stack, "", @progbits
