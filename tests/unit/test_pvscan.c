/* test_pvscan.c: unit tests for how pvscan reads objdump: the line parser and the classifier.
 *
 * Every instruction line below is real output of `objdump -d -w -z` (binutils
 * 2.40) for code assembled with `gcc -m32 -c`, copied byte for byte, so the
 * tests also pin the output format pvscan depends on. */
#include <criterion/criterion.h>

#include "scanner/insn_classify.h"
#include "scanner/objdump_line.h"
#include "scanner/sanctioned.h"

/* Parse one line of objdump output, which must be an instruction, and classify it. */
static struct pvscan_insn_class classify_line(const char *line)
{
	struct pvscan_line l;

	pvscan_parse_line(line, &l);
	cr_assert_eq(l.kind, PVSCAN_LINE_INSN, "not an instruction line: %s", line);
	return pvscan_classify(l.text);
}

static void expect_flagged(const char *line, const char *name)
{
	struct pvscan_insn_class c = classify_line(line);

	cr_expect_eq(c.kind, PVSCAN_SENSITIVE, "not flagged: %s", line);
	if (c.name != NULL)
		cr_expect_str_eq(c.name, name, "wrong name for: %s", line);
}

static void expect_sanctionable(const char *line, const char *name)
{
	struct pvscan_insn_class c = classify_line(line);

	cr_expect_eq(c.kind, PVSCAN_SANCTIONABLE, "not sanctionable: %s", line);
	if (c.name != NULL)
		cr_expect_str_eq(c.name, name, "wrong name for: %s", line);
}

static void expect_plain(const char *line)
{
	cr_expect_eq(classify_line(line).kind, PVSCAN_PLAIN, "flagged: %s", line);
}

/* --- Each family of sensitive instructions is flagged. --- */

Test(pvscan_classify, interrupt_flag_and_halt)
{
	expect_flagged("   0:\tfa                   \tcli", "cli");
	expect_flagged("   1:\tfb                   \tsti", "sti");
	expect_flagged("   2:\tf4                   \thlt", "hlt");
}

Test(pvscan_classify, descriptor_tables_task_register_and_msw)
{
	expect_flagged("   3:\t0f 01 10             \tlgdtl  (%eax)", "lgdt");
	expect_flagged("   6:\t0f 01 18             \tlidtl  (%eax)", "lidt");
	expect_flagged("   9:\t0f 00 d0             \tlldt   %ax", "lldt");
	expect_flagged("   c:\t0f 00 d8             \tltr    %ax", "ltr");
	expect_flagged("   f:\t0f 01 00             \tsgdtl  (%eax)", "sgdt");
	expect_flagged("  12:\t0f 01 08             \tsidtl  (%eax)", "sidt");
	expect_flagged("  15:\t66 0f 00 c0          \tsldt   %ax", "sldt");
	expect_flagged("  19:\t66 0f 00 c8          \tstr    %ax", "str");
	expect_flagged("  1d:\t66 0f 01 e0          \tsmsw   %ax", "smsw");
	expect_flagged("  21:\t0f 01 f0             \tlmsw   %ax", "lmsw");
	expect_flagged("  24:\t0f 06                \tclts", "clts");
}

Test(pvscan_classify, moves_to_and_from_control_debug_and_test_registers)
{
	expect_flagged("  2a:\t0f 20 c0             \tmov    %cr0,%eax", "mov-cr");
	expect_flagged("  2d:\t0f 22 d8             \tmov    %eax,%cr3", "mov-cr");
	expect_flagged("  30:\t0f 21 f8             \tmov    %db7,%eax", "mov-dr");
	expect_flagged("  33:\t0f 23 c0             \tmov    %eax,%db0", "mov-dr");
	expect_flagged("  36:\t0f 24 f0             \tmov    %tr6,%eax", "mov-tr");
}

Test(pvscan_classify, port_io_in_every_width)
{
	expect_flagged("  39:\te4 60                \tin     $0x60,%al", "in");
	expect_flagged("  3b:\t66 ed                \tin     (%dx),%ax", "in");
	expect_flagged("  3d:\ted                   \tin     (%dx),%eax", "in");
	expect_flagged("  3e:\te6 80                \tout    %al,$0x80", "out");
	expect_flagged("  40:\t66 ef                \tout    %ax,(%dx)", "out");
	expect_flagged("  42:\tef                   \tout    %eax,(%dx)", "out");
}

