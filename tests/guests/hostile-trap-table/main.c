/* hostile-trap-table: a virtual IDT entry that would escape ring 1 is refused whole.
 *
 * Attack: set_trap_table with tables that are valid except for their last entry,
 * which has a ring-0 selector (PV_SEL_KERNEL_CS with RPL 0, hv's own 0x08), another
 * selector (user CS, kernel DS), a handler at PV_HV_START or 0xFFFFFFF0, a vector
 * hv reserves (2, 8, 18, 0x82), undefined flag bits, or a vector already in the
 * table; and counts past PV_TRAP_TABLE_MAX, including ones whose byte size wraps
 * 32 bits. Every bad table also points #BP at the stub for vector 4, so if hv
 * applied any of it, a breakpoint would be reported as vector 4.
 *
 * Expected: -PV_EINVAL (-PV_EFAULT when count * 8 bytes cannot be a guest range),
 * and the previous table stays in force: store_idt is unchanged and int3 still
 * reaches the #BP handler as vector 3. A control run shows that the same table
 * without the bad entry is accepted and does reroute #BP. */
#include "test.h"

#include <string.h>

#define MAX_ENTRIES 64

static struct pv_trap_info good[MAX_ENTRIES], bad[MAX_ENTRIES];
static uint32_t nr_good;
static struct pv_desc_ptr installed;

/* Which vector the last int3 was reported as; 0xFFFFFFFF if none arrived. */
static uint32_t int3_vector(void)
{
	uint32_t before = test_trap.count;
	TEST_EXPECT_TRAP("int3");
	return test_trap.count == before + 1 ? test_trap.vector : 0xFFFFFFFFu;
}

/* bad[] := good[] with #BP's handler swapped for #OF's. */
static void make_rerouted(void)
{
	memcpy(bad, good, sizeof(good));
	uint32_t bp = 0, of = 0;
	for (uint32_t i = 0; i < nr_good; i++) {
		if (good[i].vector == 3)
			bp = i;
		if (good[i].vector == 4)
			of = i;
	}
	bad[bp].address = good[of].address;
}

static void expect_refused(const char *what, uint32_t count, long expected)
{
	long r = hv_set_trap_table(bad, count);
	test_check(r == expected, "%s: got %ld, expected %ld", what, r, expected);
	struct pv_desc_ptr now;
	test_check(hv_store_idt(&now) == 0 && memcmp(&now, &installed, sizeof(now)) == 0,
		   "%s: store_idt changed", what);
	uint32_t v = int3_vector();
	test_check(v == 3, "%s: int3 reported as vector %ld, not 3", what, (long)v);
}

/* The rerouted table with its last entry's field changed. */
#define BAD_LAST(what, field, value)                         \
	do {                                                 \
		make_rerouted();                             \
		bad[nr_good - 1].field = (value);            \
		expect_refused((what), nr_good, -PV_EINVAL); \
	} while (0)

int main(void)
{
	test_traps_catch_all();
	const struct pv_trap_info *table = pv_traps_table(&nr_good);
	if (nr_good < 5 || nr_good > MAX_ENTRIES)
		test_error("the test's own table is not as expected");
	memcpy(good, table, nr_good * sizeof(good[0]));

	/* Control: the rerouted table is valid, and it is visible. (TEST_EQ evaluates
	 * its first argument more than once, so calls go into locals first.) */
	make_rerouted();
	long r = hv_set_trap_table(bad, nr_good);
	TEST_EQ(r, 0, "control: rerouted table");
	uint32_t v = int3_vector();
	TEST_EQ(v, 4, "control: int3 with the rerouted table");
	r = hv_set_trap_table(good, nr_good);
	TEST_EQ(r, 0, "control: good table again");
	v = int3_vector();
	TEST_EQ(v, 3, "control: int3 with the good table");
	r = hv_store_idt(&installed);
	TEST_EQ(r, 0, "store_idt");
	TEST_EQ(installed.base, (uint32_t)good, "store_idt base");
	TEST_EQ(installed.limit, nr_good * sizeof(good[0]) - 1, "store_idt limit");

	BAD_LAST("cs = kernel CS with RPL 0", cs, PV_SEL_KERNEL_CS & ~3u);
	BAD_LAST("cs = hv's 0x08", cs, 0x08);
	BAD_LAST("cs = user CS", cs, PV_SEL_USER_CS);
	BAD_LAST("cs = kernel DS", cs, PV_SEL_KERNEL_DS);
	BAD_LAST("cs = kernel CS index with RPL 3", cs, PV_SEL_KERNEL_CS | 3);
	BAD_LAST("handler at PV_HV_START", address, PV_HV_START);
	BAD_LAST("handler at 0xFFFFFFF0", address, 0xFFFFFFF0u);
	BAD_LAST("vector 2 (NMI)", vector, 2);
	BAD_LAST("vector 8 (#DF)", vector, 8);
	BAD_LAST("vector 18 (#MC)", vector, 18);
	BAD_LAST("vector 0x82 (hypercall)", vector, PV_HYPERCALL_VECTOR);
	BAD_LAST("flag bit 0x08", flags, 0x08);
	BAD_LAST("flag bit 0x80", flags, 0x80);
	BAD_LAST("duplicate vector 3", vector, 3);

	static struct pv_trap_info many[PV_TRAP_TABLE_MAX + 1];
	r = hv_set_trap_table(many, PV_TRAP_TABLE_MAX + 1);
	TEST_EQ(r, -PV_EINVAL, "count PV_TRAP_TABLE_MAX + 1");
	make_rerouted();
	expect_refused("count 0x20000001 (8 * count wraps to 8)", 0x20000001u, -PV_EFAULT);
	expect_refused("count 0xFFFFFFFF", 0xFFFFFFFFu, -PV_EFAULT);
	expect_refused("count 0x80000000", 0x80000000u, -PV_EFAULT);

	v = int3_vector();
	TEST_EQ(v, 3, "int3 after every refusal");
	test_finish();
}
