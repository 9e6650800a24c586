/* abigen_parse.h: reading hypercalls.def into the model, rejecting anything malformed.
 *
 * The syntax is described at the top of hypercall-abi/hypercalls.def. The parser stops at the
 * first problem and reports it as "FILE:LINE: message", the form editors and make jump to. */
#ifndef ABIGEN_PARSE_H
#define ABIGEN_PARSE_H

#include <stdio.h>

#include "abigen_model.h"

/* Parse the definition read from in, called file in diagnostics, into *def (which the caller
 * zeroes first). Return 0 with *def satisfying the invariants of abigen_model.h, or print one
 * diagnostic to err and return -1 with *def left empty. */
int abigen_parse(FILE *in, const char *file, struct abi_def *def, FILE *err);

/* The same, reading the definition from the NUL-terminated string text. */
int abigen_parse_string(const char *text, const char *file, struct abi_def *def, FILE *err);

#endif
