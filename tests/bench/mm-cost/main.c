/* main.c: mm-cost, what page-table updates, a page fault and a system call cost.
 *
 * The companion of hypercall-cost, timed the same way (loops.S explains how):
 *  1. Remapping 512 pages (pte.c): one mmu_update batch of 512 requests, 512
 *     single-request mmu_update calls, and 512 update_va_mapping calls. Each
 *     method remaps all 512 to read-only and then back to read-write, and the
 *     result is read back from the page tables every time.
 *  2. A #PF from a ring-1 load of an unmapped address, bounced by hv to
 *     mm_pf_handler, which steps over the load and returns through iret.
 *  3. INT 0x80 from ring 3 to mm_syscall_handler, which returns at once through
 *     iret. hv enters the handler directly (the fast trap) unless the domain's
 *     command line says fasttrap=off; tools/bench.sh boots the guest both ways.
 * A plain function call is timed too, as the unit of the TCG time ratios.
 *
 * Output, one line per cost (mode=icount; mode=wall says ticks_ instead):
 *	bench: pte_batch insns_per_pte=NN.NN      and pte_single, pte_update_va
 *	bench: page_fault insns_per_call=NN       and syscall, call
 * Under -icount each count must repeat exactly in every round and be a whole
 * number per call; the guest warns if not.
 *
 * Module options (after hv's own, such as fasttrap=off):
 *	mode=icount|wall   how to label the numbers (default icount)
 *	iters=N            faults and system calls per measurement (default 1000),
 *	                   and 50 times as many function calls
 *	rounds=N           measurements of each; the minimum is reported (default 2)
 *
 * It uses RDTSC, so it is not a pvscan-clean guest, and must not become one of
 * PVSCAN_CLEAN_ELFS. */
#include "../common/bench_opts.h"
#include "mm_cost.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	BATCH,
	SINGLE,
	UPDATE_VA,
	NR_METHODS
};
#define CALLS_PER_ITER 50 /* function calls per iteration of the other loops */

static const char *const method_names[NR_METHODS] = { "pte_batch", "pte_single", "pte_update_va" };

/* A measurement's rounds: the smallest, and how many gave it. */
#define sample bench_min

static struct mm_remap to_ro __attribute__((aligned(PV_PAGE_SIZE)));
static struct mm_remap to_rw __attribute__((aligned(PV_PAGE_SIZE)));
static uint8_t kernel_stack[4096] __attribute__((aligned(16)));
static struct pv_trap_info traps[34];

/* The unit of the TCG ratios: the function call of hypercall-cost (loops.S). */
__attribute__((noinline, regparm(1))) long mm_null_function(uint32_t nr)
{
	return nr == PV_HC_VERSION ? (long)PV_ABI_VERSION : -PV_ENOSYS;
}

/* user.S: a trap nothing here expects. Report it and stop. */
__attribute__((noreturn)) void mm_unexpected_trap(const struct pv_bounce_frame *f)
{
	printf("bench: error: unexpected trap at %04lx:%08lx, error code %lx, cr2 %08lx\n",
	       (unsigned long)f->cs, (unsigned long)f->eip, (unsigned long)f->error_code,
	       (unsigned long)pv_shared_info->vcpu[0].cr2);
	fflush(stdout);
	pv_shutdown(PV_SHUTDOWN_CRASH, 1);
}

/* Our own handlers, a kernel stack for traps from ring 3, and the system call at
 * DPL 3 without event masking: what the fast trap asks for. */
static void install_traps(void)
{
	uint32_t n = 0;
	for (uint32_t v = 0; v < 32; v++) {
		if (v == 2 || v == 8 || v == 18) /* reserved by hv */
			continue;
		void (*h)(void) = v == 6  ? mm_ud_handler :
				  v == 14 ? mm_pf_handler :
					    mm_other_trap_handler;
		traps[n++] = (struct pv_trap_info){ (uint8_t)v, 0, PV_SEL_KERNEL_CS, (uint32_t)h };
	}
	traps[n++] = (struct pv_trap_info){ 0x80, PV_TRAP_DPL(3), PV_SEL_KERNEL_CS,
					    (uint32_t)mm_syscall_handler };
	if (hv_set_trap_table(traps, n) != 0 ||
	    hv_stack_switch(PV_SEL_KERNEL_DS, (uint32_t)kernel_stack + sizeof(kernel_stack)) != 0)
		bench_fail("set_trap_table or stack_switch refused");
}

static void take(struct sample *s, uint64_t t)
{
	bench_min_take(s, t);
}

/* Remap all 512 pages with one method, check the tables, return the ticks. */
static uint64_t remap(int method, int writable)
{
	const struct mm_remap *r = writable ? &to_rw : &to_ro;
	uint64_t t;
	if (method == BATCH)
		t = mm_loop_mmu_update(r->reqs, 1, MM_NR_PTES);
	else if (method == SINGLE)
		t = mm_loop_mmu_update(r->reqs, MM_NR_PTES, 1);
	else
		t = mm_loop_update_va(r->vas, MM_NR_PTES, 1);
	if (pte_mismatches(writable))
		bench_fail("a remapping did not reach the page tables");
	return t;
}

