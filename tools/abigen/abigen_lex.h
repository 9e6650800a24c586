/* abigen_lex.h: cutting one hypercalls.def line into words, names, numbers, types and text.
 *
 * A cursor points into the line and each lex_* call consumes what it returns. Words are cut in
 * place (the line is modified), so a returned string lives as long as the line does; copy it to
 * keep it. Each lex_* that can fail prints "file:line: message" through its lex_line and
 * returns -1. */
#ifndef ABIGEN_LEX_H
#define ABIGEN_LEX_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Where problems with the line being cut are reported. */
struct lex_line {
	FILE *err;
	const char *file;
	int line;
};

/* Cut the next blank-separated word off *cursor and return it, or NULL at the end of the line. */
char *lex_word(char **cursor);

/* Return whether a word is left at cursor. */
bool lex_peek(const char *cursor);

/* Cut a C identifier of at most ABI_NAME_MAX characters into *name; what names it in messages. */
int lex_name(const struct lex_line *at, char **cursor, const char *what, char **name);

/* Cut a decimal or 0x-hexadecimal number of at most max into *value, and its spelling into
 * *text when text is not NULL. */
int lex_number(const struct lex_line *at, char **cursor, const char *what, uint32_t max,
	       uint32_t *value, char **text);

/* Take the rest of the line as a C type into *type, a heap copy with blanks made single and one
 * blank before a trailing '*' ("char*" becomes "char *"). */
int lex_type(const struct lex_line *at, char **cursor, char **type);

/* Take the rest of the line as free text into *text. It must not be empty and must not contain
 * "/" "*" or "*" "/", because every text also ends up inside a C comment. */
int lex_text(const struct lex_line *at, char **cursor, const char *what, char **text);

/* Fail unless nothing is left on the line after the directive. */
int lex_end(const struct lex_line *at, char **cursor, const char *directive);

#endif
