/* witness: a well-behaved domain that runs after a hostile one.
 *
 * Hostile tests load this guest as their last module. If it boots, finds its own
 * start_info intact, and gets correct answers from version and console_io, then
 * whatever the hostile domain did (and however hv dealt with it) left hv and
 * other domains working. It prints the run's only result line. */
#include "test.h"

#include <string.h>

int main(void)
{
	static const char hello[] = "witness: hv still answers\n";
	const struct pv_start_info *si = pv_start_info;

	test_check(memcmp(si->magic, PV_START_INFO_MAGIC, sizeof(PV_START_INFO_MAGIC)) == 0,
		   "start_info magic is damaged");
	TEST_EQ(si->abi_version, PV_ABI_VERSION, "start_info.abi_version");
	TEST_EQ(hv_version(PV_VERSION_ABI), PV_ABI_VERSION, "version(ABI)");
	long written = hv_console_io(PV_CONSOLEIO_WRITE, sizeof(hello) - 1, (char *)hello);
	TEST_EQ(written, sizeof(hello) - 1, "console_io(write)");
	test_finish();
}