Test(pvscan_classify, string_port_io_with_and_without_rep)
{
	expect_flagged("  43:\t6c                   \tinsb   (%dx),%es:(%edi)", "ins");
	expect_flagged("  44:\t66 6d                \tinsw   (%dx),%es:(%edi)", "ins");
	expect_flagged("  46:\t6d                   \tinsl   (%dx),%es:(%edi)", "ins");
	expect_flagged("  47:\t6e                   \toutsb  %ds:(%esi),(%dx)", "outs");
	expect_flagged("  48:\t66 6f                \toutsw  %ds:(%esi),(%dx)", "outs");
	expect_flagged("  4a:\t6f                   \toutsl  %ds:(%esi),(%dx)", "outs");
	expect_flagged("  4b:\tf3 6c                \trep insb (%dx),%es:(%edi)", "ins");
	expect_flagged("  4d:\tf3 6f                \trep outsl %ds:(%esi),(%dx)", "outs");
}

Test(pvscan_classify, tlb_and_cache_control)
{
	expect_flagged("  4f:\t0f 01 38             \tinvlpg (%eax)", "invlpg");
	expect_flagged("  52:\t0f 08                \tinvd", "invd");
	expect_flagged("  54:\t0f 09                \twbinvd", "wbinvd");
}

Test(pvscan_classify, msrs_counters_and_cpuid)
{
	expect_flagged("  56:\t0f 32                \trdmsr", "rdmsr");
	expect_flagged("  58:\t0f 30                \twrmsr", "wrmsr");
	expect_flagged("  5a:\t0f 33                \trdpmc", "rdpmc");
	expect_flagged("  5c:\t0f 31                \trdtsc", "rdtsc");
	expect_flagged("  5e:\t0f 01 f9             \trdtscp", "rdtscp");
	expect_flagged("  61:\t0f a2                \tcpuid", "cpuid");
}

Test(pvscan_classify, whole_eflags_push_and_pop)
{
	expect_flagged("  63:\t9c                   \tpushf", "pushf");
	expect_flagged("  64:\t66 9c                \tpushfw", "pushf");
	expect_flagged("  66:\t9d                   \tpopf", "popf");
	expect_flagged("  67:\t66 9d                \tpopfw", "popf");
}

Test(pvscan_classify, fast_system_calls)
{
	expect_flagged("  69:\t0f 34                \tsysenter", "sysenter");
	expect_flagged("  6b:\t0f 35                \tsysexit", "sysexit");
	expect_flagged("  6d:\t0f 05                \tsyscall", "syscall");
	expect_flagged("  6f:\t0f 07                \tsysret", "sysret");
}

Test(pvscan_classify, monitor_and_mwait)
{
	expect_flagged("  71:\t0f 01 c8             \tmonitor %eax,%ecx,%edx", "monitor");
	expect_flagged("  74:\t0f 01 c9             \tmwait  %eax,%ecx", "mwait");
}

Test(pvscan_classify, segment_inspection)
{
	expect_flagged("  77:\t66 0f 02 d8          \tlar    %ax,%bx", "lar");
	expect_flagged("  7b:\t0f 03 c8             \tlsl    %eax,%ecx", "lsl");
	expect_flagged("  7e:\t0f 00 e0             \tverr   %ax", "verr");
	expect_flagged("  81:\t0f 00 28             \tverw   (%eax)", "verw");
}

Test(pvscan_classify, transports_and_iret_are_sanctionable)
{
	expect_sanctionable("  84:\t0f 01 c1             \tvmcall", "vmcall");
	expect_sanctionable("  87:\t0f 01 d9             \tvmmcall", "vmmcall");
	expect_sanctionable("  8a:\tcf                   \tiret", "iret");
	expect_sanctionable("  8b:\t66 cf                \tiretw", "iret");
}

Test(pvscan_classify, software_interrupts_other_than_int3)
{
	expect_flagged("  92:\tcd 03                \tint    $0x3", "int");
	expect_flagged("  94:\tce                   \tinto", "into");
	expect_flagged("  95:\tf1                   \tint1", "int1");
}

/* --- The hypercall gate and the breakpoint are not flagged. --- */

