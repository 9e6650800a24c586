/* test_abigen.c: the ABI generator reads hypercalls.def faithfully, rejects every malformed
 * definition with a file:line diagnostic, and writes what hv, guests and docs expect.
 *
 * Every test starts from SMALL_DEF, a tiny valid definition written here, or from a one-line
 * change to a few lines of it, and checks one property of the model or of one output. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "abigen/abigen_emit.h"
#include "abigen/abigen_parse.h"
#include "abigen/abigen_text.h"

/* Hypercall 3 comes first on purpose: the model must sort by number. Hypercalls 1 and 2 are
 * gaps in the table. */
static const char SMALL_DEF[] = "# a comment line\n"
				"abi 2 3\n"
				"error EPERM 1 Not allowed.\n"
				"error EINVAL 22 Bad argument.\n"
				"feature PV_FEAT_FAST 4 The fast path.\n"
				"\n"
				"hypercall 3 write\n"
				"  summary Write bytes.\n"
				"  arg fd uint32_t\n"
				"  arg buf const char*\n"
				"  const PV_WRITE_MAX 0x100 The most bytes.\n"
				"  returns Bytes written.\n"
				"  errors EINVAL EPERM\n"
				"  doc Line one.\n"
				"  doc Line two.\n"
				"end\n"
				"hypercall 0 ping\n"
				"  summary Answer.\n"
				"end\n";

static void parse_ok(const char *text, struct abi_def *def)
{
	char *msg = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&msg, &size);
	*def = (struct abi_def){ 0 };
	int status = abigen_parse_string(text, "test.def", def, err);
	fclose(err);
	cr_assert_eq(status, 0, "parse failed: %s", msg);
	free(msg);
}

/* Parse text, which must fail with exactly one diagnostic at line that mentions needle. */
static void expect_reject(const char *text, int line, const char *needle)
{
	char *msg = NULL, prefix[32];
	size_t size = 0;
	FILE *err = open_memstream(&msg, &size);
	struct abi_def def = { 0 };
	int status = abigen_parse_string(text, "test.def", &def, err);
	fclose(err);
	snprintf(prefix, sizeof prefix, "test.def:%d: ", line);
	cr_assert_eq(status, -1, "accepted:\n%s", text);
	cr_assert_eq(def.nhypercalls, 0, "a rejected definition leaves the model empty");
	cr_assert_eq(strncmp(msg, prefix, strlen(prefix)), 0, "want %s..., got %s", prefix, msg);
	cr_assert(strstr(msg, needle), "want '%s' in: %s", needle, msg);
	cr_assert_eq(strchr(msg, '\n'), msg + size - 1, "one line only: %s", msg);
	free(msg);
}

/* Emit kind for def into a new string; template is only used by abi-md. */
static char *emit(enum abigen_kind kind, const struct abi_def *def, const char *template)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	int status = abigen_emit(kind, def, template, "test.md", out, stderr);
	fclose(out);
	cr_assert_eq(status, 0);
	return text;
}

static char *emit_small(enum abigen_kind kind)
{
	struct abi_def def;
	parse_ok(SMALL_DEF, &def);
	char *text = emit(kind, &def, NULL);
	abi_def_free(&def);
	return text;
}

static void assert_has(const char *text, const char *needle)
{
	cr_assert(strstr(text, needle), "want '%s' in:\n%s", needle, text);
}

/* The define of name in text must have exactly value (then blanks, a comment or the end). */
static void assert_define(const char *text, const char *name, const char *value)
{
	char head[128];
	snprintf(head, sizeof head, "#define %s ", name);
	const char *at = strstr(text, head);
	cr_assert(at, "no #define %s in:\n%s", name, text);
	at += strlen(head);
	cr_assert(strncmp(at, value, strlen(value)) == 0 && strchr(" \n", at[strlen(value)]),
		  "#define %s is not %s", name, value);
}

