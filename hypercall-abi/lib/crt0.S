/* crt0.S: where a pv32 guest starts, and the ELF notes that make it one.
 *
 * TOUR 5: the guest's first instruction. hv enters _start in ring 1 with
 * ESI = start_info, ESP = the top of a boot stack
 * inside the guest's memory, and events masked (pv/start_info.h). crt0 initialises
 * the FPU (FNINIT is not sensitive) and hands start_info to pv_crt_start in C.
 *
 * It also reserves the hypercall page (hv fills it at build time) and emits the
 * two required PV32 notes: the ABI version this guest was built for, and where
 * the hypercall page is. */
#include <pv/abi_gen.h>
#include <pv/elfnote.h>

	.section .text.start, "ax"
	.globl _start
_start:
	cld
	fninit
	xor %ebp, %ebp /* ends backtraces */
	push %esi
	call pv_crt_start
	ud2 /* pv_crt_start does not return */

/* One PV32 note with a 4-byte descriptor. */
.macro PV32_NOTE type, value
	.balign 4
	.long 5       /* namesz: "PV32" and its NUL */
	.long 4       /* descsz */
	.long \type
	.asciz "PV32"
	.balign 4
	.long \value
.endm

	.section .note.pv32, "a", @note
	PV32_NOTE PV_ELFNOTE_ABI_VERSION, (PV_ABI_MAJOR << 16) | PV_ABI_MINOR
	PV32_NOTE PV_ELFNOTE_HYPERCALL_PAGE, hypercall_page

	.section .bss.hypercall_page, "aw", @nobits
	.balign 4096
	.globl hypercall_page
hypercall_page:
	.skip 4096

	.section .note.GNU-stack, "", @progbits
