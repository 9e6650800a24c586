/* bench_opts.h: what every benchmark guest needs besides its own loops.
 *
 * Options come from the module command line as words "key=value". Under QEMU's
 * -icount hv's 1 kHz tick lands in some rounds of a measurement, which then cost
 * the tick's work more: a measurement keeps the smallest round and how many rounds
 * gave exactly that, and it is trustworthy when at least two did. */
#ifndef BENCH_OPTS_H
#define BENCH_OPTS_H

#include <stdint.h>

/* The value of word "key=value" on the command line, or NULL. */
const char *bench_option(const char *key);

/* Option key as a number in [1, 10^7], or dflt when it is absent or bad. */
uint32_t bench_option_count(const char *key, uint32_t dflt);

/* Report why the benchmark cannot go on, and end the domain. */
__attribute__((noreturn)) void bench_fail(const char *why);

/* The smallest round of a measurement, and how many rounds gave it. */
struct bench_min {
	uint64_t min;
	uint32_t at_min, rounds;
};

void bench_min_take(struct bench_min *m, uint64_t t);

/* Under -icount: warn unless two rounds agree on the minimum. */
void bench_min_check(const char *name, const struct bench_min *m);

#endif
