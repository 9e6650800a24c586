/* shutdown-crash: a bad sched_op is refused; a crash is reported with its code.
 *
 * Property: sched_op(SHUTDOWN) with an unknown reason (3, ~0) and sched_op with an
 * unknown command (4, ~0) return -PV_EINVAL and the domain keeps running. Then
 * the domain prints its Test result line and shuts down with reason CRASH and code
 * 7, which hv reports as such and counts as a failed domain (test.conf expects
 * QEMU status 3 and hv's line). */
#include "test.h"

static unsigned refusals;

/* One sched_op that must come back -PV_EINVAL. */
static void expect_einval(const char *what, uint32_t cmd, uint32_t reason, uint32_t code)
{
	long r = hv_sched_op(cmd, reason, code);
	refusals += r == -PV_EINVAL;
	TEST_EQ(r, -PV_EINVAL, what);
}

int main(void)
{
	expect_einval("SHUTDOWN, reason 3", PV_SCHEDOP_SHUTDOWN, 3, 0);
	expect_einval("SHUTDOWN, reason ~0", PV_SCHEDOP_SHUTDOWN, 0xFFFFFFFFu, 0);
	expect_einval("command 4", 4, PV_SHUTDOWN_POWEROFF, 0);
	expect_einval("command ~0", 0xFFFFFFFFu, PV_SHUTDOWN_POWEROFF, 0);
	if (refusals != 4)
		test_finish(); /* FAILURE, and a poweroff the runner will not expect */

	/* test_finish would power off: print the line ourselves, then crash. */
	printf("shutdown-crash: still running after 4 refused calls\n");
	printf("Test result: SUCCESS\n");
	fflush(stdout);
	pv_shutdown(PV_SHUTDOWN_CRASH, 7);
}
