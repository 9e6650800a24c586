/* abigen_text.c: how model items are spelled in the generated C and Markdown. */
#include "abigen_text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void abi_macro(char macro[ABI_MACRO_MAX], const char *prefix, const char *name)
{
	snprintf(macro, ABI_MACRO_MAX, "%s%s", prefix, name);
}

void abi_hypercall_macro(char macro[ABI_MACRO_MAX], const struct abi_hypercall *hc)
{
	abi_macro(macro, "PV_HC_", hc->name);
	for (char *c = macro; *c; c++)
		*c = (char)toupper((unsigned char)*c);
}

const char *abi_hv_type(const struct abi_arg *arg)
{
	return arg->is_pointer ? "guest_addr_t" : arg->type;
}

void emit_decl(FILE *out, const char *type, const char *name)
{
	bool pointer = type[strlen(type) - 1] == '*';
	fprintf(out, pointer ? "%s%s" : "%s %s", type, name);
}

void emit_params(FILE *out, const struct abi_hypercall *hc, bool hv_view)
{
	if (hc->nargs == 0)
		fputs("void", out);
	for (size_t i = 0; i < hc->nargs; i++) {
		const struct abi_arg *arg = &hc->args[i];
		fputs(i ? ", " : "", out);
		emit_decl(out, hv_view ? abi_hv_type(arg) : arg->type, arg->name);
	}
}

void emit_error_list(FILE *out, const struct abi_hypercall *hc, const char *sep)
{
	for (size_t i = 0; i < hc->nerrors; i++) {
		char macro[ABI_MACRO_MAX];
		abi_macro(macro, "PV_", hc->errors[i].name);
		fprintf(out, "%s%s", i ? sep : "", macro);
	}
}

void emit_md_cell(FILE *out, const char *text)
{
	for (const char *c = text; *c; c++) {
		if (*c == '|')
			fputc('\\', out);
		fputc(*c, out);
	}
}

/* Finish the previous line, if any, and open the next one up to its "*". */
static void comment_open_line(struct comment *c)
{
	fprintf(c->out, c->started ? "\n%s *" : "%s/*", c->indent);
	c->started = true;
}

void comment_blank(struct comment *c)
{
	comment_open_line(c);
}

void comment_line(struct comment *c, const char *fmt, ...)
{
	comment_open_line(c);
	fputc(' ', c->out);

	va_list ap;
	va_start(ap, fmt);
	vfprintf(c->out, fmt, ap);
	va_end(ap);
}

void comment_end(struct comment *c)
{
	fputs(" */\n", c->out);
	c->started = false;
}

FILE *line_begin(struct line *l)
{
	l->text = NULL;
	l->size = 0;
	l->f = open_memstream(&l->text, &l->size);
	if (!l->f) {
		fputs("abigen: out of memory\n", stderr);
		exit(1);
	}
	return l->f;
}

/* The column after printing text from column col, with tabs every 8 columns. */
static size_t advance(size_t col, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		col = text[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
	return col;
}

/* Return the length of the piece of text up to its next ", " at parenthesis depth 1 (or to its
 * end); *depth carries the depth from piece to piece. */
static size_t piece_length(const char *text, int *depth)
{
	size_t i = 0;
	for (; text[i]; i++) {
		if (*depth == 1 && text[i] == ',' && text[i + 1] == ' ')
			break;
		*depth += (text[i] == '(') - (text[i] == ')');
	}
	return i;
}

void line_end(struct line *l, FILE *out)
{
	fclose(l->f);
	const char *text = l->text;
	int depth = 0;
	size_t len = piece_length(text, &depth);
	const char *paren = strchr(text, '(');
	size_t align = paren ? advance(0, text, (size_t)(paren - text) + 1) : 0;
	size_t col = advance(0, text, len);

	fwrite(text, 1, len, out);
	for (text += len; *text; text += len) {
		text += 2; /* the ", " separator */
		len = piece_length(text, &depth);
		if (advance(col + 2, text, len) <= ABIGEN_COLUMNS || align == 0) {
			fputs(", ", out);
			col = advance(col + 2, text, len);
		} else {
			fprintf(out, ",\n%.*s%*s", (int)(align / 8), "\t\t\t\t\t\t\t\t\t\t\t\t",
				(int)(align % 8), "");
			col = advance(align, text, len);
		}
		fwrite(text, 1, len, out);
	}
	fputc('\n', out);
	free(l->text);
}
