/* loops.S: the timed loops of the mm-cost benchmark.
 *
 * uint64_t mm_loop_NAME(const void *items, uint32_t iters, uint32_t per_call)
 *
 * As in hypercall-cost/loops.S, each function reads the TSC, runs its body iters
 * times, reads the TSC again and returns the difference, and every function has
 * the same prologue, loop control and epilogue. So
 *
 *	mm_loop_X(items, iters, per_call) - mm_loop_empty(items, iters, per_call)
 *
 * is exactly what iters bodies of X cost: under -icount shift=0,sleep=off, their
 * instructions, the guest's and hv's together.
 *
 * Registers: ESI points at the current item (8 bytes each; it advances by
 * per_call items per iteration), EDI holds per_call, EBP counts down, and the
 * first TSC reading waits on the stack. hv preserves every register but EAX, so
 * EBX, ECX and EDX are free for a hypercall's arguments.
 *
 * The bodies:
 *	mmu_update   mmu_update(items, per_call, NULL): per_call = 512 is the
 *	             batch, per_call = 1 one request per call
 *	update_va    update_va_mapping(items->va, items->val, PV_UVMF_NONE)
 *	fault        a load from MM_FAULT_VA, which is unmapped: #PF, bounced to
 *	             mm_pf_handler (user.S), which steps over the load
 *	call         the plain function call of hypercall-cost, for the TCG ratios
 *
 * This guest runs RDTSC, which pvscan reports as sensitive: it is not one of the
 * pvscan-clean guests. */
#include <pv/abi_gen.h>

#define SLOT_SIZE 32 /* PV_HYPERCALL_SLOT_SIZE, without its C suffix */
#define FAULT_VA 0x40000000 /* MM_FAULT_VA */

.macro MM_BEGIN name
	.text
	.globl \name
	.type \name, @function
\name:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov 20(%esp), %esi
	mov 24(%esp), %ebp
	mov 28(%esp), %edi
	rdtsc
	push %edx
	push %eax
1:
.endm

.macro MM_END name
	lea (%esi,%edi,8), %esi
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
	.size \name, . - \name
.endm

MM_BEGIN mm_loop_empty
MM_END mm_loop_empty

MM_BEGIN mm_loop_mmu_update
	mov %esi, %ebx
	mov %edi, %ecx
	xor %edx, %edx
	call hypercall_page + PV_HC_MMU_UPDATE * SLOT_SIZE
MM_END mm_loop_mmu_update

MM_BEGIN mm_loop_update_va
	mov (%esi), %ebx
	mov 4(%esi), %ecx
	xor %edx, %edx
	call hypercall_page + PV_HC_UPDATE_VA_MAPPING * SLOT_SIZE
MM_END mm_loop_update_va

/* mm_pf_handler checks that the fault is at mm_fault_load and resumes at
 * mm_fault_load_end. */
MM_BEGIN mm_loop_fault
	.globl mm_fault_load, mm_fault_load_end
mm_fault_load:
	mov FAULT_VA, %ecx
mm_fault_load_end:
MM_END mm_loop_fault

MM_BEGIN mm_loop_call
	mov $PV_HC_VERSION, %eax
	call mm_null_function
MM_END mm_loop_call

	.section .note.GNU-stack, "", @progbits
