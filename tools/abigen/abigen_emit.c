/* abigen_emit.c: the KIND names of the command line and the dispatch to their emitters. */
#include "abigen_emit.h"

#include <string.h>

static const char *const kind_names[] = {
	[ABIGEN_NUMBERS] = "numbers",		  /* pv/abi_gen.h */
	[ABIGEN_WRAPPERS_H] = "wrappers-h",	  /* pv/hypercalls.h */
	[ABIGEN_WRAPPERS_C] = "wrappers-c",	  /* lib/hypercalls.c */
	[ABIGEN_HV_HANDLERS_H] = "hv-handlers-h", /* hc/hc_handlers.h */
	[ABIGEN_HV_TABLE] = "hv-table",		  /* hc/hc_table.c */
	[ABIGEN_ABI_MD] = "abi-md",		  /* docs/abi.md */
};

int abigen_kind_from_name(const char *name, enum abigen_kind *kind)
{
	for (size_t i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++) {
		if (strcmp(kind_names[i], name) == 0) {
			*kind = (enum abigen_kind)i;
			return 0;
		}
	}
	return -1;
}

bool abigen_kind_needs_template(enum abigen_kind kind)
{
	return kind == ABIGEN_ABI_MD;
}

int abigen_emit(enum abigen_kind kind, const struct abi_def *def, const char *template_text,
		const char *template_name, FILE *out, FILE *err)
{
	switch (kind) {
	case ABIGEN_NUMBERS:
		emit_numbers(def, out);
		return 0;
	case ABIGEN_WRAPPERS_H:
		emit_wrappers_h(def, out);
		return 0;
	case ABIGEN_WRAPPERS_C:
		emit_wrappers_c(def, out);
		return 0;
	case ABIGEN_HV_HANDLERS_H:
		emit_hv_handlers_h(def, out);
		return 0;
	case ABIGEN_HV_TABLE:
		emit_hv_table(def, out);
		return 0;
	case ABIGEN_ABI_MD:
		return emit_abi_md(def, template_text, template_name, out, err);
	}
	return -1;
}
