/* main.c: hv's C entry point, from a booted CPU to the first guest instruction.
 *
 * TOUR 2: hv_main sets up the machine (serial console, descriptor tables, the
 * interrupt controller, paging and the trampoline, the FPU, the frame allocator),
 * then turns each multiboot module into a domain. A module that fails validation
 * is reported in one line and skipped; the others still boot. Then the scheduler
 * enters the first domain, and hv only ever runs again when a guest traps. */
#include <pv/abi_gen.h>
#include <pv/layout.h>

#include "arch/gdt.h"
#include "arch/fpu.h"
#include "arch/idt.h"
#include "arch/trampoline.h"
#include "boot/multiboot.h"
#include "dev/debug_exit.h"
#include "dev/pic.h"
#include "dev/pit.h"
#include "dev/uart.h"
#include "dom/builder.h"
#include "dom/domain.h"
#include "dom/sched.h"
#include "ev/time.h"
#include "lib/printf.h"
#include "mm/frames.h"
#include "mm/paging.h"

extern char _hv_start[], _hv_end[];

/* The end of everything the boot loader placed after hv: info, strings, modules. */
static uint32_t boot_data_end(const struct multiboot_info *mbi, uint32_t mbi_phys)
{
	uint32_t end = mbi_phys + sizeof(*mbi);
	if (mbi->flags & MBI_FLAG_MMAP && mbi->mmap_addr + mbi->mmap_length > end)
		end = mbi->mmap_addr + mbi->mmap_length;
	if (mbi->flags & MBI_FLAG_MODS) {
		const struct multiboot_module *mods = phys_to_virt(mbi->mods_addr);
		uint32_t table_end = mbi->mods_addr + mbi->mods_count * sizeof(*mods);
		if (table_end > end)
			end = table_end;
		for (uint32_t i = 0; i < mbi->mods_count; i++) {
			if (mods[i].mod_end > end)
				end = mods[i].mod_end;
			uint32_t s = mods[i].cmdline;
			if (s) {
				while (*(const char *)phys_to_virt(s))
					s++;
				if (s + 1 > end)
					end = s + 1;
			}
		}
	}
	return end;
}

/* Build one domain per module, reporting each outcome in one line. */
static void build_domains(const struct multiboot_info *mbi)
{
	if (!(mbi->flags & MBI_FLAG_MODS) || mbi->mods_count == 0) {
		printk("hv: no modules: nothing to run\n");
		return;
	}
	const struct multiboot_module *mods = phys_to_virt(mbi->mods_addr);
	for (uint32_t i = 0; i < mbi->mods_count; i++) {
		const struct multiboot_module *m = &mods[i];
		const char *cmdline = m->cmdline ? phys_to_virt(m->cmdline) : "";
		const char *why;
		struct domain *d = 0;
		if (m->mod_end < m->mod_start || m->mod_end > HV_DIRECTMAP_LIMIT)
			why = "module lies outside hv's direct map";
		else
			d = domain_build(phys_to_virt(m->mod_start), m->mod_end - m->mod_start,
					 cmdline, &why);
		if (!d) {
			printk("hv: module %u (%s): rejected: %s\n", i + 1, cmdline, why);
			continue;
		}
		printk("hv: domain %u (%s): %u KiB, entry %08x, hypercalls via %s\n", d->id,
		       d->config.name, d->config.mem_pages * 4, d->regs.eip,
		       d->config.transport == HC_TRANSPORT_VMCALL ? "vmcall" : "int 0x82");
	}
}

void hv_main(uint32_t magic, uint32_t mbi_phys)
{
	uart_init();
	printk("hv: pv32 hypervisor, hypercall ABI %u.%u\n", PV_ABI_MAJOR, PV_ABI_MINOR);
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
		printk("hv: not started by a multiboot loader (magic %08x)\n", magic);
		debug_exit(HV_EXIT_PANIC);
	}

	gdt_init();
	tss_set_ring0_stack(tramp_entry_stack_top());
	idt_init();
	pic_init();
	paging_init();
	tramp_init();
	fpu_init();

	const struct multiboot_info *mbi = phys_to_virt(mbi_phys);
	frames_init(mbi, virt_to_phys(_hv_start), boot_data_end(mbi, mbi_phys));
	printk("hv: %u KiB free for domains\n", frames_free_count() * 4);
	sched_set_memory_baseline(frames_free_count());

	time_init();
	build_domains(mbi);
	pit_init();
	sched_start();
}
