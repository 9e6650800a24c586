/* yield.S: sched_op(YIELD) with every register holding a known value.
 *
 * void yield_probe(uint32_t seed)
 *
 * Loads ECX EDX ESI EDI EBP with seed plus a constant each (EBX must be the
 * command, PV_SCHEDOP_YIELD), yields through int 0x82, and stores EAX..EBP and ESP
 * to yield_after and ESP before the call to yield_esp_before. While this domain is
 * switched out, the other one runs with its own seed in the same registers. */
#include <pv/abi_gen.h>
#include <pv/layout.h>

	.text
	.globl yield_probe
yield_probe:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov 20(%esp), %eax
	lea 0x11110000(%eax), %ecx
	lea 0x22220000(%eax), %edx
	lea 0x33330000(%eax), %esi
	lea 0x44440000(%eax), %edi
	lea 0x55550000(%eax), %ebp
	mov $PV_SCHEDOP_YIELD, %ebx
	mov $PV_HC_SCHED_OP, %eax
	mov %esp, yield_esp_before
	int $PV_HYPERCALL_VECTOR
	mov %eax, yield_after + 0
	mov %ebx, yield_after + 4
	mov %ecx, yield_after + 8
	mov %edx, yield_after + 12
	mov %esi, yield_after + 16
	mov %edi, yield_after + 20
	mov %ebp, yield_after + 24
	mov %esp, yield_after + 28
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret

	.bss
	.balign 4
	.globl yield_after, yield_esp_before
yield_after:
	.skip 32
yield_esp_before:
	.skip 4

	.section .note.GNU-stack, "", @progbits
