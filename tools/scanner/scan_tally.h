/* scan_tally.h: what pvscan found in one file, and the summary it prints.
 *
 * The summary is the part scripts read (check-pvscan does), so its shape is
 * fixed:
 *
 *   build/tests/guests/leak.elf: 4 sensitive, 1 exempted, 3 reported, 0 undecodable
 *     sgdt: 1
 *     sidt: 2
 *
 * "sensitive" counts every sensitive instruction, "exempted" those forgiven in
 * a sanctioned stub, and "reported" the rest. The indented lines count the
 * reported instructions by canonical name, in alphabetical order; exempted ones
 * are not listed there. "undecodable" counts what objdump could not decode:
 * (bad), or a ".byte" where the next symbol or the end of the section cuts an
 * instruction short. */
#ifndef PVSCAN_SCAN_TALLY_H
#define PVSCAN_SCAN_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "insn_classify.h"

#define PVSCAN_TALLY_NAMES 128 /* more than the classifier has names */

struct pvscan_name_count {
	const char *name; /* static storage from pvscan_classify */
	unsigned count;
};

struct pvscan_tally {
	unsigned found;
	unsigned exempted;
	unsigned undecodable;
	size_t n_names;
	struct pvscan_name_count reported[PVSCAN_TALLY_NAMES]; /* sorted by name */
};

void pvscan_tally_init(struct pvscan_tally *t);

/* Count one classified instruction; exempted says a sanctioned range forgave it.
 * Plain instructions are ignored. */
void pvscan_tally_add(struct pvscan_tally *t, struct pvscan_insn_class c, bool exempted);

/* Number of sensitive instructions that were not exempted. */
unsigned pvscan_tally_reported(const struct pvscan_tally *t);

/* Print the summary for the file at path, in the shape shown above. */
void pvscan_tally_print(FILE *out, const char *path, const struct pvscan_tally *t);

#endif
