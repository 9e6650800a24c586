/* run_tool.h: running a binutils program and reading its output line by line.
 *
 * The program is started with fork and execvp, never through a shell, so a file
 * name is passed through untouched whatever characters it contains. */
#ifndef PVSCAN_RUN_TOOL_H
#define PVSCAN_RUN_TOOL_H

#include <stdbool.h>
#include <stddef.h>

/* Called once per line of the program's standard output (newline included).
 * Returning false stops the calls; the rest of the output is read and dropped. */
typedef bool (*pvscan_line_fn)(void *ctx, const char *line);

/* Run argv[0], found on PATH, with arguments argv (NULL-terminated), feeding
 * each output line to fn. Return the program's exit status, or -1 if it could
 * not be run or was killed by a signal, with why set. When the status is not 0
 * the program's standard error is copied to ours; otherwise it is dropped (it
 * only holds notes such as nm's "no symbols"). */
int pvscan_run_tool(char *const argv[], pvscan_line_fn fn, void *ctx, char *why, size_t why_len);

#endif
