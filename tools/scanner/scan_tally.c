/* scan_tally.c: counting sensitive instructions by name, and printing the summary. */
#include "scan_tally.h"

#include <string.h>

void pvscan_tally_init(struct pvscan_tally *t)
{
	memset(t, 0, sizeof(*t));
}

/* Add one to name's count, inserting it in alphabetical order if it is new. */
static void count_name(struct pvscan_tally *t, const char *name)
{
	size_t i = 0;

	while (i < t->n_names && strcmp(t->reported[i].name, name) < 0)
		i++;
	if (i < t->n_names && strcmp(t->reported[i].name, name) == 0) {
		t->reported[i].count++;
		return;
	}
	if (t->n_names == PVSCAN_TALLY_NAMES)
		return; /* cannot happen: the classifier has fewer names */
	memmove(&t->reported[i + 1], &t->reported[i], (t->n_names - i) * sizeof(t->reported[0]));
	t->reported[i] = (struct pvscan_name_count){ name, 1 };
	t->n_names++;
}

void pvscan_tally_add(struct pvscan_tally *t, struct pvscan_insn_class c, bool exempted)
{
	switch (c.kind) {
	case PVSCAN_PLAIN:
		return;
	case PVSCAN_UNDECODABLE:
		t->undecodable++;
		return;
	case PVSCAN_SENSITIVE:
	case PVSCAN_SANCTIONABLE:
		t->found++;
		if (exempted)
			t->exempted++;
		else
			count_name(t, c.name);
		return;
	}
}

unsigned pvscan_tally_reported(const struct pvscan_tally *t)
{
	return t->found - t->exempted;
}

void pvscan_tally_print(FILE *out, const char *path, const struct pvscan_tally *t)
{
	fprintf(out, "%s: %u sensitive, %u exempted, %u reported, %u undecodable\n", path, t->found,
		t->exempted, pvscan_tally_reported(t), t->undecodable);
	for (size_t i = 0; i < t->n_names; i++)
		fprintf(out, "  %s: %u\n", t->reported[i].name, t->reported[i].count);
}
