/* time-advances: hv publishes a clock in shared_info that moves and makes sense.
 *
 * Property: system time read with the version protocol (pv/time.h) never goes
 * backwards and advances while the guest computes (hv's PIT tick updates it, even
 * though the guest makes no hypercall); the version seen is even; the wall clock
 * from the RTC is a date after 2020. */
#include <pv/time.h>

#include "test.h"

int main(void)
{
	const struct pv_shared_info *si = pv_shared_info;
	struct pv_time_info first = pv_time_read(si);
	test_check((first.version & 1) == 0, "version %lu is odd", (unsigned long)first.version);
	test_check(first.wallclock_sec > 1577836800ull, "wall clock before 2020: %lu",
		   (unsigned long)first.wallclock_sec);

	/* Spin without hypercalls until 20 ms of system time have passed. */
	uint64_t last = first.system_time_ns, spins = 0;
	while (last < first.system_time_ns + 20000000ull && spins < 4000000000ull) {
		uint64_t now = pv_system_time_ns(si);
		test_check(now >= last, "time went backwards");
		last = now;
		spins++;
	}
	test_check(last >= first.system_time_ns + 20000000ull, "system time did not advance");
	printf("time-advances: 20 ms of system time passed; wall clock %lu s\n",
	       (unsigned long)first.wallclock_sec);
	test_finish();
}