Test(pvscan_classify, int_0x80_is_allowed_only_in_a_stub)
{
	/* A user program's system call: sanctionable, so reported outside a marked stub. */
	expect_sanctionable("  8d:\tcd 80                \tint    $0x80", "int");
	expect_flagged("  8f:\tcd 81                \tint    $0x81", "int");
}

Test(pvscan_classify, int_0x82_is_the_hypercall_gate)
{
	expect_plain("  8f:\tcd 82                \tint    $0x82");
}

Test(pvscan_classify, int_0x82_with_a_prefix_is_still_the_gate)
{
	expect_plain("  a3:\t66 cd 82             \tdata16 int $0x82");
	expect_plain("  a6:\t2e cd 82             \tcs int $0x82");
}

Test(pvscan_classify, int3_breakpoint_is_not_flagged)
{
	expect_plain("  91:\tcc                   \tint3");
}

/* --- Ordinary instructions are not flagged. --- */

Test(pvscan_classify, ordinary_instructions_are_plain)
{
	expect_plain("  af:\t89 c3                \tmov    %eax,%ebx");
	expect_plain("  b1:\te8 4a ff ff ff       \tcall   0 <f>");
	expect_plain("  b6:\t0f 0b                \tud2");
	expect_plain("  b8:\tf3 a4                \trep movsb %ds:(%esi),%es:(%edi)");
	expect_plain("  d4:\t90                   \tnop");
	expect_plain("  db:\tc3                   \tret");
}

Test(pvscan_classify, reading_cs_is_plain)
{
	expect_plain("  ba:\t66 8c c8             \tmov    %cs,%ax");
	expect_plain("  bd:\t0e                   \tpush   %cs");
}

Test(pvscan_classify, far_call_is_plain)
{
	expect_plain("  be:\t9a 00 00 00 00 08 00 \tlcall  $0x8,$0x0");
}

/* --- Suffixes and prefixes do not hide an instruction, nor invent one. --- */

Test(pvscan_classify, size_suffixes_are_stripped)
{
	expect_flagged("  26:\t66 0f 01 10          \tlgdtw  (%eax)", "lgdt");
	/* Spellings objdump uses with -M suffix, and gas accepts. */
	cr_expect_str_eq(pvscan_classify("pushfl").name, "pushf");
	cr_expect_str_eq(pvscan_classify("popfl").name, "popf");
	cr_expect_str_eq(pvscan_classify("iretl").name, "iret");
	cr_expect_str_eq(pvscan_classify("sidtl (%eax)").name, "sidt");
	cr_expect_str_eq(pvscan_classify("inb (%dx),%al").name, "in");
	cr_expect_str_eq(pvscan_classify("outsl %ds:(%esi),(%dx)").name, "outs");
}

Test(pvscan_classify, a_suffix_does_not_turn_a_plain_mnemonic_sensitive)
{
	expect_plain("  d1:\tff 00                \tincl   (%eax)");
	expect_plain("  d3:\t58                   \tpop    %eax");
	cr_expect_eq(pvscan_classify("popl %eax").kind, PVSCAN_PLAIN);
	cr_expect_eq(pvscan_classify("pushl %cs").kind, PVSCAN_PLAIN);
	cr_expect_eq(pvscan_classify("movsl %ds:(%esi),%es:(%edi)").kind, PVSCAN_PLAIN);
}

Test(pvscan_classify, prefixes_are_skipped)
{
	expect_flagged("  96:\tf0 fa                \tlock cli", "cli");
	expect_flagged("  98:\t66 fa                \tdata16 cli", "cli");
	expect_flagged("  9a:\t66 66 fa             \tdata16 data16 cli", "cli");
	expect_flagged("  9d:\tf3 fa                \trepz cli", "cli");
	expect_flagged("  9f:\t64 fa                \tfs cli", "cli");
	expect_flagged("  a1:\t2e ec                \tcs in  (%dx),%al", "in");
	expect_sanctionable("  a9:\t3e cd 80             \tds int $0x80", "int");
	expect_flagged("  a9:\t3e cd 81             \tds int $0x81", "int");
	expect_flagged("  ac:\t67 f3 6c             \trep insb (%dx),%es:(%di)", "ins");
	expect_sanctionable("  1a:\tf3 0f 01 c1          \trepz vmcall", "vmcall");
}