/* a - b, or 0 if host noise made the empty loop the slower (mode=wall). */
static uint64_t minus(uint64_t a, uint64_t b)
{
	return a > b ? a - b : 0;
}

/* Under -icount a measurement's minimum must repeat (bench_opts.h). */
static void check_exact(int icount, const char *name, const struct sample *s)
{
	if (icount)
		bench_min_check(name, s);
}

/* Print ticks (instructions under -icount) per operation: a whole number of
 * instructions as it is, anything else to two decimals. */
static void report(int icount, const char *name, const char *per, uint64_t ticks, uint32_t ops)
{
	const char *unit = icount ? "insns" : "ticks";
	uint64_t hundredths = (ticks * 100 + ops / 2) / ops;
	if (icount && ticks % ops == 0)
		printf("bench: %s %s_per_%s=%llu\n", name, unit, per, ticks / ops);
	else
		printf("bench: %s %s_per_%s=%llu.%02llu\n", name, unit, per, hundredths / 100,
		       hundredths % 100);
}

int main(void)
{
	const char *mode = bench_option("mode");
	int icount = !mode || strncmp(mode, "wall", 4) != 0;
	uint32_t iters = bench_option_count("iters", 1000);
	uint32_t rounds = bench_option_count("rounds", 2);
	/* A call is so short that the ratios need many to be steady. */
	uint32_t call_iters = iters * CALLS_PER_ITER;
	struct sample pte[NR_METHODS][2] = { 0 }, empty_batch = { 0 }, empty_single = { 0 };
	struct sample fault = { 0 }, call = { 0 }, empty = { 0 }, empty_call = { 0 };
	struct sample trip_syscall = { 0 }, trip_empty = { 0 };

	printf("bench: mode=%s iters=%lu rounds=%lu\n", icount ? "icount" : "wall",
	       (unsigned long)iters, (unsigned long)rounds);
	if (((const uint32_t *)pv_start_info->pt_base)[MM_FAULT_VA >> 22] & PV_PTE_P)
		bench_fail("MM_FAULT_VA is mapped");
	const char *why = pte_setup(&to_ro, &to_rw);
	if (why)
		bench_fail(why);
	install_traps();

	/* Warm up (under TCG the first pass also translates), checking each path once. */
	for (int m = 0; m < NR_METHODS; m++) {
		remap(m, 0);
		remap(m, 1);
	}
	pv_shared_info->vcpu[0].cr2 = 0;
	mm_loop_fault(NULL, 1, 0);
	if (pv_shared_info->vcpu[0].cr2 != MM_FAULT_VA)
		bench_fail("the load from MM_FAULT_VA did not fault");
	mm_user_trip(mm_user_syscalls, 10);
	mm_user_trip(mm_user_empty, 10);
	mm_loop_call(NULL, 10, 0);

	for (uint32_t r = 0; r < rounds; r++) {
		for (int m = 0; m < NR_METHODS; m++) {
			take(&pte[m][0], remap(m, 0));
			take(&pte[m][1], remap(m, 1));
		}
		take(&empty_batch, mm_loop_empty(to_ro.reqs, 1, MM_NR_PTES));
		take(&empty_single, mm_loop_empty(to_ro.reqs, MM_NR_PTES, 1));
		take(&fault, mm_loop_fault(NULL, iters, 0));
		take(&empty, mm_loop_empty(NULL, iters, 0));
		take(&call, mm_loop_call(NULL, call_iters, 0));
		take(&empty_call, mm_loop_empty(NULL, call_iters, 0));
		take(&trip_syscall, mm_user_trip(mm_user_syscalls, iters));
		take(&trip_empty, mm_user_trip(mm_user_empty, iters));
	}

	check_exact(icount, "empty_batch", &empty_batch);
	check_exact(icount, "empty_single", &empty_single);
	for (int m = 0; m < NR_METHODS; m++) {
		const struct sample *e = m == BATCH ? &empty_batch : &empty_single;
		check_exact(icount, method_names[m], &pte[m][0]);
		check_exact(icount, method_names[m], &pte[m][1]);
		uint64_t to_ro_cost = minus(pte[m][0].min, e->min);
		uint64_t to_rw_cost = minus(pte[m][1].min, e->min);
		if (icount)
			printf("bench: %s insns_to_ro=%llu insns_to_rw=%llu\n", method_names[m],
			       to_ro_cost, to_rw_cost);
		report(icount, method_names[m], "pte", to_ro_cost + to_rw_cost, 2 * MM_NR_PTES);
	}
	const struct {
		const char *name;
		const struct sample *s, *e;
		uint32_t n;
	} loops[] = { { "page_fault", &fault, &empty, iters },
		      { "syscall", &trip_syscall, &trip_empty, iters },
		      { "call", &call, &empty_call, call_iters } };
	for (unsigned i = 0; i < sizeof(loops) / sizeof(loops[0]); i++) {
		check_exact(icount, loops[i].name, loops[i].s);
		check_exact(icount, loops[i].name, loops[i].e);
		uint64_t d = minus(loops[i].s->min, loops[i].e->min);
		if (icount && d % loops[i].n)
			printf("bench: warning: %s is not a whole number of instructions per call\n",
			       loops[i].name);
		report(icount, loops[i].name, "call", d, loops[i].n);
	}
	return 0;
}
