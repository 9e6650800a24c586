/* console-io: console_io's WRITE prints exactly the bytes asked for, within its limit.
 *
 * Property: WRITE returns the count it printed, for 0 bytes, a short string and
 * exactly PV_CONSOLEIO_MAX bytes (test.conf checks the printed lines); one byte
 * more is -PV_EINVAL; READ is -PV_ENOSYS; any other command is -PV_EINVAL. */
#include "test.h"

#include <string.h>

#define LINE_LEN 64 /* 63 characters and a newline: 16 lines fill PV_CONSOLEIO_MAX */

/* PV_CONSOLEIO_MAX + 1 bytes: 16 numbered lines, then one byte too many. */
static char big[PV_CONSOLEIO_MAX + 1];

static void fill_big(void)
{
	for (uint32_t i = 0; i < PV_CONSOLEIO_MAX / LINE_LEN; i++) {
		char *line = big + i * LINE_LEN;
		memset(line, '.', LINE_LEN - 1);
		int n = snprintf(line, LINE_LEN, "console-io: max write, line %02lu",
				 (unsigned long)i);
		line[n] = ' '; /* snprintf's NUL: the dots continue after it */
		line[LINE_LEN - 1] = '\n';
	}
	big[PV_CONSOLEIO_MAX] = '!';
}

int main(void)
{
	static char hello[] = "console-io: hello\n";
	static char buf[16];
	const long hello_len = (long)strlen(hello);

	fill_big();
	fflush(stdout); /* stdio's buffer must not interleave with the raw writes */
	/* Each call once: TEST_EQ evaluates its arguments more than once. */
	long short_write = hv_console_io(PV_CONSOLEIO_WRITE, hello_len, hello);
	long empty_write = hv_console_io(PV_CONSOLEIO_WRITE, 0, hello);
	long max_write = hv_console_io(PV_CONSOLEIO_WRITE, PV_CONSOLEIO_MAX, big);
	long over_write = hv_console_io(PV_CONSOLEIO_WRITE, PV_CONSOLEIO_MAX + 1, big);
	long read_cmd = hv_console_io(PV_CONSOLEIO_READ, sizeof(buf), buf);
	long cmd2 = hv_console_io(2, hello_len, hello);
	long cmd_all_ones = hv_console_io(0xFFFFFFFFu, hello_len, hello);

	TEST_EQ(short_write, hello_len, "WRITE of a short string");
	TEST_EQ(empty_write, 0, "WRITE of 0 bytes");
	TEST_EQ(max_write, PV_CONSOLEIO_MAX, "WRITE of PV_CONSOLEIO_MAX bytes");
	TEST_EQ(over_write, -PV_EINVAL, "WRITE of PV_CONSOLEIO_MAX + 1 bytes");
	TEST_EQ(read_cmd, -PV_ENOSYS, "READ");
	TEST_EQ(cmd2, -PV_EINVAL, "command 2");
	TEST_EQ(cmd_all_ones, -PV_EINVAL, "command ~0");
	test_finish();
}
