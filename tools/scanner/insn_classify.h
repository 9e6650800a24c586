/* insn_classify.h: decide whether one disassembled x86 instruction is sensitive in ring 1.
 *
 * A guest kernel runs in ring 1, so every instruction that reads or changes
 * machine state hv owns (descriptor tables, control registers, IF, I/O ports,
 * MSRs, ...) must be replaced by a hypercall. This module looks at the AT&T text
 * objdump prints for one instruction and names the family it belongs to.
 *
 * Names are canonical: suffixes and prefixes are dropped (lgdtl and lock lgdtl
 * are both "lgdt"), and moves to or from special registers are "mov-cr",
 * "mov-dr" and "mov-tr". The summary counts instructions by these names. */
#ifndef PVSCAN_INSN_CLASSIFY_H
#define PVSCAN_INSN_CLASSIFY_H

enum pvscan_kind {
	PVSCAN_PLAIN,	     /* harmless in ring 1 */
	PVSCAN_SENSITIVE,    /* never allowed in a guest kernel */
	PVSCAN_SANCTIONABLE, /* sensitive, but allowed inside a sanctioned hypercall stub */
	PVSCAN_UNDECODABLE   /* objdump could not decode these bytes: (bad) or a .byte tail */
};

struct pvscan_insn_class {
	enum pvscan_kind kind;
	const char *name; /* canonical family name; NULL for PVSCAN_PLAIN */
};

/* Classify the instruction text objdump printed (the part after the raw bytes,
 * e.g. "rep outsl %ds:(%esi),(%dx)"). Leading prefixes are skipped; whitespace
 * may be tabs or runs of spaces. The returned name points to static storage. */
struct pvscan_insn_class pvscan_classify(const char *text);

#endif