Test(pvscan_classify, a_lone_prefix_is_plain)
{
	cr_expect_eq(pvscan_classify("repz").kind, PVSCAN_PLAIN);
}

/* --- What objdump cannot decode is counted apart. --- */

Test(pvscan_classify, bad_is_undecodable)
{
	cr_expect_eq(classify_line("  ce:\tff                   \t(bad)").kind, PVSCAN_UNDECODABLE);
	cr_expect_eq(classify_line("  be:\t0f                   \tprefetch (bad)").kind,
		     PVSCAN_UNDECODABLE);
}

Test(pvscan_classify, byte_cut_short_by_a_symbol_is_undecodable)
{
	cr_expect_eq(classify_line("fc10000b:\te4                   \t.byte 0xe4").kind,
		     PVSCAN_UNDECODABLE);
}

/* --- objdump's line shapes. --- */

Test(pvscan_line, instruction_fields)
{
	struct pvscan_line l;

	pvscan_parse_line("  12:\t0f 01 08             \tsidtl  (%eax)\n", &l);
	cr_assert_eq(l.kind, PVSCAN_LINE_INSN);
	cr_expect_eq(l.addr, 0x12);
	cr_expect_eq(l.length, 3);
	cr_expect_str_eq(l.text, "sidtl (%eax)");
}

Test(pvscan_line, linked_address_has_no_indent)
{
	struct pvscan_line l;

	pvscan_parse_line("c0100004:\t0f 01 c1             \tvmcall", &l);
	cr_assert_eq(l.kind, PVSCAN_LINE_INSN);
	cr_expect_eq(l.addr, 0xc0100004);
}

Test(pvscan_line, long_instruction_counts_every_byte)
{
	struct pvscan_line l;

	pvscan_parse_line("  c5:\t64 c7 84 98 78 56 34 12 78 56 34 12 \tmovl   "
			  "$0x12345678,%fs:0x12345678(%eax,%ebx,4)",
			  &l);
	cr_assert_eq(l.kind, PVSCAN_LINE_INSN);
	cr_expect_eq(l.length, 12);
	cr_expect_str_eq(l.text, "movl $0x12345678,%fs:0x12345678(%eax,%ebx,4)");
}

Test(pvscan_line, function_header)
{
	struct pvscan_line l;

	pvscan_parse_line("000000db <g>:\n", &l);
	cr_assert_eq(l.kind, PVSCAN_LINE_SYMBOL);
	cr_expect_eq(l.addr, 0xdb);
	cr_expect_str_eq(l.name, "g");
}

Test(pvscan_line, marker_header_is_recognised_as_a_marker)
{
	struct pvscan_line l;

	pvscan_parse_line("c0100004 <pvscan_sanctioned_begin__x>:", &l);
	cr_assert_eq(l.kind, PVSCAN_LINE_SYMBOL);
	cr_expect(pvscan_is_marker_symbol(l.name));
	cr_expect_not(pvscan_is_marker_symbol("pv_hypercall_via"));
}

Test(pvscan_line, call_target_in_text_is_not_a_header)
{
	struct pvscan_line l;

	pvscan_parse_line("  b1:\te8 4a ff ff ff       \tcall   0 <f>", &l);
	cr_expect_eq(l.kind, PVSCAN_LINE_INSN);
}

Test(pvscan_line, section_and_format_lines)
{
	struct pvscan_line l;

	pvscan_parse_line("Disassembly of section .text.other:", &l);
	cr_assert_eq(l.kind, PVSCAN_LINE_SECTION);
	cr_expect_str_eq(l.name, ".text.other");
	pvscan_parse_line("build/hv/hv.elf:     file format elf32-i386", &l);
	cr_assert_eq(l.kind, PVSCAN_LINE_FORMAT);
	cr_expect_str_eq(l.name, "elf32-i386");
}

Test(pvscan_line, blank_and_unknown_lines_are_other)
{
	struct pvscan_line l;

	pvscan_parse_line("\n", &l);
	cr_expect_eq(l.kind, PVSCAN_LINE_OTHER);
	pvscan_parse_line("Symbols from mark.o:", &l);
	cr_expect_eq(l.kind, PVSCAN_LINE_OTHER);
}
