/* insn_classify.c: the table of instructions a ring-1 guest kernel must not contain.
 *
 * The input is objdump's AT&T text, so the work is mostly spelling: skip the
 * prefixes objdump prints in front of a mnemonic ("lock", "rep", "data16", "cs"
 * ...), strip an optional size suffix (sidtl, pushfw, iretl, insb), and look the
 * mnemonic up. Two mnemonics need their operands: `int $N` is the hypercall
 * gate when N is 0x82, and `mov` is only sensitive with a control, debug or test
 * register on either side. tools/README.md explains why each family is here. */
#include "insn_classify.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HYPERCALL_VECTOR 0x82 /* `int $0x82` is the guest's way in, never flagged */
#define SYSCALL_VECTOR 0x80   /* a user program's system call: allowed in a stub */

struct family {
	const char *mnemonic; /* as objdump spells it, without a size suffix */
	const char *name;     /* canonical name, or NULL for the mnemonic itself */
	bool suffixed;	      /* also match mnemonic + one of SIZE_SUFFIXES */
	enum pvscan_kind kind;
};

#define SIZE_SUFFIXES "bwlqd"
#define S PVSCAN_SENSITIVE
#define T PVSCAN_SANCTIONABLE

static const struct family families[] = {
	/* Interrupt flag and halting. */
	{ "cli", NULL, false, S },
	{ "sti", NULL, false, S },
	{ "hlt", NULL, false, S },
	/* Descriptor tables, task register and machine status word. */
	{ "lgdt", NULL, true, S },
	{ "lidt", NULL, true, S },
	{ "lldt", NULL, true, S },
	{ "ltr", NULL, true, S },
	{ "sgdt", NULL, true, S },
	{ "sidt", NULL, true, S },
	{ "sldt", NULL, true, S },
	{ "str", NULL, true, S },
	{ "smsw", NULL, true, S },
	{ "lmsw", NULL, true, S },
	{ "clts", NULL, false, S },
	/* Port I/O, string forms included. */
	{ "in", NULL, true, S },
	{ "out", NULL, true, S },
	{ "ins", NULL, true, S },
	{ "outs", NULL, true, S },
	/* TLB and caches. */
	{ "invlpg", NULL, false, S },
	{ "invd", NULL, false, S },
	{ "wbinvd", NULL, false, S },
	/* MSRs, counters and identification. */
	{ "rdmsr", NULL, false, S },
	{ "wrmsr", NULL, false, S },
	{ "rdpmc", NULL, false, S },
	{ "rdtsc", NULL, false, S },
	{ "rdtscp", NULL, false, S },
	{ "cpuid", NULL, false, S },
	/* EFLAGS as a whole, including IF and IOPL. */
	{ "pushf", NULL, true, S },
	{ "popf", NULL, true, S },
	/* Fast system calls. */
	{ "sysenter", NULL, false, S },
	{ "sysexit", NULL, true, S },
	{ "syscall", NULL, false, S },
	{ "sysret", NULL, true, S },
	/* Waiting on memory. */
	{ "monitor", NULL, false, S },
	{ "mwait", NULL, false, S },
	{ "monitorx", NULL, false, S },
	{ "mwaitx", NULL, false, S },
	/* Segment inspection that reveals hv's descriptors. */
	{ "lar", NULL, true, S },
	{ "lsl", NULL, true, S },
	{ "verr", NULL, false, S },
	{ "verw", NULL, false, S },
	/* Software interrupts other than the hypercall gate (`int` itself is special). */
	{ "into", NULL, false, S },
	{ "int1", NULL, false, S },
	{ "icebp", "int1", false, S },
	/* Hypercall transports and the return from an interrupt: allowed in a stub. */
	{ "vmcall", NULL, false, T },
	{ "vmmcall", NULL, false, T },
	{ "iret", NULL, true, T },
	/* Other ring-0-only instructions a guest has no business executing. */
	{ "clac", NULL, false, S },
	{ "stac", NULL, false, S },
	{ "rsm", NULL, false, S },
	{ "getsec", NULL, false, S },
	{ "xsetbv", NULL, false, S },
	{ "invpcid", NULL, false, S },
	{ "wbnoinvd", NULL, false, S },
	{ "swapgs", NULL, false, S },
	{ "vmxon", NULL, false, S },
	{ "vmxoff", NULL, false, S },
	{ "vmlaunch", NULL, false, S },
	{ "vmresume", NULL, false, S },
	{ "vmptrld", NULL, false, S },
	{ "vmptrst", NULL, false, S },
	{ "vmclear", NULL, false, S },
	{ "vmread", NULL, false, S },
	{ "vmwrite", NULL, false, S },
	{ "invept", NULL, false, S },
	{ "invvpid", NULL, false, S },
	{ "vmfunc", NULL, false, S },
	{ "vmrun", NULL, false, S },
	{ "vmload", NULL, false, S },
	{ "vmsave", NULL, false, S },
	{ "stgi", NULL, false, S },
	{ "clgi", NULL, false, S },
	{ "skinit", NULL, false, S },
	{ "invlpga", NULL, false, S },
	{ "invlpgb", NULL, false, S },
	{ "tlbsync", NULL, false, S },
};

