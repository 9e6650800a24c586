/* copy_raw.S: a byte copy that may fault, with its way out in the exception table.
 *
 * uint32_t copy_raw(void *dst, const void *src, uint32_t len) returns the bytes left
 * uncopied: 0 on success. If REP MOVSB faults, the page-fault handler sends us to
 * copy_raw_fixup with ECX still counting what is left. */
	.text
	.globl copy_raw
copy_raw:
	push %esi
	push %edi
	mov 12(%esp), %edi
	mov 16(%esp), %esi
	mov 20(%esp), %ecx
copy_raw_movs:
	rep movsb
copy_raw_fixup:
	mov %ecx, %eax
	pop %edi
	pop %esi
	ret

	.section __ex_table, "a"
	.long copy_raw_movs, copy_raw_fixup

	.section .note.GNU-stack, "", @progbits
