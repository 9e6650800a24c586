/* abigen_model.h: hypercalls.def in memory, built by the parser and read by the emitters.
 *
 * Invariants of a model that abigen_parse() returned successfully:
 *   - has_version is true;
 *   - every name is a C identifier of at most ABI_NAME_MAX characters, and hypercall names are
 *     lower case, so each turns into exactly one macro (PV_<error>, PV_FEAT_<feature>,
 *     PV_HC_<HYPERCALL>, <const>) and no two of those macros collide;
 *   - there is at least one hypercall; they are sorted by number, and numbers are unique and
 *     below ABI_MAX_HYPERCALLS;
 *   - each hypercall has a summary, at most ABI_MAX_ARGS args, and only lists declared errors;
 *   - a special iret hypercall has no arguments;
 *   - no text contains a C comment delimiter, so every text can go into a comment.
 * Emitters rely on these and never re-check them. */
#ifndef ABIGEN_MODEL_H
#define ABIGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ABI_MAX_ARGS 5	       /* EBX ECX EDX ESI EDI */
#define ABI_MAX_HYPERCALLS 128 /* the hypercall page has 128 slots */
#define ABI_NAME_MAX 48	       /* longest name a directive may give */
#define ABI_MACRO_MAX 64       /* room for the longest macro made from a name */

/* `error NAME VALUE TEXT`: hypercalls return -value. */
struct abi_error {
	char *name;
	uint32_t value;
	char *text;
	int line;
};

/* `feature NAME BIT TEXT`; name is stored without its optional PV_FEAT_ prefix. */
struct abi_feature {
	char *name;
	uint32_t bit;
	char *text;
	int line;
};

/* `const NAME VALUE TEXT` inside a hypercall block; value is kept as written. */
struct abi_const {
	char *name;
	char *value;
	char *text;
	int line;
};

/* `arg NAME TYPE`; a type ending in '*' is a guest pointer. */
struct abi_arg {
	char *name;
	char *type;
	bool is_pointer;
};

/* One name on an `errors` line, with the line for diagnostics. */
struct abi_error_ref {
	char *name;
	int line;
};

/* A `hypercall NUMBER NAME ... end` block. */
struct abi_hypercall {
	uint32_t number;
	char *name;
	int line;
	char *summary;
	char *returns; /* NULL when the block has no `returns` */
	struct abi_arg args[ABI_MAX_ARGS];
	size_t nargs;
	struct abi_error_ref *errors;
	size_t nerrors;
	struct abi_const *consts;
	size_t nconsts;
	char **doc; /* one entry per `doc` line, in order */
	size_t ndoc;
	bool special_iret;
};

/* The whole definition. */
struct abi_def {
	bool has_version;
	uint32_t major;
	uint32_t minor;
	struct abi_error *errors;
	size_t nerrors;
	struct abi_feature *features;
	size_t nfeatures;
	struct abi_hypercall *hypercalls;
	size_t nhypercalls;
};

/* Append one zeroed element to the heap array whose pointer is at array_ptr and which holds *count
 * elements of size bytes; return the new element. Exits when memory runs out: abigen is a build
 * tool. ABI_PUSH(array, count) is the typed form. */
void *abi_push(void *array_ptr, size_t *count, size_t size);
#define ABI_PUSH(array, count) ((__typeof__(array))abi_push(&(array), &(count), sizeof *(array)))

/* Return a heap copy of s; exits when memory runs out. */
char *abi_strdup(const char *s);

/* Free every allocation of def and leave it empty (all zero). */
void abi_def_free(struct abi_def *def);

/* Free the allocations of one hypercall block. */
void abi_hypercall_free(struct abi_hypercall *hc);

/* Return the declared error called name, or NULL. */
const struct abi_error *abi_find_error(const struct abi_def *def, const char *name);

#endif
