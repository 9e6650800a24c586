/* pvscan_main.c: the pvscan command, which proves from the binary that a guest
 * kernel contains no instruction that is sensitive in ring 1.
 *
 *   pvscan [--quiet] ELF...
 *
 * For each file: read the sanctioned-stub markers from `nm`, disassemble the
 * code sections with `objdump`, classify every instruction, print one line per
 * sensitive instruction (unless --quiet) and a summary. Exit status: 0 if no
 * file has a reported instruction, 1 if some file has, 2 if a file could not be
 * scanned or the command line is wrong (2 wins over 1). tools/README.md has the
 * list of instructions and the exemption rule. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "insn_classify.h"
#include "objdump_line.h"
#include "run_tool.h"
#include "sanctioned.h"
#include "scan_tally.h"

#define EXIT_CLEAN 0
#define EXIT_FOUND 1
#define EXIT_TROUBLE 2
#define EXPECTED_FORMAT "elf32-i386"

/* Everything known while one file's disassembly streams past. */
struct file_scan {
	const char *path;
	bool quiet;
	bool seen_format;
	struct pvscan_sanctioned sanctioned;
	struct pvscan_tally tally;
	char section[PVSCAN_NAME_MAX];
	char function[PVSCAN_NAME_MAX]; /* the last symbol header, markers skipped */
	uint64_t function_addr;
	char error[2048]; /* set when a callback gives up */
};

static void usage(FILE *out)
{
	fprintf(out, "usage: pvscan [--quiet] ELF...\n"
		     "  Report every instruction in ELF's code that is sensitive in ring 1.\n"
		     "  --quiet  print only the per-file summaries\n"
		     "  exit 0: none reported; 1: some reported; 2: usage or scan error\n");
}

/* Say why path could not be scanned and return EXIT_TROUBLE. */
static int trouble(const char *path, const char *why)
{
	fflush(stdout);
	fprintf(stderr, "pvscan: %s: %s\n", path, why);
	return EXIT_TROUBLE;
}

/* Check that path can be opened and starts like an ELF file; set why if not. */
static bool looks_like_elf(const char *path, char *why, size_t why_len)
{
	unsigned char magic[4];
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		snprintf(why, why_len, "%s", strerror(errno));
		return false;
	}
	ssize_t n = read(fd, magic, sizeof(magic));
	int read_errno = errno;
	close(fd);
	if (n < 0) {
		snprintf(why, why_len, "%s", strerror(read_errno));
		return false;
	}
	if (n != 4 || memcmp(magic, "\177ELF", 4) != 0) {
		snprintf(why, why_len, "not an ELF file");
		return false;
	}
	return true;
}

/* nm callback: collect sanctioned-range markers. */
static bool on_nm_line(void *ctx, const char *line)
{
	struct file_scan *scan = ctx;

	if (pvscan_sanctioned_note_nm_line(&scan->sanctioned, line))
		return true;
	snprintf(scan->error, sizeof(scan->error), "%s", scan->sanctioned.error);
	return false;
}

/* Print one instruction line of the report. */
static void report(const struct file_scan *scan, const struct pvscan_line *l, const char *note)
{
	if (scan->quiet)
		return;
	printf("%s: %08" PRIx64 " <%s", scan->path, l->addr, scan->function);
	if (l->addr != scan->function_addr)
		printf("+0x%" PRIx64, l->addr - scan->function_addr);
	printf(">: %s%s\n", l->text, note);
}

/* Classify one instruction, decide on its exemption, count it and report it. */
static void on_insn(struct file_scan *scan, const struct pvscan_line *l)
{
	struct pvscan_insn_class c = pvscan_classify(l->text);
	char note[PVSCAN_MARKER_TAG_MAX + 64] = "";

	if (c.kind == PVSCAN_PLAIN)
		return;
	const struct pvscan_range *r =
		pvscan_sanctioned_exempts(&scan->sanctioned, c, scan->section, l->addr, l->length);
	pvscan_tally_add(&scan->tally, c, r != NULL);
	if (r != NULL)
		snprintf(note, sizeof(note), "  [exempt: sanctioned stub %s]", r->tag);
	else if (c.kind == PVSCAN_UNDECODABLE)
		snprintf(note, sizeof(note), "  [undecodable, not checked]");
	report(scan, l, note);
}

