/* objdump_line.h: one line of `objdump -d -w` output, taken apart.
 *
 * With -w every instruction is on one line: an address, a colon and a tab, the
 * raw bytes, another tab, and the AT&T text. Around the instructions objdump
 * prints the file format, one header per section and one header per symbol:
 *
 *   build/hv/hv.elf:     file format elf32-i386          PVSCAN_LINE_FORMAT
 *   Disassembly of section .text:                        PVSCAN_LINE_SECTION
 *   c0100000 <hv_entry>:                                 PVSCAN_LINE_SYMBOL
 *   c0100003:	0f 01 15 00 10 00 00 	lgdtl  0x1000       PVSCAN_LINE_INSN
 *
 * Anything else (blank lines, the empty symbol table of a stripped file) is
 * PVSCAN_LINE_OTHER. */
#ifndef PVSCAN_OBJDUMP_LINE_H
#define PVSCAN_OBJDUMP_LINE_H

#include <stdint.h>

#define PVSCAN_NAME_MAX 256 /* longer symbol, section and format names are truncated */
#define PVSCAN_TEXT_MAX 256 /* longer instruction texts are truncated */

enum pvscan_line_kind {
	PVSCAN_LINE_OTHER,
	PVSCAN_LINE_FORMAT,
	PVSCAN_LINE_SECTION,
	PVSCAN_LINE_SYMBOL,
	PVSCAN_LINE_INSN
};

struct pvscan_line {
	enum pvscan_line_kind kind;
	uint64_t addr;		    /* SYMBOL, INSN */
	unsigned length;	    /* INSN: number of raw bytes */
	char name[PVSCAN_NAME_MAX]; /* FORMAT: e.g. "elf32-i386"; SECTION; SYMBOL */
	char text[PVSCAN_TEXT_MAX]; /* INSN: instruction text, blanks collapsed to one space */
};

/* Parse one line of objdump output (with or without its trailing newline) into
 * out. Always succeeds: a line that is none of the known shapes is
 * PVSCAN_LINE_OTHER. */
void pvscan_parse_line(const char *line, struct pvscan_line *out);

#endif
