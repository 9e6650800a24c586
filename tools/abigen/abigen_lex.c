/* abigen_lex.c: cutting one hypercalls.def line into words, names, numbers, types and text. */
#include "abigen_lex.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "abigen_check.h"
#include "abigen_model.h"

#define FAIL(at, ...) abigen_diag((at)->err, (at)->file, (at)->line, __VA_ARGS__)

static char *skip_blanks(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

char *lex_word(char **cursor)
{
	char *start = skip_blanks(*cursor);
	if (*start == '\0')
		return NULL;
	char *end = start;
	while (*end && *end != ' ' && *end != '\t')
		end++;
	*cursor = *end ? end + 1 : end;
	*end = '\0';
	return start;
}

bool lex_peek(const char *cursor)
{
	return *skip_blanks((char *)cursor) != '\0';
}

static bool is_identifier(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return false;
	return true;
}

int lex_name(const struct lex_line *at, char **cursor, const char *what, char **name)
{
	*name = lex_word(cursor);
	if (!*name)
		return FAIL(at, "missing %s", what);
	if (!is_identifier(*name))
		return FAIL(at, "%s '%s' is not a C identifier", what, *name);
	if (strlen(*name) > ABI_NAME_MAX)
		return FAIL(at, "%s '%s' is longer than %d characters", what, *name, ABI_NAME_MAX);
	return 0;
}

int lex_number(const struct lex_line *at, char **cursor, const char *what, uint32_t max,
	       uint32_t *value, char **text)
{
	char *word = lex_word(cursor);
	if (!word)
		return FAIL(at, "missing %s", what);

	bool hex = word[0] == '0' && (word[1] == 'x' || word[1] == 'X');
	const char *digits = hex ? word + 2 : word;
	uint64_t n = 0;
	if (*digits == '\0')
		return FAIL(at, "%s '%s' is not a number", what, word);
	for (const char *d = digits; *d; d++) {
		int digit;
		if (isdigit((unsigned char)*d))
			digit = *d - '0';
		else if (hex && isxdigit((unsigned char)*d))
			digit = tolower((unsigned char)*d) - 'a' + 10;
		else
			return FAIL(at, "%s '%s' is not a number (decimal or 0x hex)", what, word);
		n = n * (hex ? 16 : 10) + (uint64_t)digit;
		if (n > max)
			return FAIL(at, "%s %s is out of range (at most %u)", what, word, max);
	}
	*value = (uint32_t)n;
	if (text)
		*text = word;
	return 0;
}

int lex_type(const struct lex_line *at, char **cursor, char **type)
{
	const char *in = skip_blanks(*cursor);
	if (*in == '\0')
		return FAIL(at, "missing arg type");
	if (!isalpha((unsigned char)*in) && *in != '_')
		return FAIL(at, "arg type '%s' is not a C type", in);

	/* At worst a blank goes before each character. The first one is a letter, so out[len - 1]
	 * below always exists. */
	char *out = malloc(2 * strlen(in) + 1);
	size_t len = 0;
	bool blank = false;
	if (!out) {
		fputs("abigen: out of memory\n", stderr);
		exit(1);
	}
	for (const char *c = in; *c; c++) {
		if (*c == ' ' || *c == '\t') {
			blank = true;
		} else if (*c == '*') {
			if (out[len - 1] != '*')
				out[len++] = ' ';
			out[len++] = '*';
			blank = false;
		} else if (isalnum((unsigned char)*c) || *c == '_') {
			if (len > 0 && (blank || out[len - 1] == '*'))
				out[len++] = ' ';
			out[len++] = *c;
			blank = false;
		} else {
			free(out);
			return FAIL(at, "arg type '%s' is not a C type", in);
		}
	}
	out[len] = '\0';
	*cursor += strlen(*cursor);
	*type = out;
	return 0;
}

int lex_text(const struct lex_line *at, char **cursor, const char *what, char **text)
{
	char *rest = skip_blanks(*cursor);
	if (*rest == '\0')
		return FAIL(at, "missing %s", what);
	if (strstr(rest, "/*") || strstr(rest, "*/"))
		return FAIL(at, "%s must not contain a C comment delimiter", what);
	*cursor = rest + strlen(rest);
	*text = rest;
	return 0;
}

int lex_end(const struct lex_line *at, char **cursor, const char *directive)
{
	char *extra = lex_word(cursor);
	if (extra)
		return FAIL(at, "unexpected '%s' after '%s'", extra, directive);
	return 0;
}
