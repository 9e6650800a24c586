/* abigen_emit_numbers.c: abi_gen.h, every number of the ABI as a #define.
 *
 * The header holds only #defines (and comments), so crt0.S and hv's entry code can include it
 * as well as C. Each group's trailing comments are aligned so the header reads as a table. */
#include <stdlib.h>
#include <string.h>

#include "abigen_emit.h"
#include "abigen_text.h"

/* One #define line: name, value, and text as its trailing comment. */
struct define {
	char name[ABI_MACRO_MAX];
	char number[32];   /* room for a value abigen computes */
	const char *value; /* what follows the name: number, or a value spelled in the def */
	const char *text;
};

/* Print n defines with their comments aligned one blank after the longest "name value". */
static void emit_defines(FILE *out, const struct define *rows, size_t n)
{
	size_t width = 0;
	for (size_t i = 0; i < n; i++) {
		size_t w = strlen(rows[i].name) + 1 + strlen(rows[i].value);
		width = w > width ? w : width;
	}
	for (size_t i = 0; i < n; i++) {
		int pad = (int)(width - strlen(rows[i].name) - 1 - strlen(rows[i].value));
		fprintf(out, "#define %s %s%*s /* %s */\n", rows[i].name, rows[i].value, pad, "",
			rows[i].text);
	}
}

/* Allocate n rows for one group; exits when memory runs out. */
static struct define *new_rows(size_t n)
{
	struct define *rows = calloc(n ? n : 1, sizeof *rows);
	if (!rows) {
		fputs("abigen: out of memory\n", stderr);
		exit(1);
	}
	return rows;
}

/* Make row's value the decimal number n. */
static void set_number(struct define *row, uint32_t n)
{
	snprintf(row->number, sizeof row->number, "%u", n);
	row->value = row->number;
}

static void emit_version(const struct abi_def *def, FILE *out)
{
	struct define rows[3] = {
		{ .name = "PV_ABI_MAJOR", .text = "incompatible changes bump it" },
		{ .name = "PV_ABI_MINOR", .text = "compatible additions bump it" },
		{ .name = "PV_ABI_VERSION", .text = "what version(PV_VERSION_ABI) returns" },
	};
	set_number(&rows[0], def->major);
	set_number(&rows[1], def->minor);
	snprintf(rows[2].number, sizeof rows[2].number, "((%uu << 16) | %uu)", def->major,
		 def->minor);
	rows[2].value = rows[2].number;
	fprintf(out, "/* ABI version %u.%u. */\n", def->major, def->minor);
	emit_defines(out, rows, 3);
}

static void emit_errors(const struct abi_def *def, FILE *out)
{
	struct define *rows = new_rows(def->nerrors);
	for (size_t i = 0; i < def->nerrors; i++) {
		abi_macro(rows[i].name, "PV_", def->errors[i].name);
		set_number(&rows[i], def->errors[i].value);
		rows[i].text = def->errors[i].text;
	}
	fputs("\n/* Errors: a failing hypercall returns -PV_E*. */\n", out);
	emit_defines(out, rows, def->nerrors);
	free(rows);
}

static void emit_features(const struct abi_def *def, FILE *out)
{
	struct define *rows = new_rows(def->nfeatures);
	for (size_t i = 0; i < def->nfeatures; i++) {
		abi_macro(rows[i].name, "PV_FEAT_", def->features[i].name);
		snprintf(rows[i].number, sizeof rows[i].number, "(1u << %u)", def->features[i].bit);
		rows[i].value = rows[i].number;
		rows[i].text = def->features[i].text;
	}
	fputs("\n/* Feature bits, as version(PV_VERSION_FEATURES) reports them. */\n", out);
	emit_defines(out, rows, def->nfeatures);
	free(rows);
}

static void emit_hypercall_numbers(const struct abi_def *def, FILE *out)
{
	size_t n = def->nhypercalls;
	uint32_t count = n ? def->hypercalls[n - 1].number + 1 : 0;
	struct define *rows = new_rows(n + 1);
	for (size_t i = 0; i < n; i++) {
		abi_hypercall_macro(rows[i].name, &def->hypercalls[i]);
		set_number(&rows[i], def->hypercalls[i].number);
		rows[i].text = def->hypercalls[i].summary;
	}
	abi_macro(rows[n].name, "", "PV_HC_COUNT");
	set_number(&rows[n], count);
	rows[n].text = "one more than the highest hypercall number";
	fputs("\n/* Hypercall numbers: EAX at the hypercall, and the slot in the hypercall page. */\n",
	      out);
	emit_defines(out, rows, n + 1);
	free(rows);
}

/* The constants of each hypercall, one group per hypercall that has any. */
static void emit_consts(const struct abi_def *def, FILE *out)
{
	for (size_t i = 0; i < def->nhypercalls; i++) {
		const struct abi_hypercall *hc = &def->hypercalls[i];
		if (hc->nconsts == 0)
			continue;
		struct define *rows = new_rows(hc->nconsts);
		for (size_t j = 0; j < hc->nconsts; j++) {
			abi_macro(rows[j].name, "", hc->consts[j].name);
			rows[j].value = hc->consts[j].value;
			rows[j].text = hc->consts[j].text;
		}
		fprintf(out, "\n/* Constants of %s. */\n", hc->name);
		emit_defines(out, rows, hc->nconsts);
		free(rows);
	}
}

void emit_numbers(const struct abi_def *def, FILE *out)
{
	fprintf(out, "%s\n", ABIGEN_BANNER);
	fputs("/* abi_gen.h: the numbers of the pv32 ABI: version, errors, features, hypercalls and\n"
	      " * their constants.\n"
	      " *\n"
	      " * Only #defines, so assembly can include it too. */\n"
	      "#ifndef PV_ABI_GEN_H\n"
	      "#define PV_ABI_GEN_H\n\n",
	      out);
	emit_version(def, out);
	emit_errors(def, out);
	emit_features(def, out);
	emit_hypercall_numbers(def, out);
	emit_consts(def, out);
	fputs("\n#endif\n", out);
}
