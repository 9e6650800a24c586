/* iret-sanitise: hv resumes an iret frame only as far as a guest kernel may go.
 *
 * Property: the iret hypercall turns a frame that asks for ring 0 (selectors with
 * RPL 0) into ring 1, clears IOPL and NT from the requested EFLAGS, and makes the
 * frame's IF the virtual IF (upcall_mask 0 for IF=1, 1 for IF=0). iret_probe.S
 * builds each frame by hand; the int3 it executes after resuming lets the #BP
 * handler see the real EFLAGS (the bounce frame's IF is the virtual IF).
 *
 * Limitation: hv's bounce frame never shows IOPL (bounce_plan_make clears it), so
 * the IOPL check here passes even if the iret left IOPL 3 in the real EFLAGS. Only
 * an IOPL-sensitive instruction (CLI, IN, POPF) could tell, and a test guest may
 * not contain one. The NT, ring and IF checks have no such blind spot. */
#include "test.h"

uint32_t iret_probe(uint32_t cs, uint32_t ss, uint32_t eflags);
extern uint32_t iret_probe_mask;

/* Resume a frame with cs, ss and eflags; check the ring, IOPL, NT and virtual IF
 * it runs with. */
static void check_iret(const char *what, uint32_t cs, uint32_t ss, uint32_t eflags)
{
	char label[80];
	uint32_t traps = test_trap.count;
	uint32_t cs_after = iret_probe(cs, ss, eflags);
	uint32_t want_if = eflags & PV_EFLAGS_IF;

	printf("iret-sanitise: %s: cs %04lx eflags %08lx -> cs %04lx eflags %08lx mask %lu\n", what,
	       (unsigned long)cs, (unsigned long)eflags, (unsigned long)cs_after,
	       (unsigned long)test_trap.eflags, (unsigned long)iret_probe_mask);
	snprintf(label, sizeof(label), "%s: #BP after resuming", what);
	TEST_EQ(test_trap.count, traps + 1, label);
	snprintf(label, sizeof(label), "%s: CS after resuming", what);
	TEST_EQ(cs_after, PV_SEL_KERNEL_CS, label);
	snprintf(label, sizeof(label), "%s: CS in the #BP frame", what);
	TEST_EQ(test_trap.cs, PV_SEL_KERNEL_CS, label);
	snprintf(label, sizeof(label), "%s: IOPL", what);
	TEST_EQ(test_trap.eflags & PV_EFLAGS_IOPL, 0, label);
	snprintf(label, sizeof(label), "%s: NT", what);
	TEST_EQ(test_trap.eflags & PV_EFLAGS_NT, 0, label);
	snprintf(label, sizeof(label), "%s: upcall_mask", what);
	TEST_EQ(iret_probe_mask, want_if ? 0 : 1, label);
	snprintf(label, sizeof(label), "%s: IF in the #BP frame", what);
	TEST_EQ(test_trap.eflags & PV_EFLAGS_IF, want_if, label);
}

int main(void)
{
	const uint32_t cs = PV_SEL_KERNEL_CS, ss = PV_SEL_KERNEL_DS;
	const uint32_t on = PV_EFLAGS_IF | PV_EFLAGS_FIXED, off = PV_EFLAGS_FIXED;

	test_traps_catch_all();
	check_iret("ring 0 selectors", cs & ~3u, ss & ~3u, on);
	check_iret("IOPL 3 and NT", cs, ss, on | PV_EFLAGS_IOPL | PV_EFLAGS_NT);
	check_iret("IF clear", cs, ss, off);
	check_iret("IF set again", cs, ss, on);
	check_iret("all of it, IF clear", cs & ~3u, ss & ~3u, off | PV_EFLAGS_IOPL | PV_EFLAGS_NT);
	pv_events_mask(); /* as at entry */
	test_finish();
}
