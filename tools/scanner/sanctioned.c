/* sanctioned.c: collecting, pairing and querying the sanctioned hypercall-stub ranges.
 *
 * Pairing is a sort and one walk: order the markers by (tag, section, address)
 * with an end before a begin at the same address, so that back-to-back ranges
 * of one tag pair correctly. Each group of one tag in one section must then
 * read begin, end, begin, end, ... and anything else is an error: the
 * exemption is only trustworthy if the annotation is exactly as written. */
#include "sanctioned.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NM_FIELDS 7 /* name|value|class|type|size|line|section */

bool pvscan_is_marker_symbol(const char *name)
{
	return strncmp(name, PVSCAN_MARKER_PREFIX, strlen(PVSCAN_MARKER_PREFIX)) == 0;
}

void pvscan_sanctioned_init(struct pvscan_sanctioned *s)
{
	memset(s, 0, sizeof(*s));
}

void pvscan_sanctioned_free(struct pvscan_sanctioned *s)
{
	free(s->markers);
	free(s->ranges);
	pvscan_sanctioned_init(s);
}

/* Return the marker name for m, e.g. "pvscan_sanctioned_end__hc", in buf. */
static const char *marker_name(const struct pvscan_marker *m, char *buf, size_t size)
{
	snprintf(buf, size, PVSCAN_MARKER_PREFIX "%s__%s", m->is_begin ? "begin" : "end", m->tag);
	return buf;
}

bool pvscan_sanctioned_note_symbol(struct pvscan_sanctioned *s, const char *name,
				   const char *section, uint64_t addr)
{
	struct pvscan_marker m = { .addr = addr };
	const char *rest, *tag;

	if (!pvscan_is_marker_symbol(name))
		return true;
	rest = name + strlen(PVSCAN_MARKER_PREFIX);
	if (strncmp(rest, "begin__", 7) == 0) {
		m.is_begin = true;
		tag = rest + 7;
	} else if (strncmp(rest, "end__", 5) == 0) {
		tag = rest + 5;
	} else {
		snprintf(s->error, sizeof(s->error),
			 "malformed marker %s: expected " PVSCAN_MARKER_PREFIX
			 "begin__TAG or " PVSCAN_MARKER_PREFIX "end__TAG",
			 name);
		return false;
	}
	if (tag[0] == '\0' || strlen(tag) >= sizeof(m.tag) ||
	    strlen(section) >= sizeof(m.section)) {
		snprintf(s->error, sizeof(s->error), "malformed marker %s: empty or too long",
			 name);
		return false;
	}
	strcpy(m.tag, tag);
	strcpy(m.section, section);

	if (s->n_markers == s->cap_markers) {
		size_t cap = s->cap_markers ? 2 * s->cap_markers : 16;
		struct pvscan_marker *grown = realloc(s->markers, cap * sizeof(*grown));
		if (grown == NULL) {
			snprintf(s->error, sizeof(s->error), "out of memory");
			return false;
		}
		s->markers = grown;
		s->cap_markers = cap;
	}
	s->markers[s->n_markers++] = m;
	return true;
}

/* Copy field [start, end) of an nm line into dst without surrounding blanks. */
static void copy_trimmed(char *dst, size_t size, const char *start, const char *end)
{
	while (start < end && (*start == ' ' || *start == '\t'))
		start++;
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n'))
		end--;
	size_t n = (size_t)(end - start) < size ? (size_t)(end - start) : size - 1;
	memcpy(dst, start, n);
	dst[n] = '\0';
}

