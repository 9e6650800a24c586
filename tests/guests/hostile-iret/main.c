/* hostile-iret: an iret frame that would leave the guest's own rings is refused.
 *
 * The iret hypercall resumes whatever struct pv_iret_frame the guest leaves on its
 * stack, so the frame is a request to load CS, SS and EIP. Attacks, picked by
 * case= in the module command line:
 *
 *   case=hv-cs       CS = 0x08, hv's own code selector: run guest code in ring 0.
 *   case=mixed-ss    CS = PV_SEL_USER_CS with SS = PV_SEL_KERNEL_DS: ring-3 code on
 *                    a ring-1 stack (the CPU would fault on hv's IRET).
 *   case=hv-eip      the kernel pair with EIP = PV_HV_START: jump into hv's area.
 *
 * Expected: hv kills this domain with the reason from hv/hc/iret_check.c (each
 * variant's test.conf has the exact line) and the witness runs after. If the guest
 * survives, it prints a FAILURE line, and the run has two result lines: a failure. */
#include "test.h"

#include <string.h>

/* Where a wrongly accepted frame resumes: report the survival. */
static void resumed(void)
{
	test_check(0, "hv resumed a forbidden iret frame");
	test_finish();
}

/* Push an iret frame with these cs, ss and eip, and jump to the iret slot. */
static void iret_with(uint32_t cs, uint32_t ss, uint32_t eip)
{
	static uint8_t stack[4096] __attribute__((aligned(16)));
	uint32_t esp = (uint32_t)(stack + sizeof(stack)) - 4;

	__asm__ volatile("push %0\n\t"	   /* ss */
			 "push %1\n\t"	   /* esp */
			 "push $0x202\n\t" /* eflags: virtual IF on */
			 "push %2\n\t"	   /* cs */
			 "push %3\n\t"	   /* eip */
			 "push $0\n\t"	   /* eax */
			 "jmp *%4"
			 :
			 : "r"(ss), "r"(esp), "r"(cs), "r"(eip), "r"(PV_HYPERCALL_SLOT(PV_HC_IRET))
			 : "memory");
}

int main(void)
{
	uint32_t ok_eip = (uint32_t)resumed;

	if (test_case_is("hv-cs"))
		iret_with(0x08, PV_SEL_KERNEL_DS, ok_eip);
	else if (test_case_is("mixed-ss"))
		iret_with(PV_SEL_USER_CS, PV_SEL_KERNEL_DS, ok_eip);
	else if (test_case_is("hv-eip"))
		iret_with(PV_SEL_KERNEL_CS, PV_SEL_KERNEL_DS, PV_HV_START);
	else
		test_error("no known case= in the module command line");
	test_check(0, "the iret hypercall returned to its caller");
	test_finish();
}
