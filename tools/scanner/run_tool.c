/* run_tool.c: fork, exec, read the pipe, wait. */
#include "run_tool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXEC_FAILED 127 /* what a shell would return for a missing command */

/* In the child: make out_fd standard output and err_fd standard error, then
 * exec. Never returns. */
static void exec_child(char *const argv[], int out_fd, int err_fd)
{
	if (dup2(out_fd, STDOUT_FILENO) < 0 || dup2(err_fd, STDERR_FILENO) < 0)
		_exit(EXEC_FAILED);
	close(out_fd);
	execvp(argv[0], argv);
	fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(EXEC_FAILED);
}

/* Feed every line from the pipe to fn until it says stop, then drain the rest. */
static void read_lines(FILE *in, pvscan_line_fn fn, void *ctx)
{
	char *line = NULL;
	size_t cap = 0;
	bool wanted = true;

	while (getline(&line, &cap, in) >= 0)
		if (wanted)
			wanted = fn(ctx, line);
	free(line);
}

/* Copy everything in f, from its start, to our standard error. */
static void copy_to_stderr(FILE *f)
{
	char buf[512];
	size_t n;

	fflush(stdout);
	rewind(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stderr);
}

int pvscan_run_tool(char *const argv[], pvscan_line_fn fn, void *ctx, char *why, size_t why_len)
{
	int fds[2];
	FILE *err = tmpfile();

	if (err == NULL || pipe(fds) < 0) {
		snprintf(why, why_len, "cannot run %s: %s", argv[0], strerror(errno));
		if (err != NULL)
			fclose(err);
		return -1;
	}
	fflush(NULL); /* nothing buffered may be written twice by the child */
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(why, why_len, "cannot run %s: %s", argv[0], strerror(errno));
		close(fds[0]);
		close(fds[1]);
		fclose(err);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		exec_child(argv, fds[1], fileno(err));
	}
	close(fds[1]);

	FILE *in = fdopen(fds[0], "r");
	if (in == NULL) {
		close(fds[0]);
	} else {
		read_lines(in, fn, ctx);
		fclose(in);
	}

	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(why, why_len, "waiting for %s: %s", argv[0], strerror(errno));
			fclose(err);
			return -1;
		}
	int result = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (result != 0)
		copy_to_stderr(err);
	if (result < 0)
		snprintf(why, why_len, "%s was killed by signal %d", argv[0], WTERMSIG(status));
	else if (result != 0)
		snprintf(why, why_len, "%s failed with exit status %d", argv[0], result);
	fclose(err);
	return result;
}