#undef S
#undef T

/* Words objdump prints before a mnemonic that change how it executes, not what it is,
 * each with a space on both sides. Pseudo-prefixes like {vex} are recognised by their brace. */
static const char prefixes[] = " lock rep repz repe repnz repne data16 data32 addr16 addr32"
			       " cs ds es fs gs ss notrack bnd xacquire xrelease ";

static const struct pvscan_insn_class plain = { PVSCAN_PLAIN, NULL };

/* Copy the next blank-separated word of *text into word (truncated to size) and
 * advance *text past it. Return false if only blanks remain. */
static bool next_word(const char **text, char *word, size_t size)
{
	const char *p = *text;
	size_t n = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return false;
	while (*p != '\0' && *p != ' ' && *p != '\t') {
		if (n + 1 < size)
			word[n++] = *p;
		p++;
	}
	word[n] = '\0';
	*text = p;
	return true;
}

/* Return whether word is an instruction prefix. */
static bool is_prefix(const char *word)
{
	char spaced[40];

	if (word[0] == '{')
		return true;
	snprintf(spaced, sizeof(spaced), " %s ", word);
	return strstr(prefixes, spaced) != NULL;
}

/* Return whether word is stem, or stem followed by one size suffix letter. */
static bool matches_stem(const char *word, const char *stem, bool suffixed)
{
	size_t n = strlen(stem);

	if (strncmp(word, stem, n) != 0)
		return false;
	if (word[n] == '\0')
		return true;
	return suffixed && word[n + 1] == '\0' && strchr(SIZE_SUFFIXES, word[n]) != NULL;
}

/* Return the table entry for mnemonic, or NULL. Exact spellings win over suffixed ones. */
static const struct family *find_family(const char *mnemonic)
{
	size_t count = sizeof(families) / sizeof(families[0]);

	for (size_t i = 0; i < count; i++)
		if (strcmp(mnemonic, families[i].mnemonic) == 0)
			return &families[i];
	for (size_t i = 0; i < count; i++)
		if (families[i].suffixed && matches_stem(mnemonic, families[i].mnemonic, true))
			return &families[i];
	return NULL;
}

/* `int $N`: sensitive unless N is the hypercall vector; `int $0x80`, a user
 * program's system call, may stand in a sanctioned stub. An operand we cannot
 * read is treated as sensitive, so a surprise in objdump's output fails loudly. */
static struct pvscan_insn_class classify_int(const char *operands)
{
	struct pvscan_insn_class sensitive = { PVSCAN_SENSITIVE, "int" };
	char *end;

	while (*operands == ' ' || *operands == '\t')
		operands++;
	if (*operands != '$')
		return sensitive;
	unsigned long vector = strtoul(operands + 1, &end, 0);
	if (end == operands + 1 || (*end != '\0' && *end != ' ' && *end != '\t'))
		return sensitive;
	if (vector == SYSCALL_VECTOR)
		return (struct pvscan_insn_class){ PVSCAN_SANCTIONABLE, "int" };
	return vector == HYPERCALL_VECTOR ? plain : sensitive;
}

/* `mov` with %crN, %drN/%dbN or %trN as either operand; any other mov is plain.
 * objdump's trailing comment (after '#' or '<') is not an operand. */
static struct pvscan_insn_class classify_mov(const char *operands)
{
	static const struct {
		const char *reg;
		const char *name;
	} special[] = {
		{ "%cr", "mov-cr" }, { "%db", "mov-dr" }, { "%dr", "mov-dr" }, { "%tr", "mov-tr" }
	};

	for (const char *p = operands; *p != '\0' && *p != '#' && *p != '<'; p++) {
		if (*p != '%')
			continue;
		for (size_t i = 0; i < sizeof(special) / sizeof(special[0]); i++)
			if (strncmp(p, special[i].reg, 3) == 0 && p[3] >= '0' && p[3] <= '9')
				return (struct pvscan_insn_class){ PVSCAN_SENSITIVE,
								   special[i].name };
	}
	return plain;
}

struct pvscan_insn_class pvscan_classify(const char *text)
{
	char word[32];

	if (strstr(text, "(bad)") != NULL)
		return (struct pvscan_insn_class){ PVSCAN_UNDECODABLE, "(bad)" };
	do {
		if (!next_word(&text, word, sizeof(word)))
			return plain; /* a lone prefix */
	} while (is_prefix(word));

	/* ".byte 0xe4": the next symbol or the section end cut an instruction short;
	 * objdump restarts decoding at every symbol. */
	if (word[0] == '.')
		return (struct pvscan_insn_class){ PVSCAN_UNDECODABLE, ".byte" };
	if (strcmp(word, "int") == 0)
		return classify_int(text);
	if (matches_stem(word, "mov", true))
		return classify_mov(text);

	const struct family *f = find_family(word);
	if (f == NULL)
		return plain;
	return (struct pvscan_insn_class){ f->kind, f->name != NULL ? f->name : f->mnemonic };
}
