/* ring3-traps: a fault in ring 3 reaches the guest kernel, on the kernel's stack.
 *
 * Property: with a kernel stack set by stack_switch, an invalid opcode and a page
 * fault taken by ring-3 code (entered with pv_enter_user) are delivered to the
 * ring-1 handler with a bounce frame at the top of that stack, showing the user
 * CS and SS (RPL 3), the faulting EIP and the user ESP, and for the page fault
 * error code U|W and cr2. The handler can then resume ring 1 by rewriting the
 * frame, which is how this test gets back from each trip (test_run_user). Guest pages
 * are mapped with the user bit for now, so ring 3 can run the code in this image. */
#include "test.h"

extern char user_ud2[], user_store[];

#define PF_WRITE 0x2u
#define PF_USER 0x4u

static uint8_t kernel_stack[4096] __attribute__((aligned(16)));
static uint32_t user_stack[256] __attribute__((aligned(16)));

/* What the handler saw. */
static struct {
	struct pv_trap_regs regs;
	uint32_t frame;	     /* address of the bounce frame (its error_code word) */
	uint32_t handler_cs; /* CS the handler ran with */
	uint32_t handler_ds; /* DS the handler ran with */
	uint32_t cr2;
	uint32_t count;
} seen;

/* Record the trap, then resume ring 1 at ring1_resume instead of the user code. */
static void user_trap(struct pv_trap_regs *regs)
{
	uint16_t cs, ds;
	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	__asm__ volatile("mov %%ds, %0" : "=r"(ds));
	seen.regs = *regs;
	seen.frame = (uint32_t)&regs->error_code;
	seen.handler_cs = cs;
	seen.handler_ds = ds;
	seen.cr2 = pv_shared_info->vcpu[0].cr2;
	seen.count++;
	test_resume_ring1(regs);
}

static void check_field(const char *what, const char *field, uint32_t got, uint32_t want)
{
	test_check(got == want, "%s: %s is 0x%lx, expected 0x%lx", what, field, (unsigned long)got,
		   (unsigned long)want);
}

/* Run user code at eip; check it trapped once with vector and error_code. */
static void check_user_trap(const char *what, const void *eip, uint32_t vector, uint32_t error_code)
{
	const uint32_t kernel_top = (uint32_t)kernel_stack + sizeof(kernel_stack);
	const uint32_t user_top = (uint32_t)user_stack + sizeof(user_stack);
	uint32_t count = seen.count;

	test_run_user((uint32_t)eip, user_top);
	printf("ring3-traps: %s: vector %lu error %lx eip %08lx cs %04lx frame %08lx\n", what,
	       (unsigned long)seen.regs.vector, (unsigned long)seen.regs.error_code,
	       (unsigned long)seen.regs.eip, (unsigned long)seen.regs.cs,
	       (unsigned long)seen.frame);
	check_field(what, "traps taken", seen.count - count, 1);
	check_field(what, "vector", seen.regs.vector, vector);
	check_field(what, "error code", seen.regs.error_code, error_code);
	check_field(what, "eip", seen.regs.eip, (uint32_t)eip);
	check_field(what, "cs", seen.regs.cs, PV_SEL_USER_CS);
	check_field(what, "ss", seen.regs.ss, PV_SEL_USER_DS);
	check_field(what, "esp", seen.regs.esp, user_top);
	check_field(what, "bounce frame address", seen.frame,
		    kernel_top - sizeof(struct pv_bounce_frame));
	check_field(what, "handler cs", seen.handler_cs, PV_SEL_KERNEL_CS);
	check_field(what, "handler ds (the library loads the kernel's)", seen.handler_ds,
		    PV_SEL_KERNEL_DS);
	check_field(what, "interrupted ds", seen.regs.ds & 0xFFFF, PV_SEL_USER_DS);
}

int main(void)
{
	test_traps_catch_all();
	pv_trap_set(6, user_trap, 0);
	pv_trap_set(14, user_trap, 0);
	if (pv_traps_install() != 0)
		test_error("set_trap_table refused the handlers");
	long r = hv_stack_switch(PV_SEL_KERNEL_DS, (uint32_t)kernel_stack + sizeof(kernel_stack));
	if (r != 0)
		test_error("stack_switch refused the kernel stack");

	check_user_trap("ud2", user_ud2, 6, 0);
	check_user_trap("store to 0x1000", user_store, 14, PF_USER | PF_WRITE);
	check_field("store to 0x1000", "cr2", seen.cr2, 0x1000);
	pv_events_mask(); /* pv_enter_user turned the virtual IF on */
	test_finish();
}
