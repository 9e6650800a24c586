/* abigen_parse.c: reading hypercalls.def line by line into the model.
 *
 * Each line is one directive. A table maps the directive's first word to the function that
 * reads the rest of the line and to where it may appear: at the top level, or inside a
 * `hypercall ... end` block. The block being read is kept in the parser and only joins the
 * model at its `end`, after its own rules hold. */
#include "abigen_parse.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "abigen_check.h"
#include "abigen_lex.h"

struct parser {
	const char *file;
	int line;
	FILE *err;
	struct abi_def *def;
	bool in_block;
	struct abi_hypercall block; /* the hypercall being read while in_block */
};

/* Print "file:line: message" for the current line and return -1. */
#define FAIL(p, ...) abigen_diag((p)->err, (p)->file, (p)->line, __VA_ARGS__)

/* Where the lexer reports problems with the current line. */
#define LEX(p) (&(struct lex_line){ (p)->err, (p)->file, (p)->line })

static int parse_abi(struct parser *p, char *rest)
{
	struct abi_def *def = p->def;
	if (def->has_version)
		return FAIL(p, "a second 'abi' line");
	if (lex_number(LEX(p), &rest, "major version", 0xFFFF, &def->major, NULL) ||
	    lex_number(LEX(p), &rest, "minor version", 0xFFFF, &def->minor, NULL) ||
	    lex_end(LEX(p), &rest, "abi"))
		return -1;
	def->has_version = true;
	return 0;
}

static int parse_error(struct parser *p, char *rest)
{
	struct abi_def *def = p->def;
	char *name, *text;
	uint32_t value;
	if (lex_name(LEX(p), &rest, "error name", &name) ||
	    lex_number(LEX(p), &rest, "error value", 4095, &value, NULL) ||
	    lex_text(LEX(p), &rest, "error text", &text))
		return -1;
	if (value == 0)
		return FAIL(p, "error %s has value 0, which means success", name);
	for (size_t i = 0; i < def->nerrors; i++)
		if (def->errors[i].value == value)
			return FAIL(p, "error value %u is already %s (line %d)", value,
				    def->errors[i].name, def->errors[i].line);

	struct abi_error *e = ABI_PUSH(def->errors, def->nerrors);
	*e = (struct abi_error){ abi_strdup(name), value, abi_strdup(text), p->line };
	return 0;
}

static int parse_feature(struct parser *p, char *rest)
{
	struct abi_def *def = p->def;
	char *name, *text;
	uint32_t bit;
	if (lex_name(LEX(p), &rest, "feature name", &name) ||
	    lex_number(LEX(p), &rest, "feature bit", 31, &bit, NULL) ||
	    lex_text(LEX(p), &rest, "feature text", &text))
		return -1;
	if (strncmp(name, "PV_FEAT_", 8) == 0 && name[8] != '\0')
		name += 8;
	for (size_t i = 0; i < def->nfeatures; i++)
		if (def->features[i].bit == bit)
			return FAIL(p, "feature bit %u is already %s (line %d)", bit,
				    def->features[i].name, def->features[i].line);

	struct abi_feature *f = ABI_PUSH(def->features, def->nfeatures);
	*f = (struct abi_feature){ abi_strdup(name), bit, abi_strdup(text), p->line };
	return 0;
}

static int parse_hypercall(struct parser *p, char *rest)
{
	struct abi_def *def = p->def;
	char *name;
	uint32_t number;
	if (lex_number(LEX(p), &rest, "hypercall number", UINT32_MAX, &number, NULL) ||
	    lex_name(LEX(p), &rest, "hypercall name", &name) || lex_end(LEX(p), &rest, "hypercall"))
		return -1;
	if (number >= ABI_MAX_HYPERCALLS)
		return FAIL(p,
			    "hypercall number %u is out of range: the hypercall page has %d slots",
			    number, ABI_MAX_HYPERCALLS);
	for (const char *c = name; *c; c++)
		if (!islower((unsigned char)*c) && !isdigit((unsigned char)*c) && *c != '_')
			return FAIL(p, "hypercall name '%s' must be lower case", name);
	for (size_t i = 0; i < def->nhypercalls; i++) {
		const struct abi_hypercall *other = &def->hypercalls[i];
		if (other->number == number)
			return FAIL(p, "duplicate hypercall number %u (already %s, line %d)",
				    number, other->name, other->line);
		if (strcmp(other->name, name) == 0)
			return FAIL(p, "duplicate hypercall name %s (already number %u, line %d)",
				    name, other->number, other->line);
	}

	p->in_block = true;
	p->block = (struct abi_hypercall){ .number = number,
					   .name = abi_strdup(name),
					   .line = p->line };
	return 0;
}

