/* abigen_model.c: allocation and lookup for the hypercalls.def model. */
#include "abigen_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("abigen: out of memory\n", stderr);
	exit(1);
}

void *abi_push(void *array_ptr, size_t *count, size_t size)
{
	void *array;
	memcpy(&array, array_ptr, sizeof array);
	array = realloc(array, (*count + 1) * size);
	if (!array)
		out_of_memory();
	memcpy(array_ptr, &array, sizeof array);

	void *element = (char *)array + *count * size;
	memset(element, 0, size);
	(*count)++;
	return element;
}

char *abi_strdup(const char *s)
{
	char *copy = strdup(s);
	if (!copy)
		out_of_memory();
	return copy;
}

void abi_hypercall_free(struct abi_hypercall *hc)
{
	free(hc->name);
	free(hc->summary);
	free(hc->returns);
	for (size_t i = 0; i < hc->nargs; i++) {
		free(hc->args[i].name);
		free(hc->args[i].type);
	}
	for (size_t i = 0; i < hc->nerrors; i++)
		free(hc->errors[i].name);
	free(hc->errors);
	for (size_t i = 0; i < hc->nconsts; i++) {
		free(hc->consts[i].name);
		free(hc->consts[i].value);
		free(hc->consts[i].text);
	}
	free(hc->consts);
	for (size_t i = 0; i < hc->ndoc; i++)
		free(hc->doc[i]);
	free(hc->doc);
	memset(hc, 0, sizeof *hc);
}

void abi_def_free(struct abi_def *def)
{
	for (size_t i = 0; i < def->nerrors; i++) {
		free(def->errors[i].name);
		free(def->errors[i].text);
	}
	free(def->errors);
	for (size_t i = 0; i < def->nfeatures; i++) {
		free(def->features[i].name);
		free(def->features[i].text);
	}
	free(def->features);
	for (size_t i = 0; i < def->nhypercalls; i++)
		abi_hypercall_free(&def->hypercalls[i]);
	free(def->hypercalls);
	memset(def, 0, sizeof *def);
}

const struct abi_error *abi_find_error(const struct abi_def *def, const char *name)
{
	for (size_t i = 0; i < def->nerrors; i++)
		if (strcmp(def->errors[i].name, name) == 0)
			return &def->errors[i];
	return NULL;
}
