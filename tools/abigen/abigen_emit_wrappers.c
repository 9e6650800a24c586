/* abigen_emit_wrappers.c: the guest's typed hypercall wrappers, hypercalls.h and hypercalls.c.
 *
 * Each wrapper hv_<name>() takes the def's argument types and passes every argument as a 32-bit
 * register value to pv_hypercallN() (hypercall_raw.h), which calls through the hypercall page.
 * A `special iret` call gets no wrapper: it never returns to its caller, so guests jump to its
 * page slot from assembly. */
#include "abigen_emit.h"
#include "abigen_text.h"

/* Print the block comment documenting hc for guests: summary, constants, doc, results. */
static void emit_wrapper_comment(const struct abi_hypercall *hc, FILE *out)
{
	struct comment c = { .out = out, .indent = "" };
	char macro[ABI_MACRO_MAX];
	abi_hypercall_macro(macro, hc);
	comment_line(&c, "%s (%s = %u): %s", hc->name, macro, hc->number, hc->summary);
	if (hc->special_iret) {
		comment_blank(&c);
		comment_line(
			&c, "No C wrapper: the call does not return to its caller. Guests jump to");
		comment_line(&c, "its hypercall page slot, PV_HYPERCALL_SLOT(%s), instead.", macro);
	}
	if (hc->nconsts) {
		comment_blank(&c);
		for (size_t i = 0; i < hc->nconsts; i++)
			comment_line(&c, "%s (%s): %s", hc->consts[i].name, hc->consts[i].value,
				     hc->consts[i].text);
	}
	if (hc->ndoc) {
		comment_blank(&c);
		for (size_t i = 0; i < hc->ndoc; i++)
			comment_line(&c, "%s", hc->doc[i]);
	}
	if (hc->returns || hc->nerrors)
		comment_blank(&c);
	if (hc->returns)
		comment_line(&c, "Returns: %s", hc->returns);
	if (hc->nerrors) {
		comment_line(&c, "Errors: ");
		emit_error_list(out, hc, ", ");
		fputc('.', out);
	}
	comment_end(&c);
}

void emit_wrappers_h(const struct abi_def *def, FILE *out)
{
	fprintf(out, "%s\n", ABIGEN_BANNER);
	fputs("/* hypercalls.h: a typed C wrapper for every pv32 hypercall.\n"
	      " *\n"
	      " * hv_<name>() returns >= 0 on success and -PV_E* on failure. Each calls through the\n"
	      " * hypercall page; lib/hypercalls.c has the definitions. */\n"
	      "#ifndef PV_HYPERCALLS_H\n"
	      "#define PV_HYPERCALLS_H\n\n"
	      "#include \"abi.h\"\n",
	      out);
	for (size_t i = 0; i < def->nhypercalls; i++) {
		const struct abi_hypercall *hc = &def->hypercalls[i];
		fputc('\n', out);
		emit_wrapper_comment(hc, out);
		if (hc->special_iret)
			continue;
		struct line l;
		FILE *f = line_begin(&l);
		fprintf(f, "long hv_%s(", hc->name);
		emit_params(f, hc, false);
		fputs(");", f);
		line_end(&l, out);
	}
	fputs("\n#endif\n", out);
}

/* Print the expression that passes arg as a register value. */
static void emit_register_value(const struct abi_arg *arg, FILE *out)
{
	fprintf(out, arg->is_pointer ? "(uint32_t)(uintptr_t)%s" : "(uint32_t)%s", arg->name);
}

void emit_wrappers_c(const struct abi_def *def, FILE *out)
{
	fprintf(out, "%s\n", ABIGEN_BANNER);
	fputs("/* hypercalls.c: the typed hypercall wrappers, each one call through the hypercall\n"
	      " * page. */\n"
	      "#include <pv/hypercalls.h>\n",
	      out);
	for (size_t i = 0; i < def->nhypercalls; i++) {
		const struct abi_hypercall *hc = &def->hypercalls[i];
		char macro[ABI_MACRO_MAX];
		abi_hypercall_macro(macro, hc);
		if (hc->special_iret) {
			fprintf(out,
				"\n/* %s has no wrapper: guests jump to PV_HYPERCALL_SLOT(%s). */\n",
				hc->name, macro);
			continue;
		}
		struct line l;
		FILE *f = line_begin(&l);
		fprintf(f, "long hv_%s(", hc->name);
		emit_params(f, hc, false);
		fputs(")", f);
		fputc('\n', out);
		line_end(&l, out);

		f = line_begin(&l);
		fprintf(f, "\treturn pv_hypercall%zu(%s", hc->nargs, macro);
		for (size_t j = 0; j < hc->nargs; j++) {
			fputs(", ", f);
			emit_register_value(&hc->args[j], f);
		}
		fputs(");", f);
		fputs("{\n", out);
		line_end(&l, out);
		fputs("}\n", out);
	}
}
