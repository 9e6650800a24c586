/* soft-int: a guest's INT n reaches its own handler for vector n, as the DPL allows.
 *
 * hv's real IDT lets guests reach only the hypercall gate with INT n, so INT 0x80
 * arrives in hv as #GP(0x80 * 8 + 2). hv must then act as the guest's virtual IDT
 * would (hv/arch/soft_int.h).
 *
 * Property: with vector 0x80 registered at DPL 1, INT 0x80 from ring 1 is
 * delivered as vector 0x80 with EIP after the instruction and error code 0; at
 * DPL 0 it is a #GP(0x402) instead; an unregistered vector (0x81) is a #GP(0x40A).
 *
 * This guest executes INT n on purpose, so pvscan must find exactly `int` in it. */
#include "test.h"

extern char int80_at[], int80_after[], int81_at[];

static void install_0x80(uint8_t dpl)
{
	pv_trap_set(0x80, test_record_trap, PV_TRAP_DPL(dpl));
	if (pv_traps_install() != 0)
		test_error("set_trap_table refused vector 0x80");
}

static void expect(const char *what, uint32_t before, uint32_t vector, uint32_t error_code,
		   const char *eip)
{
	TEST_EQ(test_trap.count - before, 1, what);
	TEST_EQ(test_trap.vector, vector, what);
	TEST_EQ(test_trap.error_code, error_code, what);
	TEST_EQ(test_trap.eip, (uint32_t)eip, what);
}

int main(void)
{
	test_traps_catch_all();

	install_0x80(1);
	uint32_t n = test_trap.count;
	TEST_EXPECT_TRAP("int80_at: int $0x80\nint80_after:");
	expect("INT 0x80 at DPL 1 from ring 1", n, 0x80, 0, int80_after);

	install_0x80(0);
	n = test_trap.count;
	TEST_EXPECT_TRAP("int $0x80");
	TEST_EQ(test_trap.count - n, 1, "INT 0x80 at DPL 0 from ring 1 traps");
	TEST_EQ(test_trap.vector, 13, "INT 0x80 at DPL 0: #GP");
	TEST_EQ(test_trap.error_code, 0x80 * 8 + 2, "INT 0x80 at DPL 0: error code");

	n = test_trap.count;
	TEST_EXPECT_TRAP("int81_at: int $0x81");
	expect("INT 0x81 unregistered", n, 13, 0x81 * 8 + 2, int81_at);
	test_finish();
}