Test(abigen, parses_a_small_definition_into_the_model)
{
	struct abi_def def;
	parse_ok(SMALL_DEF, &def);
	cr_assert(def.has_version);
	cr_assert_eq(def.major, 2);
	cr_assert_eq(def.minor, 3);
	cr_assert_eq(def.nerrors, 2);
	cr_assert_str_eq(def.errors[1].name, "EINVAL");
	cr_assert_eq(def.errors[1].value, 22);
	cr_assert_str_eq(def.errors[1].text, "Bad argument.");
	cr_assert_eq(def.nfeatures, 1);
	cr_assert_str_eq(def.features[0].name, "FAST", "the PV_FEAT_ prefix is optional");
	cr_assert_eq(def.features[0].bit, 4);

	cr_assert_eq(def.nhypercalls, 2);
	const struct abi_hypercall *ping = &def.hypercalls[0], *write = &def.hypercalls[1];
	cr_assert_str_eq(ping->name, "ping", "sorted by number");
	cr_assert_eq(ping->nargs, 0);
	cr_assert_null(ping->returns);
	cr_assert_str_eq(write->name, "write");
	cr_assert_eq(write->number, 3);
	cr_assert_str_eq(write->summary, "Write bytes.");
	cr_assert_str_eq(write->returns, "Bytes written.");
	cr_assert_eq(write->nargs, 2);
	cr_assert_str_eq(write->args[0].type, "uint32_t");
	cr_assert_not(write->args[0].is_pointer);
	cr_assert_str_eq(write->args[1].name, "buf");
	cr_assert_str_eq(write->args[1].type, "const char *", "the type is normalised");
	cr_assert(write->args[1].is_pointer);
	cr_assert_eq(write->nerrors, 2);
	cr_assert_str_eq(write->errors[1].name, "EPERM");
	cr_assert_eq(write->nconsts, 1);
	cr_assert_str_eq(write->consts[0].value, "0x100", "kept as written");
	cr_assert_eq(write->ndoc, 2);
	cr_assert_str_eq(write->doc[1], "Line two.");
	abi_def_free(&def);
}

Test(abigen, rejects_an_unknown_directive)
{
	expect_reject("abi 0 1\nfrobnicate x\n", 2, "unknown directive 'frobnicate'");
}

Test(abigen, rejects_a_block_directive_outside_a_block)
{
	expect_reject("abi 0 1\nsummary Lost.\n", 2, "outside a hypercall block");
}

Test(abigen, rejects_a_top_level_directive_inside_a_block)
{
	expect_reject("abi 0 1\nhypercall 0 a\nsummary S.\nerror EX 1 Oops.\nend\n", 4,
		      "inside hypercall a");
}

Test(abigen, rejects_a_block_without_end)
{
	expect_reject("abi 0 1\nhypercall 0 a\nsummary S.\n", 2, "no 'end'");
}

Test(abigen, rejects_a_duplicate_hypercall_number)
{
	expect_reject("abi 0 1\nhypercall 1 a\nsummary S.\nend\nhypercall 1 b\nsummary S.\nend\n",
		      5, "duplicate hypercall number 1");
}

Test(abigen, rejects_a_duplicate_hypercall_name)
{
	expect_reject("abi 0 1\nhypercall 1 a\nsummary S.\nend\nhypercall 2 a\nsummary S.\nend\n",
		      5, "duplicate hypercall name a");
}

Test(abigen, rejects_a_number_past_the_last_page_slot)
{
	struct abi_def def;
	parse_ok("abi 0 1\nhypercall 127 last\nsummary S.\nend\n", &def);
	abi_def_free(&def);
	expect_reject("abi 0 1\nhypercall 128 a\nsummary S.\nend\n", 2, "out of range");
}

Test(abigen, rejects_a_sixth_arg)
{
	expect_reject("abi 0 1\nhypercall 0 a\nsummary S.\narg a uint32_t\narg b uint32_t\n"
		      "arg c uint32_t\narg d uint32_t\narg e uint32_t\narg f uint32_t\nend\n",
		      9, "more than 5 args");
}

Test(abigen, rejects_an_undeclared_error)
{
	expect_reject("abi 0 1\nerror EPERM 1 No.\nhypercall 0 a\nsummary S.\nerrors EPERM EBUSY\n"
		      "end\n",
		      5, "undeclared error EBUSY");
}

Test(abigen, rejects_a_duplicate_error_name)
{
	expect_reject("abi 0 1\nerror EPERM 1 No.\nerror EPERM 2 Again.\n", 3,
		      "duplicate name PV_EPERM");
}

Test(abigen, rejects_a_duplicate_feature_name)
{
	expect_reject("abi 0 1\nfeature FAST 0 Fast.\nfeature PV_FEAT_FAST 1 Faster.\n", 3,
		      "duplicate name PV_FEAT_FAST");
}

