/* main.c: hypercall-cost, what one null hypercall costs on each way into hv.
 *
 * The guest times the loops in loops.S with the TSC and prints one line per path:
 *
 *	bench: int82 insns_per_call=NN        (mode=icount)
 *	bench: int82 ticks_per_call=NN.NN     (mode=wall)
 *
 * Under QEMU's -icount shift=0,sleep=off the TSC advances by exactly one per
 * retired instruction, so a difference of two readings is an instruction count:
 * the guest's and hv's together, since both run on the one virtual CPU. Delivering
 * an exception or interrupt retires nothing, so it counts 0. Under plain TCG the
 * TSC follows the host clock and only ratios within one run mean anything;
 * tools/bench.sh makes those ratios.
 *
 * Module options (after hv's own, such as hypercall=int|vmcall, which picks the
 * transport behind the hypercall page):
 *	mode=icount|wall   how to label the numbers (default icount)
 *	iters=N            loop iterations per measurement (default 10000)
 *	rounds=N           measurements per path; the minimum is reported (default 3)
 *
 * It uses RDTSC, so it is not a pvscan-clean guest, and must not become one of
 * PVSCAN_CLEAN_ELFS. */
#include <pv/guest.h>
#include <pv/hypercall_raw.h>
#include <pv/start_info.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/bench_opts.h"

/* loops.S: TSC ticks for n iterations of one body. */
uint64_t bench_loop_empty(uint32_t n);
uint64_t bench_loop_int82(uint32_t n);
uint64_t bench_loop_vmcall(uint32_t n);
uint64_t bench_loop_page(uint32_t n);
uint64_t bench_loop_call(uint32_t n);

/* The baseline: an ordinary function with the null hypercall's shape (number in
 * EAX, result in EAX). loops.S calls it; noinline keeps it a real call. */
__attribute__((noinline, regparm(1))) long bench_null_function(uint32_t nr)
{
	return nr == PV_HC_VERSION ? (long)PV_ABI_VERSION : -PV_ENOSYS;
}

struct bench_path {
	const char *name;
	uint64_t (*loop)(uint32_t n);
	struct bench_min rounds; /* the smallest round, and how many gave it */
};

static struct bench_path paths[] = {
	{ "empty", bench_loop_empty, { 0, 0, 0 } },   { "int82", bench_loop_int82, { 0, 0, 0 } },
	{ "vmcall", bench_loop_vmcall, { 0, 0, 0 } }, { "page", bench_loop_page, { 0, 0, 0 } },
	{ "call", bench_loop_call, { 0, 0, 0 } },
};
#define NR_PATHS (sizeof(paths) / sizeof(paths[0]))

/* Every way in must really reach the version hypercall, or the numbers mean nothing. */
static int paths_work(void)
{
	static const enum pv_transport transports[] = { PV_TRANSPORT_INT82, PV_TRANSPORT_VMCALL,
							PV_TRANSPORT_PAGE };
	int ok = bench_null_function(PV_HC_VERSION) == (long)PV_ABI_VERSION;
	for (unsigned i = 0; i < sizeof(transports) / sizeof(transports[0]); i++) {
		long r = pv_hypercall_via(transports[i], PV_HC_VERSION, PV_VERSION_ABI, 0, 0, 0, 0);
		if (r != (long)PV_ABI_VERSION) {
			printf("bench: error: transport %d returned %ld\n", (int)transports[i], r);
			ok = 0;
		}
	}
	return ok;
}

int main(void)
{
	const char *mode = bench_option("mode");
	int icount = !mode || strncmp(mode, "wall", 4) != 0;
	uint32_t iters = bench_option_count("iters", 10000);
	uint32_t rounds = bench_option_count("rounds", 3);
	int page_vmcall = (pv_start_info->flags & PV_SIF_TRANSPORT_VMCALL) != 0;

	printf("bench: mode=%s iters=%lu rounds=%lu page_transport=%s\n",
	       icount ? "icount" : "wall", (unsigned long)iters, (unsigned long)rounds,
	       page_vmcall ? "vmcall" : "int");
	if (!paths_work())
		return 1;

	/* Warm up: under TCG the first pass through a loop also translates it. */
	for (unsigned p = 0; p < NR_PATHS; p++)
		paths[p].loop(100);

	/* Interleave the paths within each round, so slow phases of the host hit all alike. */
	for (uint32_t r = 0; r < rounds; r++) {
		for (unsigned p = 0; p < NR_PATHS; p++) {
			bench_min_take(&paths[p].rounds, paths[p].loop(iters));
		}
	}

	uint64_t empty = paths[0].rounds.min;
	if (icount)
		printf("bench: empty insns_per_iter=%llu\n", empty / iters);
	else
		printf("bench: empty ticks_per_iter=%llu.%02llu\n", empty / iters,
		       empty * 100 / iters % 100);
	for (unsigned p = 1; p < NR_PATHS; p++) {
		uint64_t d = paths[p].rounds.min > empty ? paths[p].rounds.min - empty : 0;
		if (icount) {
			/* Exact counts: the minimum repeats, a whole number per call. */
			bench_min_check(paths[p].name, &paths[p].rounds);
			if (d % iters != 0)
				printf("bench: warning: %s is not a whole number per call\n",
				       paths[p].name);
			printf("bench: %s insns_per_call=%llu\n", paths[p].name, d / iters);
		} else {
			printf("bench: %s ticks_per_call=%llu.%02llu\n", paths[p].name, d / iters,
			       d * 100 / iters % 100);
		}
	}
	return 0;
}
