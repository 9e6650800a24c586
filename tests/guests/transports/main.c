/* transports: every way into hv reaches the same handlers with the same results.
 *
 * Property: version(ABI), version(FEATURES), version(bad command), a short
 * console_io write and unknown hypercall numbers give identical results through
 * int 0x82, VMCALL and the hypercall page. The page's stubs use the transport
 * start_info.flags names, which is the one the module command line asked for
 * (the transports-vmcall variant runs this guest with hypercall=vmcall). */
#include "test.h"

#include <string.h>

static const struct {
	enum pv_transport id;
	const char *name;
} transports[] = {
	{ PV_TRANSPORT_PAGE, "page" },
	{ PV_TRANSPORT_INT82, "int 0x82" },
	{ PV_TRANSPORT_VMCALL, "vmcall" },
};

static const uint8_t int82_insn[] = { 0xCD, 0x82 };
static const uint8_t vmcall_insn[] = { 0x0F, 0x01, 0xC1 };

/* Whether the len bytes of insn occur anywhere in the 32-byte slot. */
static int slot_has(const uint8_t *slot, const uint8_t *insn, size_t len)
{
	for (size_t i = 0; i + len <= PV_HYPERCALL_SLOT_SIZE; i++)
		if (memcmp(slot + i, insn, len) == 0)
			return 1;
	return 0;
}

/* Check one hypercall's result through transport t. */
static void expect(int t, uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3, long want,
		   const char *what)
{
	char label[96];
	long got = pv_hypercall_via(transports[t].id, nr, a1, a2, a3, 0, 0);
	snprintf(label, sizeof(label), "%s via %s", what, transports[t].name);
	TEST_EQ(got, want, label);
}

int main(void)
{
	static char hello[] = "transports: hello through each transport\n";
	/* Whatever hv reports through its default path, every transport must agree. */
	const uint32_t all = (uint32_t)hv_version(PV_VERSION_FEATURES);
	const long enosys = -PV_ENOSYS;

	const uint32_t transports_bits = PV_FEAT_INT82 | PV_FEAT_VMCALL | PV_FEAT_HYPERCALL_PAGE;
	TEST_EQ(all & transports_bits, transports_bits, "feature bits of the three transports");
	fflush(stdout); /* the raw console writes below must not interleave with stdio */
	for (int t = 0; t < 3; t++) {
		expect(t, PV_HC_VERSION, PV_VERSION_ABI, 0, 0, PV_ABI_VERSION, "version(ABI)");
		expect(t, PV_HC_VERSION, PV_VERSION_FEATURES, 0, 0, all, "version(FEATURES)");
		expect(t, PV_HC_VERSION, 2, 0, 0, -PV_EINVAL, "version(2)");
		expect(t, PV_HC_CONSOLE_IO, PV_CONSOLEIO_WRITE, strlen(hello), (uint32_t)hello,
		       strlen(hello), "console_io(WRITE)");
		expect(t, PV_HC_COUNT, 0, 0, 0, enosys, "hypercall PV_HC_COUNT");
		expect(t, 100, 0, 0, 0, enosys, "hypercall 100");
		expect(t, 127, 0, 0, 0, enosys, "hypercall 127");
		if (transports[t].id != PV_TRANSPORT_PAGE) /* the page has no slot for it */
			expect(t, 0xFFFFFFFFu, 0, 0, 0, enosys, "hypercall 0xFFFFFFFF");
	}

	/* The builder filled every slot for the transport it was told to use. */
	int vmcall = (pv_start_info->flags & PV_SIF_TRANSPORT_VMCALL) != 0;
	int asked_vmcall = strstr(pv_start_info->cmdline, "hypercall=vmcall") != NULL;
	printf("transports: hypercall page uses %s\n", vmcall ? "vmcall" : "int 0x82");
	TEST_EQ(vmcall, asked_vmcall, "start_info.flags VMCALL vs command line");
	TEST_EQ(pv_start_info->hypercall_page, (uint32_t)hypercall_page, "hypercall page address");
	for (uint32_t nr = 0; nr < PV_PAGE_SIZE / PV_HYPERCALL_SLOT_SIZE; nr++) {
		const uint8_t *slot = PV_HYPERCALL_SLOT(nr);
		int has_vmcall = slot_has(slot, vmcall_insn, sizeof(vmcall_insn));
		int has_int82 = slot_has(slot, int82_insn, sizeof(int82_insn));
		test_check(has_vmcall == vmcall && has_int82 == !vmcall,
			   "slot %lu: vmcall %d, int 0x82 %d, expected the %s stub",
			   (unsigned long)nr, has_vmcall, has_int82,
			   vmcall ? "vmcall" : "int 0x82");
	}
	test_finish();
}