/* Read the text of a directive that a block may have only once into *field. */
static int parse_once_text(struct parser *p, char *rest, const char *directive, char **field)
{
	char *text;
	if (*field)
		return FAIL(p, "a second '%s' in hypercall %s", directive, p->block.name);
	if (lex_text(LEX(p), &rest, directive, &text))
		return -1;
	*field = abi_strdup(text);
	return 0;
}

static int parse_summary(struct parser *p, char *rest)
{
	return parse_once_text(p, rest, "summary", &p->block.summary);
}

static int parse_returns(struct parser *p, char *rest)
{
	return parse_once_text(p, rest, "returns", &p->block.returns);
}

static int parse_arg(struct parser *p, char *rest)
{
	struct abi_hypercall *hc = &p->block;
	char *name, *type;
	if (hc->nargs == ABI_MAX_ARGS)
		return FAIL(p, "hypercall %s has more than %d args (EBX, ECX, EDX, ESI, EDI)",
			    hc->name, ABI_MAX_ARGS);
	if (lex_name(LEX(p), &rest, "arg name", &name) || lex_type(LEX(p), &rest, &type))
		return -1;
	for (size_t i = 0; i < hc->nargs; i++)
		if (strcmp(hc->args[i].name, name) == 0)
			return FAIL(p, "hypercall %s has two args called %s", hc->name, name);

	struct abi_arg *arg = &hc->args[hc->nargs++];
	arg->name = abi_strdup(name);
	arg->type = type; /* lex_type returned a heap copy */
	arg->is_pointer = type[strlen(type) - 1] == '*';
	return 0;
}

static int parse_errors(struct parser *p, char *rest)
{
	struct abi_hypercall *hc = &p->block;
	char *name;
	if (!lex_peek(rest))
		return FAIL(p, "'errors' needs at least one error name");
	while (lex_peek(rest)) {
		if (lex_name(LEX(p), &rest, "error name", &name))
			return -1;
		for (size_t i = 0; i < hc->nerrors; i++)
			if (strcmp(hc->errors[i].name, name) == 0)
				return FAIL(p, "hypercall %s lists error %s twice", hc->name, name);
		struct abi_error_ref *ref = ABI_PUSH(hc->errors, hc->nerrors);
		*ref = (struct abi_error_ref){ abi_strdup(name), p->line };
	}
	return 0;
}

static int parse_const(struct parser *p, char *rest)
{
	struct abi_hypercall *hc = &p->block;
	char *name, *value, *text;
	uint32_t ignored;
	if (lex_name(LEX(p), &rest, "const name", &name) ||
	    lex_number(LEX(p), &rest, "const value", UINT32_MAX, &ignored, &value) ||
	    lex_text(LEX(p), &rest, "const text", &text))
		return -1;
	struct abi_const *c = ABI_PUSH(hc->consts, hc->nconsts);
	*c = (struct abi_const){ abi_strdup(name), abi_strdup(value), abi_strdup(text), p->line };
	return 0;
}

static int parse_doc(struct parser *p, char *rest)
{
	struct abi_hypercall *hc = &p->block;
	char *text;
	if (lex_text(LEX(p), &rest, "doc", &text))
		return -1;
	char **line = ABI_PUSH(hc->doc, hc->ndoc);
	*line = abi_strdup(text);
	return 0;
}

static int parse_special(struct parser *p, char *rest)
{
	char *kind = lex_word(&rest);
	if (!kind || strcmp(kind, "iret") != 0)
		return FAIL(p, "unknown special '%s' (only 'special iret' exists)",
			    kind ? kind : "");
	if (p->block.special_iret)
		return FAIL(p, "a second 'special iret' in hypercall %s", p->block.name);
	if (lex_end(LEX(p), &rest, "special iret"))
		return -1;
	p->block.special_iret = true;
	return 0;
}

