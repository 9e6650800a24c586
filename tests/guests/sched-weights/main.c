/* sched-weights: a domain's weight sets its share of the CPU.
 *
 * Next to a spinner of weight 256, this domain measures its own share: it reads
 * system time in a tight loop for 400 ms; while it runs, consecutive reads differ
 * by at most one 1 ms tick, and a longer gap is time another domain had. With
 * turns of weight * 10 ms / 256, weight 768 against 256 should get 3/4 of the
 * time and equal weights 1/2.
 *
 * Property: the measured share lies within 15 points of weight / (weight + 256);
 * the command line says which weight this domain has (case=768 or case=256). */
#include <pv/time.h>

#include "test.h"

#define MS 1000000ull

int main(void)
{
	uint32_t weight = test_case_is("768") ? 768 : 256;
	uint64_t start = pv_system_time_ns(pv_shared_info), last = start, mine = 0;
	while (last - start < 400 * MS) {
		uint64_t now = pv_system_time_ns(pv_shared_info);
		if (now - last <= MS)
			mine += now - last; /* we ran through this tick */
		last = now;
	}
	uint32_t share = (uint32_t)(mine * 100 / (last - start));
	uint32_t expected = weight * 100 / (weight + 256);
	printf("sched-weights: weight %lu got %lu%% of the CPU (expected about %lu%%)\n",
	       (unsigned long)weight, (unsigned long)share, (unsigned long)expected);
	test_check(share + 15 >= expected && share <= expected + 15, "share %lu%% is off",
		   (unsigned long)share);
	test_finish();
}
