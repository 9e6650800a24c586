/* faults-bounce: hv delivers each fault of a ring-1 kernel to the kernel's handler.
 *
 * Property: a divide error, a breakpoint, an invalid opcode, a load of hv's ring-0
 * data selector (#GP), a page fault on an unmapped address and a
 * write to the read-only page directory each reach the handler registered with
 * set_trap_table, with the right vector, error code and EIP (the faulting
 * instruction, or the next one for int3), from CS = PV_SEL_KERNEL_CS; for a page
 * fault shared_info's cr2 holds the address. After each, the guest carries on. */
#include "test.h"

/* Labels on the instructions that fault, defined in the asm statements below. */
extern char de_at[], bp_after[], ud_at[], gp_at[], pf_read_at[], pf_write_at[], pd_write_at[];

/* PF error code bits. */
#define PF_PRESENT 0x1u
#define PF_WRITE 0x2u

static void check_field(const char *what, const char *field, uint32_t got, uint32_t want)
{
	test_check(got == want, "%s: %s is 0x%lx, expected 0x%lx", what, field, (unsigned long)got,
		   (unsigned long)want);
}

/* Exactly one trap since count_before, and it was this one, taken in ring 1. */
static void expect_trap(const char *what, uint32_t count_before, uint32_t vector,
			uint32_t error_code, const void *eip)
{
	check_field(what, "traps taken", test_trap.count - count_before, 1);
	if (test_trap.count - count_before != 1)
		return; /* the fields below describe some other trap */
	check_field(what, "vector", test_trap.vector, vector);
	check_field(what, "error code", test_trap.error_code, error_code);
	check_field(what, "eip", test_trap.eip, (uint32_t)eip);
	check_field(what, "cs", test_trap.cs, PV_SEL_KERNEL_CS);
	check_field(what, "ss", test_trap.ss, PV_SEL_KERNEL_DS);
}

int main(void)
{
	uint32_t n, v = 0;
	uint32_t *pd = (uint32_t *)pv_start_info->pt_base;

	test_traps_catch_all();

	n = test_trap.count;
	uint32_t lo = 1, hi = 0, divisor = 0;
	TEST_EXPECT_TRAP("de_at: divl %2", : "+a"(lo), "+d"(hi) : "r"(divisor));
	expect_trap("#DE", n, 0, 0, de_at);

	n = test_trap.count;
	TEST_EXPECT_TRAP("int3\nbp_after:");
	expect_trap("#BP", n, 3, 0, bp_after);

	n = test_trap.count;
	TEST_EXPECT_TRAP("ud_at: ud2");
	expect_trap("#UD", n, 6, 0, ud_at);

	/* Ring 1 may not load hv's ring-0 data selector: #GP with the selector as
	 * the error code. (Touching hv's memory is hostile-hv-memory's business.) */
	n = test_trap.count;
	TEST_EXPECT_TRAP("mov %1, %%ax\n\tgp_at: mov %%ax, %%ds", : "+a"(v) : "i"(0x10));
	expect_trap("#GP: load of hv's data selector", n, 13, 0x10, gp_at);

	/* Ring 1 is supervisor to the MMU: the error code's U bit is clear. */
	n = test_trap.count;
	TEST_EXPECT_TRAP("pf_read_at: movl 0x1000, %0", : "+r"(v));
	expect_trap("#PF: load from 0x1000", n, 14, 0, pf_read_at);
	check_field("#PF: load from 0x1000", "cr2", test_trap.cr2, 0x1000);

	n = test_trap.count;
	TEST_EXPECT_TRAP("pf_write_at: movl %0, 0x1000", : : "r"(v) : "memory");
	expect_trap("#PF: store to 0x1000", n, 14, PF_WRITE, pf_write_at);
	check_field("#PF: store to 0x1000", "cr2", test_trap.cr2, 0x1000);

	/* Store back what is there, in case the write went through. */
	n = test_trap.count;
	uint32_t pde = pd[0];
	TEST_EXPECT_TRAP("pd_write_at: movl %0, (%1)", : : "r"(pde), "r"(pd) : "memory");
	expect_trap("#PF: store to the page directory", n, 14, PF_PRESENT | PF_WRITE, pd_write_at);
	check_field("#PF: store to the page directory", "cr2", test_trap.cr2, (uint32_t)pd);

	printf("faults-bounce: %lu traps bounced, still running\n", (unsigned long)test_trap.count);
	check_field("all", "traps taken", test_trap.count, 7);
	test_finish();
}
