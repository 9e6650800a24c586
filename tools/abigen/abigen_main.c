/* abigen_main.c: the abigen command line, `abigen DEF KIND OUT [TEMPLATE]`.
 *
 * Reads the definition DEF, writes the one file of KIND (see abigen_emit.h) to OUT, and exits
 * 0; or prints "file:line: message" and exits 1 without touching OUT. abi-md also reads
 * TEMPLATE, which may be OUT itself. OUT is replaced atomically, and left alone (timestamp
 * included) when its content would not change, so `make abi` rebuilds nothing needlessly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abigen_emit.h"
#include "abigen_parse.h"

static int usage(void)
{
	fputs("usage: abigen DEF KIND OUT [TEMPLATE]\n"
	      "  KIND: numbers, wrappers-h, wrappers-c, hv-handlers-h, hv-table,\n"
	      "        or abi-md (which needs TEMPLATE, the Markdown with the abigen markers)\n",
	      stderr);
	return 1;
}

/* Read the whole file at path into a new NUL-terminated string; NULL if it cannot be read. */
static char *read_file(const char *path, size_t *size)
{
	FILE *in = fopen(path, "rb");
	char *text = NULL;
	*size = 0;
	if (!in)
		return NULL;
	FILE *copy = open_memstream(&text, size);
	char chunk[4096];
	size_t n;
	while (copy && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
		fwrite(chunk, 1, n, copy);
	int failed = ferror(in) || !copy;
	fclose(in);
	if (copy)
		fclose(copy);
	if (failed) {
		free(text);
		return NULL;
	}
	return text;
}

/* Make path hold exactly size bytes of text: unchanged if it already does, else through a
 * temporary file renamed over it. Return 0, or print why not and return -1. */
static int write_if_changed(const char *path, const char *text, size_t size)
{
	size_t old_size;
	char *old = read_file(path, &old_size);
	int same = old && old_size == size && memcmp(old, text, size) == 0;
	free(old);
	if (same)
		return 0;

	size_t tmp_len = strlen(path) + sizeof ".tmp";
	char *tmp = malloc(tmp_len);
	if (!tmp)
		return -1;
	snprintf(tmp, tmp_len, "%s.tmp", path);
	FILE *out = fopen(tmp, "wb");
	int ok = out && fwrite(text, 1, size, out) == size;
	if (out && fclose(out) != 0)
		ok = 0;
	if (!ok || rename(tmp, path) != 0) {
		perror(path);
		remove(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int main(int argc, char **argv)
{
	enum abigen_kind kind;
	if (argc < 4 || argc > 5 || abigen_kind_from_name(argv[2], &kind) != 0)
		return usage();
	const char *def_path = argv[1], *out_path = argv[3];
	const char *template_path = argc == 5 ? argv[4] : NULL;
	if (abigen_kind_needs_template(kind) != (template_path != NULL))
		return usage();

	FILE *in = fopen(def_path, "r");
	if (!in) {
		perror(def_path);
		return 1;
	}
	struct abi_def def = { 0 };
	int status = abigen_parse(in, def_path, &def, stderr);
	fclose(in);
	if (status)
		return 1;

	size_t template_size;
	char *template_text = NULL;
	if (template_path && !(template_text = read_file(template_path, &template_size))) {
		perror(template_path);
		abi_def_free(&def);
		return 1;
	}

	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	status = out ? abigen_emit(kind, &def, template_text, template_path, out, stderr) : -1;
	if (out)
		fclose(out);
	if (status == 0)
		status = write_if_changed(out_path, text, size);

	free(text);
	free(template_text);
	abi_def_free(&def);
	return status ? 1 : 0;
}
