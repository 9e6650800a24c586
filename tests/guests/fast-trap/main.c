/* fast-trap: INT 0x80 from ring 3 reaches the guest kernel, directly or through hv.
 *
 * With vector 0x80 registered at DPL 3 and a kernel stack, hv points the real
 * gate at the guest's handler (hv/arch/fast_trap.h) unless the domain was started
 * with fasttrap=off; then the INT faults into hv, which bounces it.
 *
 * Property: either way the handler gets the same frame, without an error-code
 * slot (the library stub supplies the zero): vector 0x80, EIP after the INT, the
 * user CS, SS and ESP, on top of the kernel stack. And the path really differs:
 * with events masked, a bounce reports the virtual IF (clear) in the frame, while
 * the CPU's direct gate reports the real one (set). The expected path comes from
 * the command line: case=direct or case=bounced. */
#include "test.h"

/* User code: mask events (shared_info is still mapped to ring 3 in this test
 * guest, and upcall_mask is byte 1 of it), then make the system call. */
extern char user_syscall[], user_after_syscall[];
__asm__(".text\n"
	"user_syscall: mov pv_shared_info, %eax\n"
	"	movb $1, 1(%eax)\n"
	"	int $0x80\n"
	"user_after_syscall: ud2\n");

static uint8_t kernel_stack[4096] __attribute__((aligned(16)));
static uint32_t user_stack[256] __attribute__((aligned(16)));
static struct pv_trap_regs seen;
static uint32_t frame_addr, syscalls;

static void on_syscall(struct pv_trap_regs *regs)
{
	seen = *regs;
	frame_addr = (uint32_t)&regs->error_code;
	syscalls++;
	test_resume_ring1(regs);
}

int main(void)
{
	int direct = test_case_is("direct");
	if (!direct && !test_case_is("bounced"))
		test_error("the command line must say case=direct or case=bounced");

	test_traps_catch_all();
	pv_trap_set(0x80, on_syscall, PV_TRAP_DPL(3));
	const uint32_t kernel_top = (uint32_t)kernel_stack + sizeof(kernel_stack);
	const uint32_t user_top = (uint32_t)user_stack + sizeof(user_stack);
	if (pv_traps_install() || hv_stack_switch(PV_SEL_KERNEL_DS, kernel_top))
		test_error("could not install the trap table and kernel stack");

	test_run_user((uint32_t)user_syscall, user_top);
	TEST_EQ(syscalls, 1, "system calls taken");
	TEST_EQ(seen.vector, 0x80, "vector");
	TEST_EQ(seen.error_code, 0, "error code (the stub's zero)");
	TEST_EQ(seen.eip, (uint32_t)user_after_syscall, "eip after INT 0x80");
	TEST_EQ(!!(seen.eflags & PV_EFLAGS_IF), direct, "frame IF: real (direct) or virtual (hv)");
	TEST_EQ(seen.cs, PV_SEL_USER_CS, "cs");
	TEST_EQ(seen.ss, PV_SEL_USER_DS, "ss");
	TEST_EQ(seen.esp, user_top, "user esp");
	TEST_EQ(frame_addr, kernel_top - 20 - 4, "frame on the kernel stack, plus the zero");
	printf("fast-trap: INT 0x80 delivered %s (frame IF %s)\n", direct ? "directly" : "by hv",
	       seen.eflags & PV_EFLAGS_IF ? "set" : "clear");
	test_finish();
}
