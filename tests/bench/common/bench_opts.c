/* bench_opts.c: what every benchmark guest needs besides its own loops. */
#include "bench_opts.h"

#include <pv/guest.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *bench_option(const char *key)
{
	size_t len = strlen(key);
	const char *p = pv_start_info->cmdline;
	while (*p) {
		while (*p == ' ')
			p++;
		if (strncmp(p, key, len) == 0 && p[len] == '=')
			return p + len + 1;
		while (*p && *p != ' ')
			p++;
	}
	return NULL;
}

uint32_t bench_option_count(const char *key, uint32_t dflt)
{
	const char *v = bench_option(key);
	if (!v)
		return dflt;
	unsigned long n = strtoul(v, NULL, 10);
	return n >= 1 && n <= 10000000 ? (uint32_t)n : dflt;
}

void bench_fail(const char *why)
{
	printf("bench: error: %s\n", why);
	fflush(stdout);
	pv_shutdown(PV_SHUTDOWN_CRASH, 1);
}

void bench_min_take(struct bench_min *m, uint64_t t)
{
	if (m->rounds == 0 || t < m->min) {
		m->min = t;
		m->at_min = 0;
	}
	m->at_min += t == m->min;
	m->rounds++;
}

void bench_min_check(const char *name, const struct bench_min *m)
{
	if (m->at_min < 2)
		printf("bench: warning: %s: only %lu of %lu rounds gave the minimum\n", name,
		       (unsigned long)m->at_min, (unsigned long)m->rounds);
}
