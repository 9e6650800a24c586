/* abigen_emit_hv.c: hv's side of the ABI, the handler prototypes and the dispatch table.
 *
 * A handler hc_<name>() sees every guest pointer as a guest_addr_t, a number it can only pass
 * to the range-checked copy helpers, never dereference. The table maps each hypercall number
 * to a thunk that unpacks struct hc_args into the handler's typed parameters; numbers the def
 * does not use stay zero, and hc_dispatch() answers -PV_ENOSYS for a NULL call. */
#include "abigen_emit.h"
#include "abigen_text.h"

void emit_hv_handlers_h(const struct abi_def *def, FILE *out)
{
	fprintf(out, "%s\n", ABIGEN_BANNER);
	fputs("/* hc_handlers.h: the hypercall handlers hv implements, one per hypercalls.def entry.\n"
	      " *\n"
	      " * Guest pointers arrive as guest_addr_t: reach them only through guest_copy.h. Each\n"
	      " * handler returns >= 0 or -PV_E*; hc_table.c calls it with the guest's registers. */\n"
	      "#ifndef HV_HC_HANDLERS_H\n"
	      "#define HV_HC_HANDLERS_H\n\n"
	      "#include \"hc/dispatch.h\"\n",
	      out);
	for (size_t i = 0; i < def->nhypercalls; i++) {
		const struct abi_hypercall *hc = &def->hypercalls[i];
		fprintf(out, "\n/* %s (%u): %s */\n", hc->name, hc->number, hc->summary);
		struct line l;
		FILE *f = line_begin(&l);
		fprintf(f, "long hc_%s(", hc->name);
		emit_params(f, hc, true);
		fputs(");", f);
		line_end(&l, out);
	}
	fputs("\n#endif\n", out);
}

/* Print the thunk that calls hc's handler with the argument registers of a. */
static void emit_thunk(const struct abi_hypercall *hc, FILE *out)
{
	fprintf(out, "\nstatic long thunk_%s(const struct hc_args *a)\n{\n", hc->name);
	if (hc->nargs == 0)
		fputs("\t(void)a;\n", out);
	struct line l;
	FILE *f = line_begin(&l);
	fprintf(f, "\treturn hc_%s(", hc->name);
	for (size_t i = 0; i < hc->nargs; i++)
		fprintf(f, "%s(%s)a->arg[%zu]", i ? ", " : "", abi_hv_type(&hc->args[i]), i);
	fputs(");", f);
	line_end(&l, out);
	fputs("}\n", out);
}

void emit_hv_table(const struct abi_def *def, FILE *out)
{
	fprintf(out, "%s\n", ABIGEN_BANNER);
	fputs("/* hc_table.c: hv's dispatch table, from hypercall number to handler.\n"
	      " *\n"
	      " * Each thunk unpacks the argument registers (EBX ECX EDX ESI EDI, in that order)\n"
	      " * into its handler's parameters. Numbers without a hypercall have a NULL call, which\n"
	      " * hc_dispatch() answers with -PV_ENOSYS. */\n"
	      "#include \"hc/hc_handlers.h\"\n\n"
	      "#include <pv/abi_gen.h>\n",
	      out);
	for (size_t i = 0; i < def->nhypercalls; i++)
		emit_thunk(&def->hypercalls[i], out);

	fputs("\nconst struct hc_entry hc_table[PV_HC_COUNT] = {\n", out);
	for (size_t i = 0; i < def->nhypercalls; i++) {
		const struct abi_hypercall *hc = &def->hypercalls[i];
		char macro[ABI_MACRO_MAX];
		abi_hypercall_macro(macro, hc);
		fprintf(out, "\t[%s] = { \"%s\", %zu, thunk_%s },\n", macro, hc->name, hc->nargs,
			hc->name);
	}
	fputs("};\n", out);
}
