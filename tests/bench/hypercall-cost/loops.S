/* loops.S: the measurement loops of the hypercall-cost benchmark.
 *
 * uint64_t bench_loop_NAME(uint32_t n)
 *
 * Each function reads the TSC, runs its body n times, reads the TSC again and
 * returns the difference. Every function has the same prologue, loop control and
 * epilogue, instruction for instruction; only the body differs. So
 *
 *	bench_loop_X(n) - bench_loop_empty(n)
 *
 * is exactly n times the cost of X's body, and under QEMU's
 * -icount shift=0,sleep=off (one TSC tick per retired instruction) that is a
 * count of instructions, including every instruction hv runs on the guest's behalf.
 *
 * The bodies are the null hypercall, version(PV_VERSION_ABI), made three ways,
 * and a plain function call of the same shape:
 *
 *	int82    mov $nr, %eax; int $0x82
 *	vmcall   mov $nr, %eax; vmcall            (hv decodes it from the #UD)
 *	page     call hypercall_page + nr * 32   (the slot loads EAX itself)
 *	call     mov $nr, %eax; call bench_null_function
 *
 * Registers: EBP counts down, ESI:EDI hold the first TSC reading, EBX is the
 * hypercall's first argument (PV_VERSION_ABI = 0). hv preserves every register but
 * EAX, and the C function preserves EBX, ESI, EDI and EBP (the i386 ABI), so the
 * loop state survives each body.
 *
 * RDTSC is a sensitive instruction in the pvscan sense (it reads host state), so
 * this guest is deliberately NOT one of the pvscan-clean guests. The VMCALL below
 * still carries the sanctioned-stub annotation (pv/pvscan.h). */
#include <pv/abi_gen.h>
#include <pv/pvscan.h>

#define SLOT_SIZE 32 /* PV_HYPERCALL_SLOT_SIZE, without its C suffix */

/* Prologue: save the callee-saved registers, load n, take the first reading. */
.macro BENCH_BEGIN name
	.text
	.globl \name
	.type \name, @function
\name:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov 20(%esp), %ebp
	mov $PV_VERSION_ABI, %ebx
	rdtsc
	mov %eax, %esi
	mov %edx, %edi
1:
.endm

/* Loop control, the second reading, and the 64-bit difference in EDX:EAX. */
.macro BENCH_END name
	dec %ebp
	jnz 1b
	rdtsc
	sub %esi, %eax
	sbb %edi, %edx
	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret
	.size \name, . - \name
.endm

BENCH_BEGIN bench_loop_empty
BENCH_END bench_loop_empty

BENCH_BEGIN bench_loop_int82
	mov $PV_HC_VERSION, %eax
	int $0x82
BENCH_END bench_loop_int82

BENCH_BEGIN bench_loop_vmcall
	mov $PV_HC_VERSION, %eax
PVSCAN_SANCTIONED_BEGIN(bench_vmcall)
	vmcall
PVSCAN_SANCTIONED_END(bench_vmcall)
BENCH_END bench_loop_vmcall

BENCH_BEGIN bench_loop_page
	call hypercall_page + PV_HC_VERSION * SLOT_SIZE
BENCH_END bench_loop_page

BENCH_BEGIN bench_loop_call
	mov $PV_HC_VERSION, %eax
	call bench_null_function
BENCH_END bench_loop_call

	.section .note.GNU-stack, "", @progbits
