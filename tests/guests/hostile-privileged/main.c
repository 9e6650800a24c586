/* hostile-privileged: a guest kernel's privileged instructions never run natively.
 *
 * Attack: a ring-1 kernel tries what a ring-0 kernel would: mask interrupts, halt
 * the CPU, read and load control registers, load descriptor tables, read and
 * write MSRs, flush the TLB or caches, and poke I/O ports, including QEMU's
 * debug-exit port 0xf4, which would end the whole machine.
 *
 * Property: each one raises #GP(0), which hv reflects to the guest's own handler
 * at the faulting instruction, and the guest keeps running. (Were the OUT to port
 * 0xf4 executed, QEMU would exit at once and the runner would see the wrong status.)
 *
 * Like popek-gap, this guest contains sensitive instructions on purpose, and
 * `make test` checks that pvscan finds exactly these. */
#include "test.h"

struct attempt {
	const char *what;
	void (*run)(void);
	const char *at; /* the instruction's address */
};

/* Each attempt is one instruction between labels the trap handler can check. */
#define ATTEMPT(name, insn)                                                                       \
	extern char name##_at[];                                                                  \
	static void name(void)                                                                    \
	{                                                                                         \
		uint32_t scratch = 0;                                                             \
		TEST_EXPECT_TRAP(#name "_at: " insn, : "+a"(scratch) : : "memory", "ecx", "edx"); \
	}

ATTEMPT(do_cli, "cli")
ATTEMPT(do_sti, "sti")
ATTEMPT(do_hlt, "hlt")
ATTEMPT(do_read_cr0, "mov %%cr0, %%eax")
ATTEMPT(do_write_cr3, "mov %%eax, %%cr3")
ATTEMPT(do_lgdt, "lgdt (%%esp)")
ATTEMPT(do_lidt, "lidt (%%esp)")
ATTEMPT(do_rdmsr, "rdmsr")
ATTEMPT(do_wrmsr, "wrmsr")
ATTEMPT(do_invlpg, "invlpg (%%esp)")
ATTEMPT(do_wbinvd, "wbinvd")
ATTEMPT(do_clts, "clts")
ATTEMPT(do_in, "in $0x60, %%al")
ATTEMPT(do_out_debug_exit, "out %%al, $0xf4")

int main(void)
{
	static const struct attempt attempts[] = {
		{ "cli", do_cli, do_cli_at },
		{ "sti", do_sti, do_sti_at },
		{ "hlt", do_hlt, do_hlt_at },
		{ "mov from cr0", do_read_cr0, do_read_cr0_at },
		{ "mov to cr3", do_write_cr3, do_write_cr3_at },
		{ "lgdt", do_lgdt, do_lgdt_at },
		{ "lidt", do_lidt, do_lidt_at },
		{ "rdmsr", do_rdmsr, do_rdmsr_at },
		{ "wrmsr", do_wrmsr, do_wrmsr_at },
		{ "invlpg", do_invlpg, do_invlpg_at },
		{ "wbinvd", do_wbinvd, do_wbinvd_at },
		{ "clts", do_clts, do_clts_at },
		{ "in from port 0x60", do_in, do_in_at },
		{ "out to port 0xf4", do_out_debug_exit, do_out_debug_exit_at },
	};
	test_traps_catch_all();
	for (unsigned i = 0; i < sizeof(attempts) / sizeof(attempts[0]); i++) {
		uint32_t n = test_trap.count;
		attempts[i].run();
		test_check(test_trap.count == n + 1, "%s: ran natively (no trap)",
			   attempts[i].what);
		if (test_trap.count != n + 1)
			continue;
		test_check(test_trap.vector == 13 && test_trap.error_code == 0,
			   "%s: vector %lu error %lx, expected #GP(0)", attempts[i].what,
			   (unsigned long)test_trap.vector, (unsigned long)test_trap.error_code);
		test_check((test_trap.cs & 3) == 1, "%s: trap did not come from ring 1",
			   attempts[i].what);
		test_check(test_trap.eip == (uint32_t)attempts[i].at,
			   "%s: reported at %08lx, not at the instruction", attempts[i].what,
			   (unsigned long)test_trap.eip);
	}
	printf("hostile-privileged: %u privileged instructions reflected as #GP\n",
	       (unsigned)(sizeof(attempts) / sizeof(attempts[0])));
	test_finish();
}
