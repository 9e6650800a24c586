/* objdump_line.c: recognising the four line shapes of `objdump -d -w` output.
 *
 * Each shape has a fixed frame, so a small hand-written matcher per shape is
 * enough: no regular expressions, and an unexpected line is simply "other". */
#include "objdump_line.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Copy the n bytes at src into dst (capacity size) as a string, truncating. */
static void copy_span(char *dst, size_t size, const char *src, size_t n)
{
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Length of line without its trailing newline and carriage return. */
static size_t trimmed_length(const char *line)
{
	size_t n = strlen(line);

	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		n--;
	return n;
}

/* Read hexadecimal digits at *p into *value and advance *p. Return false if
 * there are none or more than 16. */
static bool read_hex(const char **p, uint64_t *value)
{
	const char *s = *p;
	uint64_t v = 0;
	int digits = 0;

	for (; isxdigit((unsigned char)*s); s++, digits++) {
		int d = isdigit((unsigned char)*s) ? *s - '0' :
						     tolower((unsigned char)*s) - 'a' + 10;
		v = v << 4 | (uint64_t)d;
	}
	if (digits == 0 || digits > 16)
		return false;
	*value = v;
	*p = s;
	return true;
}

/* Copy text into dst with every run of blanks collapsed to one space and no
 * blanks at either end. */
static void collapse_blanks(char *dst, size_t size, const char *text, size_t n)
{
	size_t out = 0;
	bool pending_space = false;

	for (size_t i = 0; i < n && out + 1 < size; i++) {
		if (text[i] == ' ' || text[i] == '\t') {
			pending_space = out > 0;
			continue;
		}
		if (pending_space && out + 2 < size)
			dst[out++] = ' ';
		pending_space = false;
		dst[out++] = text[i];
	}
	dst[out] = '\0';
}

/* "   1f:\t0f 00 c0 \tsldt   %eax": address, raw bytes, text. */
static bool parse_insn(const char *line, size_t n, struct pvscan_line *out)
{
	const char *p = line;
	const char *end = line + n;

	while (*p == ' ')
		p++;
	if (!read_hex(&p, &out->addr) || p[0] != ':' || p[1] != '\t')
		return false;
	p += 2;

	unsigned length = 0;
	while (p + 1 < end && isxdigit((unsigned char)p[0]) && isxdigit((unsigned char)p[1]) &&
	       (p + 2 == end || p[2] == ' ' || p[2] == '\t')) {
		length++;
		p += 2;
		while (p < end && *p == ' ')
			p++;
	}
	if (length == 0)
		return false;
	if (p < end && *p == '\t')
		p++;
	out->kind = PVSCAN_LINE_INSN;
	out->length = length;
	collapse_blanks(out->text, sizeof(out->text), p, (size_t)(end - p));
	return true;
}

/* "c0100000 <hv_entry>:": address, then a symbol name in angle brackets. */
static bool parse_symbol(const char *line, size_t n, struct pvscan_line *out)
{
	const char *p = line;

	if (!read_hex(&p, &out->addr) || p[0] != ' ' || p[1] != '<')
		return false;
	p += 2;
	if (n < 2 || line + n - 2 < p || strncmp(line + n - 2, ">:", 2) != 0)
		return false;
	out->kind = PVSCAN_LINE_SYMBOL;
	copy_span(out->name, sizeof(out->name), p, (size_t)(line + n - 2 - p));
	return true;
}

/* "Disassembly of section .text:" */
static bool parse_section(const char *line, size_t n, struct pvscan_line *out)
{
	static const char lead[] = "Disassembly of section ";
	size_t lead_len = sizeof(lead) - 1;

	if (n <= lead_len + 1 || strncmp(line, lead, lead_len) != 0 || line[n - 1] != ':')
		return false;
	out->kind = PVSCAN_LINE_SECTION;
	copy_span(out->name, sizeof(out->name), line + lead_len, n - lead_len - 1);
	return true;
}

/* "path:     file format elf32-i386": the format is the last word. */
static bool parse_format(const char *line, size_t n, struct pvscan_line *out)
{
	static const char marker[] = ":     file format ";
	const char *found = NULL;

	for (const char *p = strstr(line, marker); p != NULL && p < line + n;
	     p = strstr(p + 1, marker))
		found = p;
	if (found == NULL)
		return false;
	const char *format = found + sizeof(marker) - 1;
	out->kind = PVSCAN_LINE_FORMAT;
	copy_span(out->name, sizeof(out->name), format, (size_t)(line + n - format));
	return true;
}

void pvscan_parse_line(const char *line, struct pvscan_line *out)
{
	size_t n = trimmed_length(line);

	memset(out, 0, sizeof(*out));
	out->kind = PVSCAN_LINE_OTHER;
	if (parse_insn(line, n, out) || parse_symbol(line, n, out) || parse_section(line, n, out) ||
	    parse_format(line, n, out))
		return;
	memset(out, 0, sizeof(*out));
	out->kind = PVSCAN_LINE_OTHER;
}
