/* abigen_check.c: the rules that need the whole definition, and the diagnostic format. */
#include "abigen_check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "abigen_text.h"

int abigen_diag(FILE *err, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(err, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fputc('\n', err);
	return -1;
}

/* One C macro that the definition turns into, and the item it comes from. */
struct macro_use {
	char macro[ABI_MACRO_MAX];
	const char *kind; /* "error", "feature", "hypercall", "const", or "abigen" for fixed ones */
	const char *name;
	int line; /* 0 for the macros abigen always writes */
};

static void add_use(struct macro_use **uses, size_t *count, const char *kind, const char *prefix,
		    const char *name, int line)
{
	struct macro_use *use = ABI_PUSH(*uses, *count);
	abi_macro(use->macro, prefix, name);
	use->kind = kind;
	use->name = name;
	use->line = line;
}

/* List every macro the definition produces, the fixed ones first (line 0). */
static struct macro_use *list_macros(const struct abi_def *def, size_t *count)
{
	static const char *const fixed[] = { "PV_ABI_MAJOR", "PV_ABI_MINOR", "PV_ABI_VERSION",
					     "PV_HC_COUNT" };
	struct macro_use *uses = NULL;
	*count = 0;
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		add_use(&uses, count, "abigen", "", fixed[i], 0);
	for (size_t i = 0; i < def->nerrors; i++)
		add_use(&uses, count, "error", "PV_", def->errors[i].name, def->errors[i].line);
	for (size_t i = 0; i < def->nfeatures; i++)
		add_use(&uses, count, "feature", "PV_FEAT_", def->features[i].name,
			def->features[i].line);
	for (size_t i = 0; i < def->nhypercalls; i++) {
		const struct abi_hypercall *hc = &def->hypercalls[i];
		add_use(&uses, count, "hypercall", "", hc->name, hc->line);
		abi_hypercall_macro(uses[*count - 1].macro, hc); /* PV_HC_ and upper case */
		for (size_t j = 0; j < hc->nconsts; j++)
			add_use(&uses, count, "const", "", hc->consts[j].name, hc->consts[j].line);
	}
	return uses;
}

static int compare_lines(const void *a, const void *b)
{
	const struct macro_use *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->macro, y->macro);
}

/* Fail at the first item, in file order, whose macro an earlier item or abigen already made. */
static int check_macros(const struct abi_def *def, const char *file, FILE *err)
{
	size_t count;
	struct macro_use *uses = list_macros(def, &count);
	int status = 0;
	qsort(uses, count, sizeof uses[0], compare_lines);
	for (size_t i = 0; i < count && status == 0; i++) {
		for (size_t j = 0; j < i && status == 0; j++) {
			const struct macro_use *now = &uses[i], *old = &uses[j];
			if (strcmp(now->macro, old->macro) != 0)
				continue;
			if (old->line == 0)
				status = abigen_diag(err, file, now->line,
						     "duplicate name %s: abigen defines it itself",
						     now->macro);
			else
				status = abigen_diag(err, file, now->line,
						     "duplicate name %s (also %s %s at line %d)",
						     now->macro, old->kind, old->name, old->line);
		}
	}
	free(uses);
	return status;
}

int abigen_check(const struct abi_def *def, const char *file, int last_line, FILE *err)
{
	if (!def->has_version)
		return abigen_diag(err, file, last_line > 0 ? last_line : 1,
				   "missing 'abi MAJOR MINOR' line");

	for (size_t i = 0; i < def->nhypercalls; i++) {
		const struct abi_hypercall *hc = &def->hypercalls[i];
		for (size_t j = 0; j < hc->nerrors; j++)
			if (!abi_find_error(def, hc->errors[j].name))
				return abigen_diag(err, file, hc->errors[j].line,
						   "hypercall %s lists undeclared error %s",
						   hc->name, hc->errors[j].name);
	}
	if (check_macros(def, file, err))
		return -1;
	if (def->nhypercalls == 0)
		return abigen_diag(err, file, last_line, "no hypercall is defined");
	return 0;
}
