/* emulate-cli: with emulate=1, hv emulates the guest kernel's CLI and STI on the
 * virtual IF, as the lecture's VMM does; without it they stay #GP.
 *
 * The lecture's example: the guest's CLI clears an interrupt flag kept for that VM
 * in the VMM's own structure, while the real IF is untouched and real interrupts
 * still reach the VMM, which just stops passing them on. Here that flag is
 * vcpu[0].upcall_mask in shared_info (arch/emulate_cli.h, docs/virtual-if.md).
 *
 * Property, with emulate=1 on the command line (test.conf):
 *  1. CLI sets upcall_mask to 1 and STI sets it to 0. After each, the very next
 *     instruction runs, and no trap reaches the guest's handlers.
 *  2. The real IF stays set throughout, as PUSHF shows: ring 1 can read it (the
 *     Popek-Goldberg gap), and it is what lets the PIT keep interrupting hv.
 *  3. An event sent after CLI waits: upcall_pending is set and no upcall runs.
 *     The STI lets it in at once. The upcall has run when the instruction after
 *     the STI runs (hv does not emulate STI's one-instruction shadow).
 *  4. A CLI in ring 3 is still a #GP for the guest kernel: the virtual CPU's CPL
 *     is 3 there and IOPL 0, so a real CPU would fault too.
 * Without emulate=1 (emulate-cli-off, the same guest): CLI and STI raise #GP(0)
 * at the instruction, which hv reflects to the handler, and upcall_mask does not
 * change. Check 4 holds as well.
 *
 * This guest contains CLI, STI and PUSHF on purpose; guests.mk lists them for pvscan. */
#include <string.h>

#include "test.h"

#define VEC_GP 13

extern char cli_at[], sti_at[], user_cli[];

static uint8_t kernel_stack[4096] __attribute__((aligned(16)));
static uint32_t user_stack[256] __attribute__((aligned(16)));

static volatile uint32_t cli_ran_on, sti_ran_on; /* the instruction after each ran */
static volatile uint32_t upcalls, sti_ran_at_upcall;
static volatile struct pv_vcpu_info *vcpu;

/* Ring-3 code: a CLI, then a UD2 in case it was not a fault. */
__asm__(".pushsection .text\n"
	"user_cli: cli\n\t"
	"ud2\n"
	".popsection");

/* CLI, then a store the trap handler's resume point skips. */
__attribute__((noinline)) static void do_cli(void)
{
	TEST_EXPECT_TRAP("cli_at: cli\n\tmovl $1, %0", : "+m"(cli_ran_on) : : "memory");
}

__attribute__((noinline)) static void do_sti(void)
{
	TEST_EXPECT_TRAP("sti_at: sti\n\tmovl $1, %0", : "+m"(sti_ran_on) : : "memory");
}

/* The real IF, which ring 1 may read with PUSHF but not change. */
static uint32_t real_if(void)
{
	uint32_t flags;
	__asm__ volatile("pushf\n\tpop %0" : "=r"(flags));
	return flags & PV_EFLAGS_IF;
}

static void on_event(uint32_t port)
{
	(void)port;
	sti_ran_at_upcall = sti_ran_on;
	upcalls++;
}

/* Whether hv was given emulate=1: the word is on our own command line. */
static int emulate_requested(void)
{
	char line[PV_CMDLINE_MAX + 2];
	snprintf(line, sizeof(line), " %s ", pv_start_info->cmdline);
	return strstr(line, " emulate=1 ") != NULL;
}

/* The trap the last CLI or STI attempt raised: #GP(0) at at, from ring 1. */
static void check_reflected(const char *what, uint32_t traps_before, const char *at)
{
	TEST_EQ(test_trap.count - traps_before, 1, what);
	TEST_EQ(test_trap.vector, VEC_GP, "vector of the trap");
	TEST_EQ(test_trap.error_code, 0, "its error code");
	TEST_EQ(test_trap.eip, (uint32_t)at, "its eip: the instruction itself");
	TEST_EQ(test_trap.cs & 3, 1, "the ring it came from");
}

