/* popek-gap: SIDT and SGDT are sensitive but not privileged, so ring 1 cannot be
 * trapped on them.
 *
 * Property: in ring 1 (hv leaves CR4.UMIP clear), SIDT and SGDT execute without a
 * fault and reveal hv's own tables, based at or above PV_HV_START: x86 breaks the
 * Popek-Goldberg condition for virtualisation. The paravirtual replacement,
 * emulate_store_idt(), returns the table this guest registered instead (below
 * PV_HV_START, exactly its address and size). This is the one test guest that
 * contains sensitive instructions on purpose: pvscan must find exactly these two. */
#include <string.h>

#include "test.h"

/* What SIDT and SGDT store: a 16-bit limit, then a 32-bit base. */
struct table_register {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

int main(void)
{
	struct table_register idtr = { 0, 0 }, gdtr = { 0, 0 };
	struct pv_desc_ptr own;
	uint32_t count;

	/* With UMIP they would fault: record that and carry on, to fail below. */
	test_traps_catch_all();
	uint32_t traps = test_trap.count;
	TEST_EXPECT_TRAP("sidt %0", : "+m"(idtr));
	TEST_EXPECT_TRAP("sgdt %0", : "+m"(gdtr));
	TEST_EQ(test_trap.count, traps, "traps taken by SIDT and SGDT");

	const struct pv_trap_info *table = pv_traps_table(&count);
	memset(&own, 0xA5, sizeof(own)); /* hv must overwrite every byte, padding too */
	long r = emulate_store_idt(&own);

	printf("popek-gap: sidt: base %08lx limit %04x (hv's IDT)\n", (unsigned long)idtr.base,
	       idtr.limit);
	printf("popek-gap: sgdt: base %08lx limit %04x (hv's GDT)\n", (unsigned long)gdtr.base,
	       gdtr.limit);
	printf("popek-gap: emulate_store_idt: base %08lx limit %04x (this guest's table)\n",
	       (unsigned long)own.base, own.limit);

	test_check(idtr.base >= PV_HV_START, "SIDT base %08lx is not hv's",
		   (unsigned long)idtr.base);
	test_check(gdtr.base >= PV_HV_START, "SGDT base %08lx is not hv's",
		   (unsigned long)gdtr.base);
	TEST_EQ(r, 0, "emulate_store_idt");
	test_check(own.base < PV_HV_START, "emulate_store_idt base %08lx is hv's",
		   (unsigned long)own.base);
	TEST_EQ(own.base, (uint32_t)table, "emulate_store_idt base");
	TEST_EQ(own.limit, count * sizeof(struct pv_trap_info) - 1, "emulate_store_idt limit");
	TEST_EQ(own._pad, 0, "emulate_store_idt padding (nothing of hv's may leak)");
	test_finish();
}
