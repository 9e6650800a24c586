/* transport.S: a hypercall through a transport of the caller's choosing.
 *
 * long pv_hypercall_via(enum pv_transport t, uint32_t nr, a1, a2, a3, a4, a5)
 *
 * Ordinary guest code calls through the hypercall page (pv_hypercallN in
 * pv/hypercall_raw.h). Tests and benchmarks use this to pick the way in. Through
 * the page, a number with no slot (>= 128) returns -PV_ENOSYS without entering hv.
 * The VMCALL below is the guest side of a hypercall stub, so it carries pvscan's
 * sanctioned-stub annotation (pv/pvscan.h). */
#include <pv/abi_gen.h>
#include <pv/pvscan.h>

#define SLOTS 128

	.text
	.globl pv_hypercall_via
pv_hypercall_via:
	push %ebp
	push %ebx
	push %esi
	push %edi
	mov 24(%esp), %eax /* nr; 20(%esp) is the transport */
	mov 28(%esp), %ebx
	mov 32(%esp), %ecx
	mov 36(%esp), %edx
	mov 40(%esp), %esi
	mov 44(%esp), %edi
	mov 20(%esp), %ebp
	cmp $1, %ebp
	je 1f
	cmp $2, %ebp
	je 2f
	/* The hypercall page. */
	cmp $SLOTS, %eax
	jae 3f
	mov %eax, %ebp
	shl $5, %ebp
	add $hypercall_page, %ebp
	call *%ebp
	jmp 9f
1:	int $0x82
	jmp 9f
2:
PVSCAN_SANCTIONED_BEGIN(vmcall_transport)
	vmcall
PVSCAN_SANCTIONED_END(vmcall_transport)
	jmp 9f
3:	mov $-PV_ENOSYS, %eax
9:	pop %edi
	pop %esi
	pop %ebx
	pop %ebp
	ret

	.section .note.GNU-stack, "", @progbits