/* objdump callback: follow sections and symbols, hand instructions to on_insn. */
static bool on_objdump_line(void *ctx, const char *text)
{
	struct file_scan *scan = ctx;
	struct pvscan_line l;

	pvscan_parse_line(text, &l);
	switch (l.kind) {
	case PVSCAN_LINE_FORMAT:
		scan->seen_format = true;
		if (strcmp(l.name, EXPECTED_FORMAT) == 0)
			return true;
		snprintf(scan->error, sizeof(scan->error),
			 "file format %s, but pvscan only reads " EXPECTED_FORMAT, l.name);
		return false;
	case PVSCAN_LINE_SECTION:
		snprintf(scan->section, sizeof(scan->section), "%s", l.name);
		scan->function[0] = '\0';
		return true;
	case PVSCAN_LINE_SYMBOL:
		/* A marker names a stub's edge, not a function: keep the enclosing name. */
		if (pvscan_is_marker_symbol(l.name) && scan->function[0] != '\0')
			return true;
		snprintf(scan->function, sizeof(scan->function), "%s", l.name);
		scan->function_addr = l.addr;
		return true;
	case PVSCAN_LINE_INSN:
		on_insn(scan, &l);
		return true;
	case PVSCAN_LINE_OTHER:
		return true;
	}
	return true;
}

/* Run tool with argv on scan's file through fn; return false with scan->error set on failure. */
static bool run(struct file_scan *scan, char *const argv[], pvscan_line_fn fn)
{
	char why[256];

	int status = pvscan_run_tool(argv, fn, scan, why, sizeof(why));
	if (scan->error[0] != '\0')
		return false;
	if (status != 0) {
		snprintf(scan->error, sizeof(scan->error), "%s", why);
		return false;
	}
	return true;
}

/* Scan the file at path and return its exit status. */
static int scan_file(const char *path, bool quiet)
{
	static struct file_scan scan; /* large; one file at a time */
	char why[256];
	char *nm[] = { "nm", "-f", "sysv", "--defined-only", "--", (char *)path, NULL };
	char *objdump[] = { "objdump", "-d", "-w", "-z", "-M", "att", "--", (char *)path, NULL };

	if (!looks_like_elf(path, why, sizeof(why)))
		return trouble(path, why);
	memset(&scan, 0, sizeof(scan));
	scan.path = path;
	scan.quiet = quiet;
	pvscan_sanctioned_init(&scan.sanctioned);
	pvscan_tally_init(&scan.tally);

	int result = EXIT_TROUBLE;
	if (!run(&scan, nm, on_nm_line))
		goto out;
	if (!pvscan_sanctioned_finish(&scan.sanctioned)) {
		snprintf(scan.error, sizeof(scan.error), "sanctioned-stub markers: %s",
			 scan.sanctioned.error);
		goto out;
	}
	if (!run(&scan, objdump, on_objdump_line))
		goto out;
	if (!scan.seen_format) {
		snprintf(scan.error, sizeof(scan.error), "objdump printed no file format");
		goto out;
	}
	pvscan_tally_print(stdout, path, &scan.tally);
	result = pvscan_tally_reported(&scan.tally) > 0 ? EXIT_FOUND : EXIT_CLEAN;
out:
	if (result == EXIT_TROUBLE)
		trouble(path, scan.error);
	pvscan_sanctioned_free(&scan.sanctioned);
	return result;
}

int main(int argc, char **argv)
{
	bool quiet = false;
	int first = 1;

	for (; first < argc && argv[first][0] == '-'; first++) {
		if (strcmp(argv[first], "--") == 0) {
			first++;
			break;
		}
		if (strcmp(argv[first], "--quiet") == 0 || strcmp(argv[first], "-q") == 0) {
			quiet = true;
		} else if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) {
			usage(stdout);
			return EXIT_CLEAN;
		} else {
			fprintf(stderr, "pvscan: unknown option %s\n", argv[first]);
			usage(stderr);
			return EXIT_TROUBLE;
		}
	}
	if (first == argc) {
		usage(stderr);
		return EXIT_TROUBLE;
	}

	int worst = EXIT_CLEAN;
	for (int i = first; i < argc; i++) {
		int result = scan_file(argv[i], quiet);
		if (result > worst)
			worst = result;
	}
	return worst;
}
