/* abigen_emit.h: the six generated files, one emitter per KIND of the abigen command line.
 *
 *   KIND           file                                   for
 *   numbers        hypercall-abi/include/pv/abi_gen.h     everyone, C and assembly
 *   wrappers-h     hypercall-abi/include/pv/hypercalls.h  guests: typed wrappers
 *   wrappers-c     hypercall-abi/lib/hypercalls.c         guests: their definitions
 *   hv-handlers-h  hv/hc/hc_handlers.h                    hv: what each family file implements
 *   hv-table       hv/hc/hc_table.c                       hv: the dispatch table
 *   abi-md         docs/abi.md (from a TEMPLATE)          people: the reference tables
 *
 * Emitters read a model that satisfies abigen_model.h's invariants and print to a FILE, so
 * tests can emit into memory. Output depends on nothing but the model. */
#ifndef ABIGEN_EMIT_H
#define ABIGEN_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "abigen_model.h"

enum abigen_kind {
	ABIGEN_NUMBERS,
	ABIGEN_WRAPPERS_H,
	ABIGEN_WRAPPERS_C,
	ABIGEN_HV_HANDLERS_H,
	ABIGEN_HV_TABLE,
	ABIGEN_ABI_MD,
};

/* Set *kind to the kind called name on the command line and return 0, or return -1. */
int abigen_kind_from_name(const char *name, enum abigen_kind *kind);

/* Whether kind is made from a TEMPLATE (only abi-md is). */
bool abigen_kind_needs_template(enum abigen_kind kind);

/* Write the file of kind for def to out. template is the TEMPLATE's text, called template_name
 * in diagnostics, for abi-md and ignored otherwise. Return 0, or print a diagnostic to err and
 * return -1. */
int abigen_emit(enum abigen_kind kind, const struct abi_def *def, const char *template_text,
		const char *template_name, FILE *out, FILE *err);

/* The emitters behind abigen_emit(), one per kind. */
void emit_numbers(const struct abi_def *def, FILE *out);
void emit_wrappers_h(const struct abi_def *def, FILE *out);
void emit_wrappers_c(const struct abi_def *def, FILE *out);
void emit_hv_handlers_h(const struct abi_def *def, FILE *out);
void emit_hv_table(const struct abi_def *def, FILE *out);

/* Copy template_text to out, replacing the lines between ABIGEN_MD_BEGIN and ABIGEN_MD_END
 * (both kept) with the generated reference. Fail, naming template_name, unless each marker is
 * a line of its own, appears once, and begin comes first. */
int emit_abi_md(const struct abi_def *def, const char *template_text, const char *template_name,
		FILE *out, FILE *err);

#define ABIGEN_MD_BEGIN "<!-- abigen:begin -->"
#define ABIGEN_MD_END "<!-- abigen:end -->"

#endif