/* Close the block: check the rules that need all of it, then add it to the model. */
static int parse_end(struct parser *p, char *rest)
{
	struct abi_hypercall *hc = &p->block;
	if (lex_end(LEX(p), &rest, "end"))
		return -1;
	if (!hc->summary)
		return abigen_diag(p->err, p->file, hc->line, "hypercall %s has no summary",
				   hc->name);
	if (hc->special_iret && hc->nargs)
		return abigen_diag(p->err, p->file, hc->line,
				   "hypercall %s is 'special iret' and cannot take args", hc->name);
	struct abi_hypercall *done = ABI_PUSH(p->def->hypercalls, p->def->nhypercalls);
	*done = *hc;
	memset(hc, 0, sizeof *hc);
	p->in_block = false;
	return 0;
}

struct directive {
	const char *name;
	bool in_block; /* true: only inside a hypercall block; false: only outside */
	int (*parse)(struct parser *p, char *rest);
};

static const struct directive directives[] = {
	{ "abi", false, parse_abi },		 /* abi MAJOR MINOR */
	{ "error", false, parse_error },	 /* error NAME VALUE TEXT */
	{ "feature", false, parse_feature },	 /* feature NAME BIT TEXT */
	{ "hypercall", false, parse_hypercall }, /* hypercall NUMBER NAME */
	{ "summary", true, parse_summary },	 /* summary TEXT */
	{ "arg", true, parse_arg },		 /* arg NAME TYPE */
	{ "returns", true, parse_returns },	 /* returns TEXT */
	{ "errors", true, parse_errors },	 /* errors NAME... */
	{ "const", true, parse_const },		 /* const NAME VALUE TEXT */
	{ "doc", true, parse_doc },		 /* doc TEXT */
	{ "special", true, parse_special },	 /* special iret */
	{ "end", true, parse_end },		 /* end */
};

/* Parse one line, already stripped of its newline and trailing blanks. */
static int parse_line(struct parser *p, char *line)
{
	char *rest = line;
	char *word = lex_word(&rest);
	if (!word || word[0] == '#')
		return 0;

	for (size_t i = 0; i < sizeof directives / sizeof directives[0]; i++) {
		const struct directive *d = &directives[i];
		if (strcmp(d->name, word) != 0)
			continue;
		if (d->in_block && !p->in_block)
			return FAIL(p, "'%s' outside a hypercall block", word);
		if (!d->in_block && p->in_block)
			return FAIL(p, "'%s' inside hypercall %s (missing 'end'?)", word,
				    p->block.name);
		return d->parse(p, rest);
	}
	return FAIL(p, "unknown directive '%s'", word);
}

static int compare_numbers(const void *a, const void *b)
{
	const struct abi_hypercall *x = a, *y = b;
	return x->number < y->number ? -1 : x->number > y->number;
}

/* Read every line of in; then close the model: end of file inside a block is an error, the
 * hypercalls are sorted by number and the whole-definition rules are checked. */
static int parse_all(struct parser *p, FILE *in)
{
	char *line = NULL;
	size_t size = 0;
	int status = 0;
	while (status == 0 && getline(&line, &size, in) >= 0) {
		p->line++;
		size_t len = strlen(line);
		while (len > 0 && isspace((unsigned char)line[len - 1]))
			line[--len] = '\0';
		status = parse_line(p, line);
	}
	free(line);
	if (status)
		return -1;
	if (p->in_block)
		return abigen_diag(p->err, p->file, p->block.line, "hypercall %s has no 'end'",
				   p->block.name);

	struct abi_def *def = p->def;
	if (def->nhypercalls > 1)
		qsort(def->hypercalls, def->nhypercalls, sizeof def->hypercalls[0],
		      compare_numbers);
	return abigen_check(def, p->file, p->line, p->err);
}

int abigen_parse(FILE *in, const char *file, struct abi_def *def, FILE *err)
{
	struct parser p = { .file = file, .err = err, .def = def };
	int status = parse_all(&p, in);
	abi_hypercall_free(&p.block);
	if (status)
		abi_def_free(def);
	return status;
}

int abigen_parse_string(const char *text, const char *file, struct abi_def *def, FILE *err)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	if (!in) {
		fprintf(err, "%s: cannot read the definition from memory\n", file);
		return -1;
	}
	int status = abigen_parse(in, file, def, err);
	fclose(in);
	return status;
}
