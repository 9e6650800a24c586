/* sched-yield: sched_op(YIELD) hands the CPU to the other domain and comes back.
 *
 * Property: two domains running this guest (test.conf names them a and b) each
 * print "yield: NAME step N" for N = 1..3 and yield after each step; every yield
 * returns 0 with every other register as it was, although the other domain ran
 * meanwhile with different values in the same registers. Domain a then prints
 * "yield: a done" and powers off (code 1 if a check failed, so hv reports it);
 * domain b prints the one Test result line.
 *
 * Limitation: the domains share no memory, so neither can see the other's
 * progress, and the runner checks that the EXPECT_LINES are present, not their
 * order. The interleaving a1 b1 a2 b2 a3 b3 is visible in the log but is not
 * enforced by this test. */
#include "test.h"

#include <string.h>

struct yield_regs {
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp, esp;
};
void yield_probe(uint32_t seed);
extern struct yield_regs yield_after;
extern uint32_t yield_esp_before;

static unsigned failures;

static void check_field(const char *what, uint32_t got, uint32_t want)
{
	if (got != want)
		failures++;
	test_check(got == want, "%s is 0x%lx, expected 0x%lx", what, (unsigned long)got,
		   (unsigned long)want);
}

/* This domain's name= from the command line, or "?" */
static const char *my_name(void)
{
	static char name[32];
	const char *p = strstr(pv_start_info->cmdline, " name=");
	if (!p)
		return "?";
	p += strlen(" name=");
	size_t n = strcspn(p, " ");
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, p, n);
	return name;
}

int main(void)
{
	const char *name = my_name();
	int last = strcmp(name, "b") == 0;

	for (uint32_t step = 1; step <= 3; step++) {
		printf("yield: %s step %lu\n", name, (unsigned long)step);
		fflush(stdout);
		uint32_t seed = pv_start_info->domid << 12 | step;
		yield_probe(seed);
		check_field("yield result", yield_after.eax, 0);
		check_field("ebx", yield_after.ebx, PV_SCHEDOP_YIELD);
		check_field("ecx", yield_after.ecx, 0x11110000 + seed);
		check_field("edx", yield_after.edx, 0x22220000 + seed);
		check_field("esi", yield_after.esi, 0x33330000 + seed);
		check_field("edi", yield_after.edi, 0x44440000 + seed);
		check_field("ebp", yield_after.ebp, 0x55550000 + seed);
		check_field("esp", yield_after.esp, yield_esp_before);
	}
	if (last)
		test_finish();
	printf("yield: %s done\n", name);
	fflush(stdout);
	pv_shutdown(PV_SHUTDOWN_POWEROFF, failures ? 1 : 0);
}
