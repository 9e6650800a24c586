/* main.c: pvguest, a guest kernel written for pv32, first version.
 *
 * Everything a kernel would normally do with a privileged instruction it does here
 * with a hypercall or a store to shared memory:
 *
 *   instead of      pvguest uses
 *   LIDT            set_trap_table (through pv_traps_install)
 *   SIDT            emulate_store_idt(), which asks hv for the *virtual* IDT
 *   CLI / STI       pv_events_mask() / pv_events_unmask(): shared_info stores
 *   IRET            the iret hypercall (inside the library's trap stubs)
 *   OUT to a UART   console_io (through newlib's printf)
 *   HLT / ACPI off  sched_op shutdown
 *
 * `tools/pvscan build/pvguest/pvguest.elf` proves that no sensitive instruction is
 * left in the binary. */
#include <pv/guest.h>
#include <stdio.h>
#include <string.h>

#include "traps.h"

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

	printf("pvguest: powering off\n");
	return 0;
}
