/* hostile-bad-pointers: every guest pointer hv is handed is checked, by every way in.
 *
 * Attack: console_io, set_trap_table (count >= 1) and store_idt get pointers that
 * are NULL, unmapped, at PV_HV_START, at 0xFFFFF000, wrapping past 4 GiB, or
 * straddling the end of the guest's mapped memory; store_idt also gets the page
 * directory, which the guest maps read-only. console_io also gets a good buffer
 * with a huge count whose sign bit is set. Each goes through the hypercall page,
 * int 0x82 and VMCALL.
 *
 * Expected: every call returns -PV_EFAULT and the guest keeps running. A failed
 * set_trap_table changes nothing: store_idt still reports the table installed
 * before, and a breakpoint still reaches its handler. */
#include "test.h"

#include <string.h>

struct bad_ptr {
	const char *what;
	uint32_t addr;
	uint32_t bytes; /* how many bytes the call will touch: console_io's count */
};

static const char *const transport_names[] = { "page", "int 0x82", "vmcall" };
static struct pv_desc_ptr installed; /* store_idt right after the good table */

static long hc_via(enum pv_transport t, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3)
{
	return pv_hypercall_via(t, nr, a1, a2, a3, 0, 0);
}

static void expect_efault(long r, const char *call, const struct bad_ptr *p, enum pv_transport t)
{
	test_check(r == -PV_EFAULT, "%s(%s) via %s: got %ld, expected -EFAULT", call, p->what,
		   transport_names[t], r);
}

/* The good virtual IDT is still in force: store_idt and a breakpoint agree. */
static void check_idt_intact(const char *after, enum pv_transport t)
{
	struct pv_desc_ptr now;
	memset(&now, 0xAA, sizeof(now));
	long r = hv_store_idt(&now);
	test_check(r == 0 && memcmp(&now, &installed, sizeof(now)) == 0,
		   "after set_trap_table(%s) via %s: store_idt changed", after, transport_names[t]);
	uint32_t before = test_trap.count;
	TEST_EXPECT_TRAP("int3");
	test_check(test_trap.count == before + 1 && test_trap.vector == 3,
		   "after set_trap_table(%s) via %s: int3 did not reach the old handler", after,
		   transport_names[t]);
}

static void attack(const struct bad_ptr *p, enum pv_transport t)
{
	long r = hc_via(t, PV_HC_CONSOLE_IO, PV_CONSOLEIO_WRITE, p->bytes, p->addr);
	expect_efault(r, "console_io", p, t);

	uint32_t count = (p->bytes + sizeof(struct pv_trap_info) - 1) / sizeof(struct pv_trap_info);
	r = hc_via(t, PV_HC_SET_TRAP_TABLE, p->addr, count, 0);
	expect_efault(r, "set_trap_table", p, t);
	check_idt_intact(p->what, t);

	r = hc_via(t, PV_HC_STORE_IDT, p->addr, 0, 0);
	expect_efault(r, "store_idt", p, t);
}

int main(void)
{
	static char message[] = "this must not be printed\n";
	test_traps_catch_all();
	if (hv_store_idt(&installed) != 0 || installed.limit == 0)
		test_error("store_idt does not report the good table");

	/* shared_info is the last page mapped; the page after it is unmapped. */
	uint32_t mapped_end = pv_start_info->shared_info + PV_PAGE_SIZE;
	const struct bad_ptr bad[] = {
		{ "NULL", 0, 8 },
		{ "unmapped", 0x40000000u, 8 },
		{ "PV_HV_START", PV_HV_START, 8 },
		{ "0xFFFFF000", 0xFFFFF000u, 8 },
		{ "wrapping", 0xFFFFFFF0u, 0x20 },
		{ "straddling the mapped end", mapped_end - 4, 8 },
	};
	/* A canary in the 4 mapped bytes the straddling store_idt would write first. */
	volatile uint32_t *tail = (volatile uint32_t *)(mapped_end - 4);
	*tail = 0x5A5A5A5A;
	for (enum pv_transport t = PV_TRANSPORT_PAGE; t <= PV_TRANSPORT_VMCALL; t++) {
		for (uint32_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			attack(&bad[i], t);
		TEST_EQ(*tail, 0x5A5A5A5A,
			"mapped half of a failed store_idt (must stay unwritten)");

		const struct bad_ptr readonly = { "page directory", pv_start_info->pt_base, 8 };
		expect_efault(hc_via(t, PV_HC_STORE_IDT, readonly.addr, 0, 0), "store_idt",
			      &readonly, t);

		const struct bad_ptr huge = { "count 0x80000000", (uint32_t)message, 0x80000000u };
		expect_efault(
			hc_via(t, PV_HC_CONSOLE_IO, PV_CONSOLEIO_WRITE, huge.bytes, huge.addr),
			"console_io", &huge, t);
		const struct bad_ptr all = { "count 0xFFFFFFFF", (uint32_t)message, 0xFFFFFFFFu };
		expect_efault(hc_via(t, PV_HC_CONSOLE_IO, PV_CONSOLEIO_WRITE, all.bytes, all.addr),
			      "console_io", &all, t);
	}
	TEST_EQ(hv_version(PV_VERSION_ABI), PV_ABI_VERSION, "version after the attacks");
	test_finish();
}
