/* sched.c: round robin among runnable domains, preemption, blocking, and hv's exit
 * when no domain is left. */
#include "dom/sched.h"

#include <stdbool.h>

#include "arch/cpu.h"
#include "arch/fast_trap.h"
#include "arch/fpu.h"
#include "arch/gdt.h"
#include "arch/trampoline.h"
#include "dev/debug_exit.h"
#include "dom/domain.h"
#include "ev/evtchn_hooks.h"
#include "ev/timer.h"
#include "lib/printf.h"
#include "mm/frames.h"
#include "mm/paging.h"

static bool switch_requested;
static bool domain_ended; /* since the last look for leftover domains */
static uint32_t memory_baseline;

void sched_set_memory_baseline(uint32_t free_frames)
{
	memory_baseline = free_frames;
}

/* In trap_entry.S: switch to the current domain's view and IRET through its frame. */
__attribute__((noreturn)) void return_to_guest(void);

static uint32_t slice_ticks(const struct domain *d)
{
	uint32_t ticks = d->config.weight * SCHED_SLICE_MS / SCHED_DEFAULT_WEIGHT;
	return ticks ? ticks : 1;
}

void sched_request_yield(void)
{
	switch_requested = true;
}

void sched_block_current(void)
{
	current->state = DOMAIN_BLOCKED;
}

/* Is a polled port of d pending? */
static bool poll_ready(const struct domain *d)
{
	for (uint32_t i = 0; i < d->poll_count; i++) {
		uint32_t port = d->poll_ports[i];
		if (d->shared->evtchn_pending[port / 32] & (1u << (port % 32)))
			return true;
	}
	return false;
}

void sched_wake(struct domain *d)
{
	if (d->state != DOMAIN_BLOCKED)
		return;
	bool ready = d->poll_count ? poll_ready(d) : d->shared->vcpu[0].upcall_pending != 0;
	if (ready) {
		d->poll_count = 0;
		d->state = DOMAIN_RUNNABLE;
	}
}

void sched_tick(void)
{
	if (current && current->state == DOMAIN_RUNNABLE && current->slice_left &&
	    --current->slice_left == 0)
		switch_requested = true;
}

void sched_note_domain_ended(struct domain *d)
{
	(void)d; /* the next sched_before_return sees it is no longer runnable */
	domain_ended = true;
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

static bool any_blocked(void)
{
	for (uint32_t i = 0; i < DOMAIN_MAX; i++)
		if (domain_by_index(i)->state == DOMAIN_BLOCKED)
			return true;
	return false;
}

/* Every domain has ended: one summary line, then leave QEMU. QEMU's status says
 * whether every domain that was expected to finish did so cleanly: those marked
 * expect=finish if any are, else all of them. */
__attribute__((noreturn)) static void all_domains_ended(void)
{
	uint32_t clean = 0, failed = 0, destroyed = 0, expected = 0, expected_clean = 0;
	for (uint32_t i = 0; i < DOMAIN_MAX; i++) {
		const struct domain *d = domain_by_index(i);
		if (d->state == DOMAIN_FREE)
			continue;
		clean += d->end == DOMAIN_END_CLEAN;
		failed += d->end == DOMAIN_END_FAILED;
		destroyed += d->end == DOMAIN_END_DESTROYED;
		expected += d->config.expect_finish;
		expected_clean += d->config.expect_finish && d->end == DOMAIN_END_CLEAN;
	}
	if (destroyed)
		printk("hv: no domains left: %u finished cleanly, %u failed, %u destroyed\n", clean,
		       failed, destroyed);
	else
		printk("hv: no domains left: %u finished cleanly, %u failed\n", clean, failed);
	uint32_t free_now = frames_free_count();
	if (free_now == memory_baseline)
		printk("hv: memory check: every frame is back\n");
	else
		printk("hv: memory check: %u KiB free, %u KiB at boot\n", free_now * 4,
		       memory_baseline * 4);
	bool ok = expected ? expected_clean == expected : failed == 0 && destroyed == 0;
	ok = ok && free_now == memory_baseline;
	debug_exit(ok ? HV_EXIT_ALL_CLEAN : HV_EXIT_DOMAIN_FAILED);
}

/* Once every domain marked expect=finish has ended, the rest have no purpose. */
static void destroy_leftovers(void)
{
	uint32_t expected = 0, waiting = 0;
	for (uint32_t i = 0; i < DOMAIN_MAX; i++) {
		const struct domain *d = domain_by_index(i);
		expected += d->state != DOMAIN_FREE && d->config.expect_finish;
		waiting += (d->state == DOMAIN_RUNNABLE || d->state == DOMAIN_BLOCKED) &&
			   d->config.expect_finish;
	}
	if (!expected || waiting)
		return;
	for (uint32_t i = 0; i < DOMAIN_MAX; i++) {
		struct domain *d = domain_by_index(i);
		if (d->state == DOMAIN_RUNNABLE || d->state == DOMAIN_BLOCKED)
			domain_destroy(d, "every domain expected to finish has finished");
	}
}

/* Nothing can run: halt until an interrupt makes a domain runnable. */
static struct domain *idle_until_runnable(void)
{
	for (;;) {
		struct domain *d = next_runnable(0);
		if (d)
			return d;
		if (!any_blocked())
			all_domains_ended();
		/* The timer interrupt (from ring 0: traps.c) runs timers and wakes. */
		__asm__ volatile("sti; hlt; cli" ::: "memory");
	}
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

void sched_before_return(struct cpu_regs *frame);

/* Enter the current domain's event upcall if one is due. Delivering it can kill
 * the domain (a stack the frame cannot go on): then run another one instead. */
static void deliver_upcall(struct cpu_regs *frame)
{
	evtchn_deliver_upcall(frame);
	if (current->state != DOMAIN_RUNNABLE)
		sched_before_return(frame);
}

void sched_before_return(struct cpu_regs *frame)
{
	if (domain_ended) {
		domain_ended = false;
		destroy_leftovers(); /* only an ending can leave domains without purpose */
	}
	if (current->state == DOMAIN_RUNNABLE && !switch_requested) {
		deliver_upcall(frame);
		return;
	}
	switch_requested = false;

	struct domain *next = next_runnable(current);
	bool keep = current->state == DOMAIN_RUNNABLE || current->state == DOMAIN_BLOCKED;
	if (next != current) {
		if (keep) {
			current->regs = *frame;
			fpu_save(&current->fpu);
		}
		if (!next)
			next = idle_until_runnable();
		switch_to(next, frame);
	}
	current->slice_left = slice_ticks(current);
	deliver_upcall(frame);
}

void sched_start(void)
{
	struct domain *first = next_runnable(0);
	if (!first) {
		printk("hv: no domain to run\n");
		debug_exit(HV_EXIT_NO_DOMAIN);
	}
	switch_to(first, guest_frame());
	current->slice_left = slice_ticks(current);
	return_to_guest();
}
