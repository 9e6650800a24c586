/* pvscan.h: marking a guest's hypercall stub so that pvscan accepts its transport instruction.
 *
 * pvscan (tools/README.md) proves that a guest kernel contains no instruction
 * that is sensitive in ring 1. A guest still needs a way in: `int $0x82` is
 * never flagged, but a guest that makes hypercalls with VMCALL or VMMCALL
 * directly, or that keeps a real iret, needs those instructions. The one way
 * to have them accepted is to bracket the stub with two symbols:
 *
 *   pvscan_sanctioned_begin__TAG  ...stub...  pvscan_sanctioned_end__TAG
 *
 * The rule pvscan applies:
 *   - the range is [begin, end) in one section; begin and end of one TAG must
 *     pair up exactly, or pvscan refuses the file (exit status 2);
 *   - inside a range, vmcall, vmmcall and iret (any suffix or prefix) are
 *     exempt, and so is `int $0x80`, a user program's system-call stub. Nothing
 *     else is: a cli or an sidt inside a stub is still reported;
 *   - outside every range, nothing is exempt.
 * The symbols must survive into the ELF pvscan reads, so do not strip it. If
 * they are lost the stub is reported, never silently forgiven.
 *
 * In a .S file (the labels are local symbols; one TAG per stub in a file):
 *
 *	#include <pv/pvscan.h>
 *	pv_vmcall_stub:
 *	PVSCAN_SANCTIONED_BEGIN(vmcall_stub)
 *		vmcall
 *	PVSCAN_SANCTIONED_END(vmcall_stub)
 *		ret
 *
 * In C, put both strings in the same extended asm statement (one with a ':').
 * They append "_%=" to TAG, a number GCC makes unique for each copy of the asm,
 * so a stub in a static inline function may be inlined any number of times:
 *
 *	__asm__ volatile(PVSCAN_SANCTIONED_BEGIN_STR(hc) "vmcall\n\t"
 *			 PVSCAN_SANCTIONED_END_STR(hc)
 *			 : "=a"(ret) : "a"(nr) : "memory");
 */
#ifndef PV_PVSCAN_H
#define PV_PVSCAN_H

#ifdef __ASSEMBLER__

#define PVSCAN_SANCTIONED_BEGIN(tag) pvscan_sanctioned_begin__##tag:
#define PVSCAN_SANCTIONED_END(tag) pvscan_sanctioned_end__##tag:

#else

#define PVSCAN_SANCTIONED_BEGIN_STR(tag) "pvscan_sanctioned_begin__" #tag "_%=:\n\t"
#define PVSCAN_SANCTIONED_END_STR(tag) "\npvscan_sanctioned_end__" #tag "_%=:\n\t"

#endif

#endif