bool pvscan_sanctioned_note_nm_line(struct pvscan_sanctioned *s, const char *line)
{
	const char *field[NM_FIELDS + 1];
	char name[512], value[32], section[PVSCAN_SECTION_MAX + 1];
	int n = 0;

	field[n++] = line;
	for (const char *p = line; *p != '\0' && n <= NM_FIELDS; p++)
		if (*p == '|')
			field[n++] = p + 1;
	if (n != NM_FIELDS)
		return true; /* a heading or a blank line */
	copy_trimmed(name, sizeof(name), field[0], field[1] - 1);
	if (!pvscan_is_marker_symbol(name))
		return true;
	copy_trimmed(value, sizeof(value), field[1], field[2] - 1);
	copy_trimmed(section, sizeof(section), field[6], field[6] + strlen(field[6]));

	char *end;
	uint64_t addr = strtoull(value, &end, 16);
	if (value[0] == '\0' || *end != '\0') {
		snprintf(s->error, sizeof(s->error), "cannot read the value of %s from nm", name);
		return false;
	}
	return pvscan_sanctioned_note_symbol(s, name, section, addr);
}

/* qsort order: tag, section, address, and an end before a begin at one address. */
static int marker_order(const void *a, const void *b)
{
	const struct pvscan_marker *x = a, *y = b;
	int c = strcmp(x->tag, y->tag);

	if (c == 0)
		c = strcmp(x->section, y->section);
	if (c == 0 && x->addr != y->addr)
		c = x->addr < y->addr ? -1 : 1;
	if (c == 0)
		c = (int)x->is_begin - (int)y->is_begin;
	return c;
}

/* Return whether markers a and b belong to the same (tag, section) group. */
static bool same_group(const struct pvscan_marker *a, const struct pvscan_marker *b)
{
	return strcmp(a->tag, b->tag) == 0 && strcmp(a->section, b->section) == 0;
}

/* Set s->error to "<marker> in <section> at <addr> <complaint>" and return false. */
static bool marker_error(struct pvscan_sanctioned *s, const struct pvscan_marker *m,
			 const char *complaint)
{
	char name[PVSCAN_MARKER_TAG_MAX + 32];

	snprintf(s->error, sizeof(s->error), "%s in %s at 0x%" PRIx64 " %s",
		 marker_name(m, name, sizeof(name)), m->section, m->addr, complaint);
	return false;
}

bool pvscan_sanctioned_finish(struct pvscan_sanctioned *s)
{
	const struct pvscan_marker *open = NULL;

	free(s->ranges);
	s->n_ranges = 0;
	s->ranges = calloc(s->n_markers / 2 + 1, sizeof(*s->ranges));
	if (s->ranges == NULL) {
		snprintf(s->error, sizeof(s->error), "out of memory");
		return false;
	}
	if (s->n_markers > 0)
		qsort(s->markers, s->n_markers, sizeof(*s->markers), marker_order);

	for (size_t i = 0; i < s->n_markers; i++) {
		const struct pvscan_marker *m = &s->markers[i];

		if (open != NULL && !same_group(open, m))
			return marker_error(s, open, "has no matching end after it");
		if (m->is_begin && open != NULL)
			return marker_error(s, m, "opens a range before the previous one ended");
		if (m->is_begin) {
			open = m;
			continue;
		}
		if (open == NULL)
			return marker_error(s, m, "has no matching begin before it");
		s->ranges[s->n_ranges++] = (struct pvscan_range){ .tag = open->tag,
								  .section = open->section,
								  .begin = open->addr,
								  .end = m->addr };
		open = NULL;
	}
	if (open != NULL)
		return marker_error(s, open, "has no matching end after it");
	return true;
}

const struct pvscan_range *pvscan_sanctioned_find(const struct pvscan_sanctioned *s,
						  const char *section, uint64_t addr,
						  unsigned length)
{
	for (size_t i = 0; i < s->n_ranges; i++) {
		const struct pvscan_range *r = &s->ranges[i];
		if (strcmp(r->section, section) == 0 && addr >= r->begin && addr + length <= r->end)
			return r;
	}
	return NULL;
}

const struct pvscan_range *pvscan_sanctioned_exempts(const struct pvscan_sanctioned *s,
						     struct pvscan_insn_class c,
						     const char *section, uint64_t addr,
						     unsigned length)
{
	if (c.kind != PVSCAN_SANCTIONABLE)
		return NULL;
	return pvscan_sanctioned_find(s, section, addr, length);
}
