/* registers-preserved: a hypercall changes EAX and nothing else.
 *
 * Property: after a hypercall, EBX ECX EDX ESI EDI EBP, ESP, the data segment
 * registers and the arithmetic flags (OF SF ZF AF PF CF) hold exactly what they
 * held before, whether the call succeeds, fails, is unknown or yields, and whether
 * it goes through int 0x82 directly or through the hypercall page (whose transport
 * is int 0x82 here and VMCALL in the registers-preserved-vmcall variant). probe.S
 * makes each call with every register loaded by hand. */
#include "test.h"

#include "probe.h"

static char line[] = "registers-preserved: console_io with every register loaded\n";

/* The code probe_run calls for hypercall nr: int 0x82 itself, or nr's page slot. */
static uint32_t target(int via_page, uint32_t nr)
{
	return via_page ? (uint32_t)PV_HYPERCALL_SLOT(nr) : (uint32_t)probe_int82;
}

/* Make hypercall nr through the page or int 0x82 with every register loaded; check
 * that EAX is want and that every other register came back unchanged. */
static void probe(const char *what, int via_page, int set_flags, uint32_t nr, uint32_t ebx,
		  uint32_t ecx, uint32_t edx, long want)
{
	probe_in = (struct probe_regs){ .eax = nr,
					.ebx = ebx,
					.ecx = ecx,
					.edx = edx,
					.esi = 0x5E5E0001,
					.edi = 0xD1D10002,
					.ebp = 0xBEBE0003,
					.ds = PV_SEL_USER_DS,
					.es = PV_SEL_USER_DS,
					.fs = PV_SEL_KERNEL_DS,
					.gs = PV_SEL_USER_DS };
	probe_target = target(via_page, nr);
	probe_set_flags = set_flags;
	probe_run();

	struct probe_regs want_regs = probe_in;
	want_regs.eax = (uint32_t)want;
	want_regs.esp = probe_esp_before;
	want_regs.flags = set_flags ? PROBE_FLAGS_SET : PROBE_FLAGS_CLEAR;
#define CHECK(reg)                                                                  \
	test_check(probe_out.reg == want_regs.reg,                                  \
		   "%s via %s, flags %s: " #reg " is 0x%lx, expected 0x%lx", what,  \
		   via_page ? "the page" : "int 0x82", set_flags ? "set" : "clear", \
		   (unsigned long)probe_out.reg, (unsigned long)want_regs.reg)
	CHECK(eax);
	CHECK(ebx);
	CHECK(ecx);
	CHECK(edx);
	CHECK(esi);
	CHECK(edi);
	CHECK(ebp);
	CHECK(esp);
	CHECK(ds);
	CHECK(es);
	CHECK(fs);
	CHECK(gs);
	CHECK(flags);
#undef CHECK
}

int main(void)
{
	int vmcall = (pv_start_info->flags & PV_SIF_TRANSPORT_VMCALL) != 0;
	printf("registers-preserved: the hypercall page uses %s\n", vmcall ? "vmcall" : "int 0x82");
	fflush(stdout); /* the console_io probes below bypass stdio */

	for (int page = 0; page < 2; page++) {
		for (int set = 0; set < 2; set++) {
			probe("version(ABI)", page, set, PV_HC_VERSION, PV_VERSION_ABI, 0xC0C00001,
			      0xDEDE0002, PV_ABI_VERSION);
			probe("version(bad)", page, set, PV_HC_VERSION, 0xB0B00000, 0xC0C00001,
			      0xDEDE0002, -PV_EINVAL);
			probe("console_io", page, set, PV_HC_CONSOLE_IO, PV_CONSOLEIO_WRITE,
			      sizeof(line) - 1, (uint32_t)line, sizeof(line) - 1);
			probe("sched_op(YIELD)", page, set, PV_HC_SCHED_OP, PV_SCHEDOP_YIELD,
			      0xC0C00001, 0xDEDE0002, 0);
			probe("hypercall 100", page, set, 100, 0xB0B00000, 0xC0C00001, 0xDEDE0002,
			      -PV_ENOSYS);
		}
	}
	test_finish();
}