Test(abigen, rejects_a_duplicate_const_name_across_hypercalls)
{
	expect_reject("abi 0 1\nhypercall 0 a\nsummary S.\nconst PV_X 1 One.\nend\n"
		      "hypercall 1 b\nsummary S.\nconst PV_X 2 Two.\nend\n",
		      8, "duplicate name PV_X");
}

Test(abigen, rejects_a_name_that_collides_with_an_abigen_macro)
{
	expect_reject("abi 0 1\nhypercall 0 count\nsummary S.\nend\n", 2,
		      "duplicate name PV_HC_COUNT");
}

Test(abigen, rejects_a_definition_without_abi_line)
{
	expect_reject("error EPERM 1 No.\nhypercall 0 a\nsummary S.\nend\n", 4,
		      "missing 'abi MAJOR MINOR'");
}

Test(abigen, rejects_a_definition_without_hypercalls)
{
	expect_reject("abi 0 1\nerror EPERM 1 No.\n", 2, "no hypercall");
}

Test(abigen, rejects_a_hypercall_without_summary)
{
	expect_reject("abi 0 1\nhypercall 0 a\nreturns 0.\nend\n", 2, "no summary");
}

Test(abigen, rejects_text_that_would_end_a_c_comment)
{
	expect_reject("abi 0 1\nerror EPERM 1 No */ way.\n", 2, "comment delimiter");
}

Test(abigen, rejects_args_on_a_special_iret_call)
{
	expect_reject("abi 0 1\nhypercall 5 iret\nsummary S.\nspecial iret\narg a uint32_t\nend\n",
		      2, "cannot take args");
}

Test(abigen, numbers_header_defines_every_number)
{
	char *h = emit_small(ABIGEN_NUMBERS);
	cr_assert_eq(strncmp(h, ABIGEN_BANNER "\n", strlen(ABIGEN_BANNER) + 1), 0);
	assert_define(h, "PV_ABI_MAJOR", "2");
	assert_define(h, "PV_ABI_MINOR", "3");
	assert_define(h, "PV_ABI_VERSION", "((2u << 16) | 3u)");
	assert_define(h, "PV_EPERM", "1");
	assert_define(h, "PV_EINVAL", "22");
	assert_define(h, "PV_FEAT_FAST", "(1u << 4)");
	assert_define(h, "PV_HC_PING", "0");
	assert_define(h, "PV_HC_WRITE", "3");
	assert_define(h, "PV_HC_COUNT", "4");
	assert_define(h, "PV_WRITE_MAX", "0x100");
	assert_has(h, "/* The most bytes. */");
	assert_has(h, "#ifndef PV_ABI_GEN_H");
	free(h);
}

Test(abigen, table_puts_each_handler_at_its_number_and_leaves_gaps_empty)
{
	char *c = emit_small(ABIGEN_HV_TABLE);
	assert_has(c, "const struct hc_entry hc_table[PV_HC_COUNT] = {\n"
		      "\t[PV_HC_PING] = { \"ping\", 0, thunk_ping },\n"
		      "\t[PV_HC_WRITE] = { \"write\", 2, thunk_write },\n"
		      "};\n");
	assert_has(c, "return hc_write((uint32_t)a->arg[0], (guest_addr_t)a->arg[1]);");
	assert_has(c, "return hc_ping();");
	/* The whole initializer is matched above, so slots 1 and 2 have no designator and C
	 * leaves them zero: a NULL call. */
	free(c);
}

Test(abigen, hv_handlers_see_guest_pointers_as_guest_addr_t)
{
	char *h = emit_small(ABIGEN_HV_HANDLERS_H);
	assert_has(h, "#include \"hc/dispatch.h\"");
	assert_has(h, "long hc_write(uint32_t fd, guest_addr_t buf);");
	assert_has(h, "long hc_ping(void);");
	cr_assert_null(strstr(h, "char"), "no guest pointer type reaches hv");
	free(h);
}

