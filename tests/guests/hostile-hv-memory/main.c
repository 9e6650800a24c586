/* hostile-hv-memory: a guest kernel cannot read or write hv's 64 MiB.
 *
 * Attack: ring 1 is "supervisor" to the MMU, so hv's supervisor mappings do not
 * stop it. On real hardware the guest's segment limit (below PV_HV_START) does,
 * with #GP. QEMU's TCG ignores data segment limits, and there hv's second line of
 * defence holds: while a guest runs, its address space maps none of hv but the
 * trampoline (hv/arch/trampoline.h), so the access is a #PF at that address.
 *
 * Property: loads from and stores to hv's direct map (physical 0, hv's image, other
 * memory) and the top page all fault (#GP(0), or #PF with CR2 = the address), and
 * never return hv's data. */
#include "test.h"

static const uint32_t targets[] = {
	PV_HV_START,		/* physical 0 through hv's direct map */
	PV_HV_START + 0x500,	/* the BIOS data area a direct map would show */
	PV_HV_START + 0x100000, /* the start of hv's image (multiboot header) */
	PV_HV_START + 0x800000, /* 8 MiB in: frames of other domains */
	0xFFFFF000,		/* the last page */
};

/* The access at addr trapped once, as #GP(0) or as #PF naming addr. */
static void expect_fault(const char *what, uint32_t addr, uint32_t count_before)
{
	test_check(test_trap.count == count_before + 1, "%s %08lx: no fault (hv memory reachable)",
		   what, (unsigned long)addr);
	if (test_trap.count != count_before + 1)
		return;
	int gp = test_trap.vector == 13 && test_trap.error_code == 0;
	int pf = test_trap.vector == 14 && test_trap.cr2 == addr;
	test_check(gp || pf, "%s %08lx: vector %lu error %lx cr2 %08lx", what, (unsigned long)addr,
		   (unsigned long)test_trap.vector, (unsigned long)test_trap.error_code,
		   (unsigned long)test_trap.cr2);
	printf("hostile-hv-memory: %s %08lx -> %s\n", what, (unsigned long)addr,
	       gp ? "#GP (segment limit)" : "#PF (not mapped in the guest view)");
}

int main(void)
{
	test_traps_catch_all();
	for (unsigned i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		uint32_t addr = targets[i], value = 0x5EC0DE;
		uint32_t n = test_trap.count;
		TEST_EXPECT_TRAP("movl (%1), %0", : "+r"(value) : "r"(addr));
		expect_fault("load", addr, n);
		test_check(value == 0x5EC0DE, "load %08lx returned %08lx", (unsigned long)addr,
			   (unsigned long)value);

		n = test_trap.count;
		TEST_EXPECT_TRAP("movl %0, (%1)", : : "r"(value), "r"(addr) : "memory");
		expect_fault("store", addr, n);
	}
	test_finish();
}
