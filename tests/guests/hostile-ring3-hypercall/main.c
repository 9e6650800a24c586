/* hostile-ring3-hypercall: ring 3 cannot make hypercalls, by any transport.
 *
 * Attack: a guest user program asks hv to shut the domain down (sched_op
 * SHUTDOWN), once through each transport: int 0x82, VMCALL, and the hypercall
 * page slot. Were hv to run any of them, the domain would end and no result line
 * would appear.
 *
 * Expected: the int 0x82 gate has DPL 1, so ring 3 gets #GP with error code
 * 0x82 * 8 + 2 = 0x412 (the IDT entry, IDT flag set); VMCALL in ring 3 is just an
 * invalid opcode, #UD, which hv does not decode; the page slot faults like the
 * domain's transport. Each fault is bounced to the guest kernel on its
 * stack_switch stack with the user CS in the frame and EIP at the instruction.
 * The handler records it and returns to ring 1 by rewriting the bounce frame, and
 * the kernel, still alive, checks what was recorded. */
#include "test.h"

#define GP_INT82_ERROR (PV_HYPERCALL_VECTOR * 8 + 2)

static uint8_t trap_stack[4096] __attribute__((aligned(16)));
static uint8_t user_stack[4096] __attribute__((aligned(16)));
static uint8_t resume_stack[4096] __attribute__((aligned(16)));

static const enum pv_transport transports[] = { PV_TRANSPORT_INT82, PV_TRANSPORT_VMCALL,
						PV_TRANSPORT_PAGE };
static const char *const transport_names[] = { "int 0x82", "vmcall", "hypercall page" };
#define NR_ATTEMPTS 3

static volatile uint32_t attempt;
static volatile uint32_t user_returned; /* the hypercall came back to ring 3 */
static struct pv_trap_regs seen[NR_ATTEMPTS];

static uint32_t stack_top(uint8_t *stack, uint32_t size)
{
	return (uint32_t)(stack + size) - 4; /* as if called: a return-address slot */
}

/* Ring 3: ask for shutdown. Only reached again if hv let the hypercall through. */
static void user_main(void)
{
	pv_hypercall_via(transports[attempt], PV_HC_SCHED_OP, PV_SCHEDOP_SHUTDOWN,
			 PV_SHUTDOWN_POWEROFF, 0, 0, 0);
	user_returned = 1;
	__asm__ volatile("int3"); /* a DPL-3 trap: back to the kernel */
	for (;;)
		;
}

static __attribute__((noreturn)) void next_attempt(void);

/* Ring 1 again, on a fresh stack: judge the attempt that just trapped. */
static __attribute__((noreturn)) void kernel_resume(void)
{
	const struct pv_trap_regs *r = &seen[attempt];
	const char *how = transport_names[attempt];
	enum pv_transport t = transports[attempt];
	if (t == PV_TRANSPORT_PAGE)
		t = pv_start_info->flags & PV_SIF_TRANSPORT_VMCALL ? PV_TRANSPORT_VMCALL :
								     PV_TRANSPORT_INT82;
	const uint8_t *insn = (const uint8_t *)r->eip;

	printf("ring 3 via %s: vector %lu error 0x%lx at %08lx\n", how, (unsigned long)r->vector,
	       (unsigned long)r->error_code, (unsigned long)r->eip);
	test_check(!user_returned, "%s: the hypercall returned to ring 3", how);
	test_check(r->cs == PV_SEL_USER_CS, "%s: trapped cs 0x%lx, not ring 3's", how,
		   (unsigned long)r->cs);
	if (t == PV_TRANSPORT_INT82) {
		test_check(r->vector == 13 && r->error_code == GP_INT82_ERROR,
			   "%s: got vector %lu error 0x%lx, expected #GP 0x%x", how,
			   (unsigned long)r->vector, (unsigned long)r->error_code, GP_INT82_ERROR);
		test_check(insn[0] == 0xCD && insn[1] == PV_HYPERCALL_VECTOR,
			   "%s: eip %08lx is not at the int 0x82", how, (unsigned long)r->eip);
	} else {
		test_check(r->vector == 6, "%s: got vector %lu, expected #UD", how,
			   (unsigned long)r->vector);
		test_check(insn[0] == 0x0F && insn[1] == 0x01 && insn[2] == 0xC1,
			   "%s: eip %08lx is not at the vmcall", how, (unsigned long)r->eip);
	}
	if (transports[attempt] == PV_TRANSPORT_PAGE) {
		uint32_t slot = (uint32_t)PV_HYPERCALL_SLOT(PV_HC_SCHED_OP);
		test_check(r->eip > slot && r->eip < slot + PV_HYPERCALL_SLOT_SIZE,
			   "%s: eip %08lx is not in the sched_op slot", how, (unsigned long)r->eip);
	}
	attempt++;
	next_attempt();
}

/* The kernel's handler for #GP, #UD and #BP: any of them from ring 3 ends the
 * attempt; from ring 1 it is a test bug. */
static void on_trap(struct pv_trap_regs *regs)
{
	if ((regs->cs & 3) != 3)
		test_error("a trap in ring 1");
	seen[attempt] = *regs;
	regs->cs = PV_SEL_KERNEL_CS;
	regs->ss = PV_SEL_KERNEL_DS;
	regs->eip = (uint32_t)kernel_resume;
	regs->esp = stack_top(resume_stack, sizeof(resume_stack));
}

static __attribute__((noreturn)) void next_attempt(void)
{
	if (attempt == NR_ATTEMPTS) {
		TEST_EQ(hv_version(PV_VERSION_ABI), PV_ABI_VERSION, "version after the attempts");
		test_finish();
	}
	user_returned = 0;
	pv_enter_user((uint32_t)user_main, stack_top(user_stack, sizeof(user_stack)));
}

int main(void)
{
	pv_trap_set(3, on_trap, PV_TRAP_DPL(3));
	pv_trap_set(6, on_trap, 0);
	pv_trap_set(13, on_trap, 0);
	if (pv_traps_install() != 0)
		test_error("set_trap_table refused the test's table");
	long r = hv_stack_switch(PV_SEL_KERNEL_DS, stack_top(trap_stack, sizeof(trap_stack)) + 4);
	if (r != 0)
		test_error("stack_switch refused the kernel stack");
	next_attempt();
}
