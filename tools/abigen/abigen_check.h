/* abigen_check.h: the rules that need the whole definition, and the diagnostic format.
 *
 * The parser checks what one line can tell (syntax, ranges, block structure). What needs every
 * line first is checked here once the file has been read: the `abi` line exists, there is a
 * hypercall, each `errors` name is declared somewhere, and no two items turn into the same C
 * macro. */
#ifndef ABIGEN_CHECK_H
#define ABIGEN_CHECK_H

#include <stdio.h>

#include "abigen_model.h"

/* Print "file:line: message" and a newline to err. Returns -1, so callers can return it. */
int abigen_diag(FILE *err, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Check the whole-definition rules on a parsed def whose file has last_line lines. Return 0, or
 * print the first violation to err and return -1. */
int abigen_check(const struct abi_def *def, const char *file, int last_line, FILE *err);

#endif
