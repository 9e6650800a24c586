/* fpu-isolation: one domain's x87 state is invisible to, and untouched by, another.
 *
 * Two domains share one FPU. Domain 1 pushes a value on the x87 stack and sets an
 * unusual control word, then yields; domain 2 does the same with its own values
 * and yields back. Without hv saving and restoring the FPU on each switch, domain
 * 1 would pop domain 2's value and see its control word.
 *
 * Property: after every yield each domain finds exactly its own top of stack and
 * control word. Domain 1 reports by its exit code (a failure fails the run's
 * status); domain 2 prints the result line. */
#include "test.h"

static void fpu_push(double v)
{
	__asm__ volatile("fldl %0" : : "m"(v));
}

static double fpu_pop(void)
{
	double v;
	__asm__ volatile("fstpl %0" : "=m"(v));
	return v;
}

static void fpu_set_cw(uint16_t cw)
{
	__asm__ volatile("fldcw %0" : : "m"(cw));
}

static uint16_t fpu_cw(void)
{
	uint16_t cw;
	__asm__ volatile("fnstcw %0" : "=m"(cw));
	return cw;
}

int main(void)
{
	int first = pv_start_info->domid == 1;
	double mine = first ? 1.25 : -3.5;
	uint16_t cw = first ? 0x037A : 0x0C7F; /* rounding and masks differ */

	fpu_push(mine);
	fpu_set_cw(cw);
	hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	test_check(fpu_cw() == cw, "domain %u: control word %04x, expected %04x",
		   (unsigned)pv_start_info->domid, fpu_cw(), cw);
	double top = fpu_pop();
	test_check(top == mine, "domain %u: top of stack %d/100, expected %d/100",
		   (unsigned)pv_start_info->domid, (int)(top * 100), (int)(mine * 100));
	hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);

	if (first) {
		if (test_failure_count())
			return 1; /* hv reports a failed domain; the run's status shows it */
		printf("fpu-isolation: domain 1 kept its FPU state\n");
		return 0;
	}
	test_finish();
}