/* 1, 2 and 3 with emulate=1. */
static void check_emulated(void)
{
	uint32_t traps = test_trap.count;
	long p = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, pv_start_info->domid, 0);
	long q = hv_evtchn_op(PV_EVTCHNOP_BIND_INTERDOMAIN, pv_start_info->domid, (uint32_t)p);
	test_check(p > 0 && q > 0, "loopback channel: ports %ld and %ld", p, q);
	if (p <= 0 || q <= 0)
		test_finish();
	TEST_EQ(pv_event_port_unmask((uint32_t)q), 0, "unmask q");
	pv_events_unmask();

	do_cli();
	TEST_EQ(cli_ran_on, 1, "the instruction after CLI ran");
	TEST_EQ(vcpu->upcall_mask, 1, "upcall_mask after CLI");
	TEST_EQ(real_if(), PV_EFLAGS_IF, "the real IF after CLI");

	TEST_EQ(hv_evtchn_op(PV_EVTCHNOP_SEND, (uint32_t)p, 0), 0, "send after CLI");
	TEST_EQ(vcpu->upcall_pending, 1, "upcall_pending after the send");
	TEST_EQ(upcalls, 0, "upcalls while the virtual IF is clear");

	do_sti();
	TEST_EQ(sti_ran_on, 1, "the instruction after STI ran");
	TEST_EQ(upcalls, 1, "upcalls right after STI");
	TEST_EQ(sti_ran_at_upcall, 0, "the upcall ran before the instruction after STI");
	TEST_EQ(vcpu->upcall_mask, 0, "upcall_mask after STI and the upcall's iret");
	TEST_EQ(vcpu->upcall_pending, 0, "upcall_pending after the upcall");
	TEST_EQ(real_if(), PV_EFLAGS_IF, "the real IF after STI");

	TEST_EQ(test_trap.count - traps, 0, "traps that reached the guest's handlers");
	printf("emulate-cli: CLI and STI emulated on the virtual IF, real IF untouched\n");
}

/* Without emulate=1: reflected, the virtual IF unchanged. */
static void check_reflected_both(void)
{
	uint32_t traps = test_trap.count;
	pv_events_unmask();
	do_cli();
	check_reflected("traps from CLI", traps, cli_at);
	TEST_EQ(cli_ran_on, 0, "the handler resumed past the instruction after CLI");
	TEST_EQ(vcpu->upcall_mask, 0, "upcall_mask after a reflected CLI");

	pv_events_mask();
	traps = test_trap.count;
	do_sti();
	check_reflected("traps from STI", traps, sti_at);
	TEST_EQ(sti_ran_on, 0, "the handler resumed past the instruction after STI");
	TEST_EQ(vcpu->upcall_mask, 1, "upcall_mask after a reflected STI");
	TEST_EQ(real_if(), PV_EFLAGS_IF, "the real IF");
	printf("emulate-cli: CLI and STI reflected as #GP(0)\n");
}

/* 4: what ring 3's trap was; then back to ring 1, whatever it was. */
static volatile uint32_t user_traps, user_vector, user_eip, user_cs;

static void user_trap(struct pv_trap_regs *regs)
{
	user_vector = regs->vector;
	user_eip = regs->eip;
	user_cs = regs->cs;
	user_traps++;
	test_resume_ring1(regs);
}

/* Entered with events unmasked: were the CLI emulated, the trap (the UD2 after
 * it) would carry a clear virtual IF back into ring 1. */
static void check_ring3(void)
{
	pv_trap_set(VEC_GP, user_trap, 0);
	pv_trap_set(6, user_trap, 0); /* the UD2, were the CLI emulated */
	if (pv_traps_install() != 0 ||
	    hv_stack_switch(PV_SEL_KERNEL_DS, (uint32_t)kernel_stack + sizeof(kernel_stack)) != 0)
		test_error("set_trap_table or stack_switch refused");
	test_run_user((uint32_t)user_cli, (uint32_t)user_stack + sizeof(user_stack));
	TEST_EQ(user_traps, 1, "traps from ring 3's CLI");
	TEST_EQ(user_vector, VEC_GP, "vector of ring 3's CLI");
	TEST_EQ(user_eip, (uint32_t)user_cli, "its eip");
	TEST_EQ(user_cs, PV_SEL_USER_CS, "its cs");
	TEST_EQ(vcpu->upcall_mask, 0, "upcall_mask after ring 3's CLI");
}

int main(void)
{
	vcpu = &pv_shared_info->vcpu[0];
	test_traps_catch_all();
	TEST_EQ(pv_events_install(on_event), 0, "set_callbacks");
	TEST_EQ(real_if(), PV_EFLAGS_IF, "the real IF at the start");
	if (emulate_requested())
		check_emulated();
	else
		check_reflected_both();
	pv_events_unmask();
	check_ring3();
	pv_events_mask();
	test_finish();
}
