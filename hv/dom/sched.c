/* sched.c: round-robin among runnable domains, and hv's exit when none are left. */
#include "dom/sched.h"

#include <stdbool.h>

#include "arch/cpu.h"
#include "arch/fast_trap.h"
#include "arch/fpu.h"
#include "arch/gdt.h"
#include "arch/trampoline.h"
#include "dev/debug_exit.h"
#include "dom/domain.h"
#include "lib/printf.h"
#include "mm/paging.h"

static bool yield_requested;

/* In trap_entry.S: switch to the current domain's view and IRET through its frame. */
__attribute__((noreturn)) void return_to_guest(void);

void sched_request_yield(void)
{
	yield_requested = true;
}

void sched_note_domain_ended(struct domain *d)
{
	(void)d; /* the next sched_before_return sees it is no longer runnable */
}

/* The runnable domain after `after` in slot order, wrapping; NULL if none. */
static struct domain *next_runnable(const struct domain *after)
{
	uint32_t start = 0;
	for (uint32_t i = 0; i < DOMAIN_MAX; i++)
		if (domain_by_index(i) == after)
			start = i + 1;
	for (uint32_t n = 0; n < DOMAIN_MAX; n++) {
		struct domain *d = domain_by_index((start + n) % DOMAIN_MAX);
		if (d->state == DOMAIN_RUNNABLE)
			return d;
	}
	return 0;
}

/* Every domain has ended: one summary line, then leave QEMU. */
__attribute__((noreturn)) static void all_domains_ended(void)
{
	uint32_t clean = 0, failed = 0;
	for (uint32_t i = 0; i < DOMAIN_MAX; i++) {
		const struct domain *d = domain_by_index(i);
		clean += d->end == DOMAIN_END_CLEAN;
		failed += d->end == DOMAIN_END_FAILED;
	}
	printk("hv: no domains left: %u finished cleanly, %u failed\n", clean, failed);
	debug_exit(failed ? HV_EXIT_DOMAIN_FAILED : HV_EXIT_ALL_CLEAN);
}

/* Make d the running domain, with its saved registers in frame. */
static void switch_to(struct domain *d, struct cpu_regs *frame)
{
	*frame = d->regs;
	fpu_restore(&d->fpu);
	gdt_load_guest(d->gdt_entries ? mfn_to_virt(d->gdt_mfn) : 0, d->gdt_entries);
	tramp_set_guest_cr3(d->cr3);
	fast_trap_sync(d);
	current = d;
}

void sched_before_return(struct cpu_regs *frame)
{
	bool alive = current->state == DOMAIN_RUNNABLE;
	if (alive && !yield_requested)
		return;
	yield_requested = false;

	struct domain *next = next_runnable(current);
	if (!next)
		all_domains_ended();
	if (next == current)
		return;
	if (alive) {
		current->regs = *frame;
		fpu_save(&current->fpu);
	}
	switch_to(next, frame);
}

void sched_start(void)
{
	struct domain *first = next_runnable(0);
	if (!first) {
		printk("hv: no domain to run\n");
		debug_exit(HV_EXIT_NO_DOMAIN);
	}
	switch_to(first, guest_frame());
	return_to_guest();
}
