/* test.c: the tiny framework every in-guest test uses. */
#include "test.h"

#include <stdarg.h>
#include <string.h>

struct test_trap test_trap;
volatile uint32_t test_resume_eip;
static unsigned failures;

void test_check(int ok, const char *fmt, ...)
{
	if (ok)
		return;
	failures++;
	va_list ap;
	va_start(ap, fmt);
	printf("FAIL: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
}

__attribute__((noreturn)) static void finish(const char *result, uint32_t code)
{
	printf("Test result: %s\n", result);
	fflush(stdout);
	pv_shutdown(PV_SHUTDOWN_POWEROFF, code);
}

extern char test_ring1_resume[];
extern uint32_t test_ring1_resume_esp;

void test_resume_ring1(struct pv_trap_regs *regs)
{
	regs->cs = PV_SEL_KERNEL_CS;
	regs->ss = PV_SEL_KERNEL_DS;
	regs->eip = (uint32_t)test_ring1_resume;
	regs->esp = test_ring1_resume_esp;
}

int test_case_is(const char *name)
{
	char word[40], line[PV_CMDLINE_MAX + 2];
	snprintf(word, sizeof(word), " case=%s ", name);
	snprintf(line, sizeof(line), " %s ", pv_start_info->cmdline);
	return strstr(line, word) != NULL;
}

unsigned test_failure_count(void)
{
	return failures;
}

void test_finish(void)
{
	finish(failures ? "FAILURE" : "SUCCESS", failures ? 1 : 0);
}

void test_error(const char *why)
{
	printf("ERROR: %s\n", why);
	finish("ERROR", 1);
}

void test_skip(const char *why)
{
	printf("SKIP: %s\n", why);
	finish("SKIP", 0);
}

/* Record the trap and resume after the TEST_EXPECT_TRAP sequence, if one runs. */
void test_record_trap(struct pv_trap_regs *regs)
{
	test_trap.vector = regs->vector;
	test_trap.error_code = regs->error_code;
	test_trap.eip = regs->eip;
	test_trap.cs = regs->cs;
	test_trap.eflags = regs->eflags;
	test_trap.esp = regs->esp;
	test_trap.ss = regs->ss;
	test_trap.cr2 = pv_shared_info->vcpu[0].cr2;
	test_trap.count++;
	if (test_resume_eip)
		regs->eip = test_resume_eip;
	else if (regs->vector != 3 && regs->vector != 4)
		test_error("unexpected trap outside TEST_EXPECT_TRAP");
}

void test_traps_catch_all(void)
{
	for (uint32_t v = 0; v < 32; v++)
		if (v != 2 && v != 8 && v != 18) /* reserved by hv */
			pv_trap_set(v, test_record_trap, PV_TRAP_DPL(v == 3 || v == 4 ? 3 : 0));
	if (pv_traps_install() != 0)
		test_error("set_trap_table refused the test's own table");
}
