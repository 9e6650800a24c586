/* sanctioned.h: the address ranges a guest has declared to be hypercall stubs.
 *
 * A guest brackets each stub with two symbols, pvscan_sanctioned_begin__TAG and
 * pvscan_sanctioned_end__TAG (hypercall-abi/include/pv/pvscan.h makes them).
 * Each pair is a half-open range [begin, end) in one section. Inside a range
 * only hypercall transports (vmcall, vmmcall) and iret are forgiven; every
 * other sensitive instruction there is still reported.
 *
 * Use: pvscan_sanctioned_init, pvscan_sanctioned_note_nm_line for each line of
 * `nm -f sysv --defined-only`, pvscan_sanctioned_finish once (which pairs and
 * checks the markers), then pvscan_sanctioned_exempts per instruction, and
 * pvscan_sanctioned_free. No marker may be noted after finish. */
#ifndef PVSCAN_SANCTIONED_H
#define PVSCAN_SANCTIONED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "insn_classify.h"

#define PVSCAN_MARKER_PREFIX "pvscan_sanctioned_"
#define PVSCAN_MARKER_TAG_MAX 128
#define PVSCAN_SECTION_MAX 256

struct pvscan_marker {
	char tag[PVSCAN_MARKER_TAG_MAX];
	char section[PVSCAN_SECTION_MAX];
	uint64_t addr;
	bool is_begin;
};

struct pvscan_range {
	const char *tag;     /* points into the begin marker */
	const char *section; /* likewise */
	uint64_t begin, end; /* [begin, end) */
};

struct pvscan_sanctioned {
	struct pvscan_marker *markers;
	size_t n_markers, cap_markers;
	struct pvscan_range *ranges; /* built by pvscan_sanctioned_finish */
	size_t n_ranges;
	char error[1024]; /* why the last failing call failed */
};

/* Return whether name is in the marker namespace (well-formed or not). */
bool pvscan_is_marker_symbol(const char *name);

void pvscan_sanctioned_init(struct pvscan_sanctioned *s);
void pvscan_sanctioned_free(struct pvscan_sanctioned *s);

/* Record the symbol on one line of `nm -f sysv` output if it is a marker; other
 * lines are ignored. Return false, with s->error set, for a malformed marker
 * name ("pvscan_sanctioned_" not followed by "begin__TAG" or "end__TAG") or if
 * memory runs out. */
bool pvscan_sanctioned_note_nm_line(struct pvscan_sanctioned *s, const char *line);

/* Record one marker symbol directly; same contract as the nm-line version. */
bool pvscan_sanctioned_note_symbol(struct pvscan_sanctioned *s, const char *name,
				   const char *section, uint64_t addr);

/* Pair every begin with the end of the same tag that follows it in the same
 * section. Return false, with s->error naming the offending symbol, if a begin
 * or end has no partner or two ranges of one tag overlap. A tag may be used for
 * several ranges (e.g. a static inline stub compiled into several files). */
bool pvscan_sanctioned_finish(struct pvscan_sanctioned *s);

/* Return the range that wholly contains the length bytes at addr in section,
 * or NULL. */
const struct pvscan_range *pvscan_sanctioned_find(const struct pvscan_sanctioned *s,
						  const char *section, uint64_t addr,
						  unsigned length);

/* The exemption rule: return the range that forgives instruction c at addr
 * (length bytes, in section), or NULL if it must be reported. Only a
 * PVSCAN_SANCTIONABLE instruction wholly inside a range is forgiven. */
const struct pvscan_range *pvscan_sanctioned_exempts(const struct pvscan_sanctioned *s,
						     struct pvscan_insn_class c,
						     const char *section, uint64_t addr,
						     unsigned length);

#endif
