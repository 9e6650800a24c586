/* main.c: pvguest, a guest kernel written for pv32: boot, then run user processes.
 *
 * Everything a kernel would normally do with a privileged instruction it does here
 * with a hypercall or a store to shared memory:
 *
 *   instead of          pvguest uses
 *   LIDT                set_trap_table (through pv_traps_install)
 *   SIDT                emulate_store_idt(), which asks hv for the *virtual* IDT
 *   CLI / STI           pv_events_mask() / pv_events_unmask(): shared_info stores
 *   IRET                the iret hypercall (inside the library's trap stubs)
 *   OUT to a UART       console_io (through newlib's printf)
 *   HLT when idle       sched_op block (kernel/sched.c)
 *   ACPI power-off      sched_op shutdown
 *   program a timer     set_timer_op; its VIRQ arrives as an upcall (kernel/clock.c)
 *   stores to a page    mmu_update batches, update_va_mapping (kernel/mmu.c)
 *     table
 *   MOV to CR3          mmuext_op NEW_BASEPTR (kernel/vm.c)
 *   TSS esp0            stack_switch, once per process switch (kernel/sched.c)
 *
 * Boot goes in two halves. The first checks the ring and the virtual IDT and takes
 * a breakpoint, as pvguest's first version did. The second is an operating
 * system: it makes its own memory supervisor-only, takes the free pages into a
 * frame allocator, starts a timer tick that preempts processes, and starts init,
 * a user program in ring 3 in an address space of its own, which starts the
 * others through system calls.
 *
 * `tools/pvscan build/pvguest/pvguest.elf` proves that no sensitive instruction is
 * left in the binary. */
#include <pv/guest.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "frames.h"
#include "kmap.h"
#include "mmu.h"
#include "proc.h"
#include "sched.h"
#include "traps.h"
#include "vm.h"

/* The ring this code runs in: the RPL of CS. Reading CS is not privileged. */
static unsigned current_ring(void)
{
	uint16_t cs;
	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	return cs & 3;
}

/* Compare what hv reports as our IDT register with the table we registered. */
static int virtual_idt_matches(void)
{
	uint32_t count;
	const struct pv_trap_info *table = pv_traps_table(&count);
	struct pv_desc_ptr idtr;
	memset(&idtr, 0xA5, sizeof(idtr)); /* so a missing write would show */
	if (emulate_store_idt(&idtr) != 0)
		return 0;
	return idtr.base == (uint32_t)table && idtr.limit == count * sizeof(*table) - 1 &&
	       idtr.base < PV_HV_START;
}

/* init's arguments: "init", then every word of the module command line after the
 * module's path (like Linux, which hands init the words it does not use itself).
 * "hostile=1" there makes init also run the programs that get killed. */
static int init_args(const char *argv[PROC_ARGS_MAX])
{
	static char words[PV_CMDLINE_MAX];
	strlcpy(words, pv_start_info->cmdline, sizeof(words));
	int argc = 0;
	argv[argc++] = "init";
	char *rest = words;
	strsep(&rest, " "); /* the path */
	for (char *w; argc < PROC_ARGS_MAX && (w = strsep(&rest, " "));)
		if (*w)
			argv[argc++] = w;
	return argc;
}

/* The second half of boot: memory, then processes until the last one ends.
 * 0, or 1 if something went wrong. */
static int run_processes(void)
{
	frames_init();
	unsigned calls;
	long entries = kmap_protect(&calls);
	if (entries == -PV_ENOSYS) {
		printf("pvguest: this hv has no direct paging, so no user processes\n");
		return 0;
	}
	if (entries < 0) {
		printf("pvguest: mmu_update refused to protect the kernel: error %ld\n", entries);
		return 1;
	}
	printf("pvguest: kernel mappings made supervisor-only: %ld entries, %u mmu_update "
	       "call%s\n",
	       entries, calls, calls == 1 ? "" : "s");
	vm_init();
	printf("pvguest: %u free frames for processes, %u KiB of kernel heap\n",
	       (unsigned)frames_pool_size(), KERNEL_HEAP_BYTES / 1024);

	long r = clock_init();
	if (r != 0) {
		printf("pvguest: cannot start the timer tick: error %ld\n", r);
		return 1;
	}
	printf("pvguest: preemptive scheduling: PV_VIRQ_TIMER on event port %u, a tick "
	       "every %u ms\n",
	       (unsigned)clock_port(), (unsigned)(CLOCK_TICK_NS / 1000000u));

	const char *argv[PROC_ARGS_MAX];
	int argc = init_args(argv);
	int pid = proc_spawn("init", argc, argv, 0);
	if (pid < 0) {
		printf("pvguest: cannot start init: error %d\n", pid);
		return 1;
	}
	printf("pvguest: starting init (pid %d) in ring 3\n", pid);
	if (sched_run() != 0) {
		printf("pvguest: every process left is waiting: deadlock\n");
		return 1;
	}
	printf("pvguest: no processes left; %u of %u frames free, %u page-table hypercalls\n",
	       (unsigned)frames_available(), (unsigned)frames_pool_size(), mmu_hypercalls());
	return 0;
}

int main(void)
{
	printf("pvguest: hello from domain %u (%s)\n", (unsigned)pv_start_info->domid,
	       pv_start_info->cmdline);
	long abi = hv_version(PV_VERSION_ABI);
	printf("pvguest: hypercall ABI %ld.%ld, %u KiB of memory at 0x%08x\n", abi >> 16,
	       abi & 0xFFFF, (unsigned)pv_start_info->nr_pages * 4,
	       (unsigned)pv_start_info->virt_base);

	if (traps_init() != 0) {
		printf("pvguest: set_trap_table failed\n");
		return 1;
	}

	printf("pvguest: running in ring %u\n", current_ring());

	if (!virtual_idt_matches()) {
		printf("pvguest: emulate_store_idt returned something else\n");
		return 1;
	}
	printf("pvguest: emulate_store_idt ok\n");

	/* The virtual IF: hv started us with events masked; "STI" is a store. */
	printf("pvguest: virtual IF at entry: events %s\n",
	       pv_shared_info->vcpu[0].upcall_mask ? "masked" : "unmasked");
	pv_events_unmask();
	pv_events_mask();

	printf("pvguest: taking a breakpoint\n");
	unsigned before = traps_breakpoints_taken();
	__asm__ volatile("int3");
	if (traps_breakpoints_taken() != before + 1) {
		printf("pvguest: breakpoint handler did not run\n");
		return 1;
	}

	int status = run_processes();
	printf("pvguest: powering off\n");
	return status;
}