Test(abigen, guest_wrappers_pass_pointers_as_register_values)
{
	char *h = emit_small(ABIGEN_WRAPPERS_H);
	char *c = emit_small(ABIGEN_WRAPPERS_C);
	assert_has(h, "long hv_write(uint32_t fd, const char *buf);");
	assert_has(h, " * Errors: PV_EINVAL, PV_EPERM. */");
	assert_has(c,
		   "long hv_write(uint32_t fd, const char *buf)\n{\n"
		   "\treturn pv_hypercall2(PV_HC_WRITE, (uint32_t)fd, (uint32_t)(uintptr_t)buf);\n"
		   "}\n");
	assert_has(c, "return pv_hypercall0(PV_HC_PING);");
	free(h);
	free(c);
}

Test(abigen, special_iret_gets_no_wrapper_but_a_handler)
{
	struct abi_def def;
	parse_ok("abi 0 1\nhypercall 5 iret\nsummary Back.\nspecial iret\nend\n", &def);
	char *h = emit(ABIGEN_WRAPPERS_H, &def, NULL);
	char *c = emit(ABIGEN_WRAPPERS_C, &def, NULL);
	char *hv = emit(ABIGEN_HV_HANDLERS_H, &def, NULL);
	cr_assert_null(strstr(h, "hv_iret"));
	cr_assert_null(strstr(c, "hv_iret"));
	assert_has(h, "PV_HYPERCALL_SLOT(PV_HC_IRET)");
	assert_has(hv, "long hc_iret(void);");
	free(h);
	free(c);
	free(hv);
	abi_def_free(&def);
}

Test(abigen, output_is_deterministic)
{
	static const char template[] = "<!-- abigen:begin -->\n<!-- abigen:end -->\n";
	struct abi_def first, second;
	parse_ok(SMALL_DEF, &first);
	parse_ok(SMALL_DEF, &second);
	for (int kind = ABIGEN_NUMBERS; kind <= ABIGEN_ABI_MD; kind++) {
		char *a = emit((enum abigen_kind)kind, &first, template);
		char *b = emit((enum abigen_kind)kind, &second, template);
		char *c = emit((enum abigen_kind)kind, &first, template);
		cr_assert_str_eq(a, b, "kind %d differs between two parses", kind);
		cr_assert_str_eq(a, c, "kind %d differs between two runs", kind);
		free(a);
		free(b);
		free(c);
	}
	abi_def_free(&first);
	abi_def_free(&second);
}

Test(abigen, abi_md_replaces_only_the_text_between_the_markers)
{
	static const char head[] = "# Title\n\nHand-written intro.\n<!-- abigen:begin -->\n";
	static const char tail[] = "<!-- abigen:end -->\n\n## Calling convention\nHand text.\n";
	char template[256];
	snprintf(template, sizeof template, "%sstale table\n%s", head, tail);

	struct abi_def def;
	parse_ok(SMALL_DEF, &def);
	char *md = emit(ABIGEN_ABI_MD, &def, template);
	cr_assert_eq(strncmp(md, head, strlen(head)), 0, "the text before is kept:\n%s", md);
	cr_assert_str_eq(md + strlen(md) - strlen(tail), tail, "the text after is kept");
	cr_assert_null(strstr(md, "stale table"));
	assert_has(md, "| 3 | `write` | `uint32_t fd`, `const char *buf` | Bytes written. | "
		       "`PV_EINVAL`, `PV_EPERM` | Write bytes. |");
	assert_has(md, "| `PV_EINVAL` | -22 | Bad argument. |");
	assert_has(md, "| `PV_FEAT_FAST` | 4 | The fast path. |");
	assert_has(md, "\n### write\n");

	char *again = emit(ABIGEN_ABI_MD, &def, md);
	cr_assert_str_eq(again, md, "regenerating from the output changes nothing");
	free(again);
	free(md);
	abi_def_free(&def);
}

Test(abigen, abi_md_without_markers_is_an_error)
{
	struct abi_def def;
	char *out = NULL, *msg = NULL;
	size_t out_size = 0, msg_size = 0;
	parse_ok(SMALL_DEF, &def);
	FILE *o = open_memstream(&out, &out_size), *e = open_memstream(&msg, &msg_size);
	int status =
		abigen_emit(ABIGEN_ABI_MD, &def, "# Title\n<!-- abigen:begin -->\n", "t.md", o, e);
	fclose(o);
	fclose(e);
	cr_assert_eq(status, -1);
	assert_has(msg, "t.md:2: missing <!-- abigen:end --> line");
	free(out);
	free(msg);
	abi_def_free(&def);
}
