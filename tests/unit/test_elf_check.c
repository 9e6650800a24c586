/* test_elf_check.c: every way a module can fail to be a pv32 guest, and one way to succeed.
 *
 * Each test starts from one small valid image, built here byte by byte, changes one
 * thing, and checks the exact reason elf_check_guest() gives. Every check runs on a
 * read-only copy that ends exactly where an inaccessible guard page begins, so reading
 * one byte past the image, or writing to it, crashes the test instead of passing
 * silently. */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dom/elf_check.h"
#include <pv/elfnote.h>
#include <pv/layout.h>

#define HV_ABI 0x00010002u    /* hv speaks ABI 1.2 */
#define GUEST_ABI 0x00010001u /* the test guest was built for 1.1 */

/* The file: header, program headers, notes, text bytes, data bytes. */
#define PH_OFF 0x34u
#define PH_SLOTS 12u
#define NOTE_OFF 0x1c0u
#define NOTE_AREA 0x80u
#define TEXT_OFF 0x240u
#define TEXT_FILESZ 0x40u
#define DATA_OFF 0x280u
#define DATA_FILESZ 0x30u
#define IMG_SIZE 0x2b0u

/* The address space: text is not page-aligned, data ends with bss. */
#define TEXT_VADDR 0xC0105080u
#define TEXT_MEMSZ 0x2000u
#define TEXT_END (TEXT_VADDR + TEXT_MEMSZ)
#define DATA_VADDR 0xC0107100u
#define DATA_MEMSZ 0x1000u
#define ENTRY (TEXT_VADDR + 0x10u)
#define HC_PAGE 0xC0106000u
#define NOTE_SIZE 24u /* 12 + "PV32\0" padded to 8 + a 4-byte desc */

#define PT_GNU_STACK 0x6474e551u

/* Program header slots of the valid image. */
enum {
	PH_TEXT,
	PH_DATA,
	PH_NOTE,
	PH_STACK,
	PH_USED
};

struct image {
	_Alignas(8) uint8_t b[IMG_SIZE];
};

struct note_spec {
	const char *name;
	uint32_t namesz, type, descsz, desc;
};

static struct elf32_ehdr *ehdr(struct image *im)
{
	return (struct elf32_ehdr *)im->b;
}

static struct elf32_phdr *phdr(struct image *im, unsigned i)
{
	return (struct elf32_phdr *)(im->b + PH_OFF) + i;
}

/* The i-th 32-bit word (0 namesz, 1 descsz, 2 type) of note n of the default notes. */
static uint32_t *note_word(struct image *im, unsigned n, unsigned i)
{
	return (uint32_t *)(im->b + NOTE_OFF + n * NOTE_SIZE) + i;
}

/* Replace the notes with these and size the PT_NOTE to fit them exactly. */
static void set_notes(struct image *im, const struct note_spec *notes, unsigned count)
{
	uint8_t *p = im->b + NOTE_OFF;
	memset(p, 0, NOTE_AREA);
	for (unsigned i = 0; i < count; i++) {
		const struct note_spec *n = &notes[i];
		uint32_t name_len = (n->namesz + 3) & ~3u, desc_len = (n->descsz + 3) & ~3u;
		cr_assert_leq(p + 12 + name_len + desc_len, im->b + NOTE_OFF + NOTE_AREA);
		memcpy(p, &n->namesz, 4);
		memcpy(p + 4, &n->descsz, 4);
		memcpy(p + 8, &n->type, 4);
		memcpy(p + 12, n->name, strlen(n->name) < n->namesz ? strlen(n->name) : n->namesz);
		memcpy(p + 12 + name_len, &n->desc, n->descsz < 4 ? n->descsz : 4);
		p += 12 + name_len + desc_len;
	}
	phdr(im, PH_NOTE)->p_filesz = (uint32_t)(p - (im->b + NOTE_OFF));
}

static struct note_spec pv32(uint32_t type, uint32_t desc)
{
	return (struct note_spec){ PV_ELFNOTE_NAME, 5, type, 4, desc };
}

static void set_phdr(struct image *im, unsigned i, uint32_t type, uint32_t off, uint32_t vaddr,
		     uint32_t filesz, uint32_t memsz, uint32_t flags)
{
	*phdr(im, i) = (struct elf32_phdr){ type, off, vaddr, vaddr, filesz, memsz, flags, 0x1000 };
}

/* A valid guest: text (R+X) and data (R+W, with bss), the two required notes, and a
 * PT_GNU_STACK the check must ignore. */
static void build(struct image *im)
{
	memset(im, 0, sizeof(*im));
	struct elf32_ehdr *e = ehdr(im);
	memcpy(e->e_ident, "\177ELF", 4);
	e->e_ident[4] = ELFCLASS32;
	e->e_ident[5] = ELFDATA2LSB;
	e->e_ident[6] = EV_CURRENT;
	e->e_type = ET_EXEC;
	e->e_machine = EM_386;
	e->e_version = EV_CURRENT;
	e->e_entry = ENTRY;
	e->e_phoff = PH_OFF;
	e->e_ehsize = sizeof(*e);
	e->e_phentsize = sizeof(struct elf32_phdr);
	e->e_phnum = PH_USED;

	set_phdr(im, PH_TEXT, PT_LOAD, TEXT_OFF, TEXT_VADDR, TEXT_FILESZ, TEXT_MEMSZ, PF_R | PF_X);
	set_phdr(im, PH_DATA, PT_LOAD, DATA_OFF, DATA_VADDR, DATA_FILESZ, DATA_MEMSZ, PF_R | PF_W);
	set_phdr(im, PH_NOTE, PT_NOTE, NOTE_OFF, 0, 0, 0, PF_R);
	set_phdr(im, PH_STACK, PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(im, notes, 2);
	memset(im->b + TEXT_OFF, 0x90, TEXT_FILESZ);
	memset(im->b + DATA_OFF, 0x5a, DATA_FILESZ);
}

/* Check the first size bytes of bytes, from a read-only copy that ends at a guard page. */
static const char *check_bytes(const void *bytes, uint32_t size, struct elf_guest_info *info)
{
	struct elf_guest_info scratch;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t span = (size + page - 1) / page * page;
	uint8_t *map =
		mmap(NULL, span + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cr_assert_neq(map, MAP_FAILED);
	uint8_t *copy = map + span - size;
	memcpy(copy, bytes, size);
	cr_assert_eq(mprotect(map, span, PROT_READ), 0);
	cr_assert_eq(mprotect(map + span, page, PROT_NONE), 0);
	const char *why = elf_check_guest(copy, size, HV_ABI, info ? info : &scratch);
	munmap(map, span + page);
	return why;
}

static void expect_reason(struct image *im, const char *want)
{
	const char *got = check_bytes(im->b, IMG_SIZE, NULL);
	cr_assert(got && strcmp(got, want) == 0, "want \"%s\", got \"%s\"", want,
		  got ? got : "(accepted)");
}

static void expect_ok(struct image *im, struct elf_guest_info *info)
{
	const char *got = check_bytes(im->b, IMG_SIZE, info);
	cr_assert_null(got, "valid image rejected: %s", got);
}

/* ---- The valid image ---- */

Test(elf_check, valid_image_is_accepted_with_its_layout)
{
	struct image im;
	struct elf_guest_info info;
	build(&im);
	expect_ok(&im, &info);
	cr_assert_eq(info.entry, ENTRY);
	cr_assert_eq(info.nsegs, 2);
	cr_assert_eq(info.seg[0].vaddr, TEXT_VADDR);
	cr_assert_eq(info.seg[0].memsz, TEXT_MEMSZ);
	cr_assert_eq(info.seg[0].offset, TEXT_OFF);
	cr_assert_eq(info.seg[0].filesz, TEXT_FILESZ);
	cr_assert_eq(info.seg[0].flags, PF_R | PF_X);
	cr_assert_eq(info.seg[1].vaddr, DATA_VADDR);
	cr_assert_eq(info.seg[1].memsz, DATA_MEMSZ);
	cr_assert_eq(info.seg[1].offset, DATA_OFF);
	cr_assert_eq(info.seg[1].filesz, DATA_FILESZ);
	cr_assert_eq(info.seg[1].flags, PF_R | PF_W);
	cr_assert_eq(info.image_start, 0xC0105000u); /* TEXT_VADDR rounded down */
	cr_assert_eq(info.image_end, 0xC0109000u);   /* 0xC0108100 rounded up */
	cr_assert_eq(info.virt_base, 0xC0000000u);   /* image_start rounded down to 4 MiB */
	cr_assert_eq(info.abi_version, GUEST_ABI);
	cr_assert_eq(info.hypercall_page, HC_PAGE);
}

Test(elf_check, explicit_virt_base_is_used)
{
	struct image im;
	struct elf_guest_info info;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_VIRT_BASE, 0xC0100000u) };
	set_notes(&im, notes, 3);
	expect_ok(&im, &info);
	cr_assert_eq(info.virt_base, 0xC0100000u);
}

Test(elf_check, virt_base_may_equal_image_start)
{
	struct image im;
	struct elf_guest_info info;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_VIRT_BASE, 0xC0105000u),
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 3);
	expect_ok(&im, &info);
	cr_assert_eq(info.virt_base, 0xC0105000u);
}

Test(elf_check, failure_leaves_out_untouched)
{
	struct image im;
	struct elf_guest_info info, before;
	build(&im);
	ehdr(&im)->e_entry = DATA_VADDR; /* fails at the very end, after the segments */
	memset(&info, 0xa5, sizeof(info));
	before = info;
	cr_assert_not_null(check_bytes(im.b, IMG_SIZE, &info));
	cr_assert_arr_eq(&info, &before, sizeof(info));
}

/* ---- The ELF header ---- */

Test(elf_check, null_or_tiny_image_is_rejected)
{
	struct elf_guest_info info;
	cr_assert_str_eq(elf_check_guest(NULL, 4096, HV_ABI, &info),
			 "file too small for an ELF header");
	struct image im;
	build(&im);
	cr_assert_str_eq(check_bytes(im.b, sizeof(struct elf32_ehdr) - 1, NULL),
			 "file too small for an ELF header");
}

Test(elf_check, bad_magic)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_ident[3] = 'G';
	expect_reason(&im, "not an ELF file (bad magic)");
}

Test(elf_check, elfclass64)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_ident[4] = 2;
	expect_reason(&im, "not a 32-bit ELF file");
}

Test(elf_check, big_endian)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_ident[5] = 2;
	expect_reason(&im, "ELF file is not little-endian");
}

Test(elf_check, ident_version_not_1)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_ident[6] = 0;
	expect_reason(&im, "unknown ELF version");
}

Test(elf_check, header_version_not_1)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_version = 2;
	expect_reason(&im, "unknown ELF version");
}

Test(elf_check, shared_object_is_not_executable)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_type = 3; /* ET_DYN */
	expect_reason(&im, "ELF file is not an executable (ET_EXEC)");
}

Test(elf_check, x86_64_machine)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_machine = 62; /* EM_X86_64 */
	expect_reason(&im, "ELF machine is not i386");
}

Test(elf_check, program_header_size_not_32)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_phentsize = 56;
	expect_reason(&im, "ELF program header size is not 32");
}

Test(elf_check, no_program_headers)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_phnum = 0;
	expect_reason(&im, "ELF file has no program headers");
}

Test(elf_check, more_than_32_program_headers)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_phnum = 33;
	expect_reason(&im, "ELF file has more than 32 program headers");
	ehdr(&im)->e_phnum = 0xffff;
	expect_reason(&im, "ELF file has more than 32 program headers");
}

Test(elf_check, program_header_table_past_end_of_file)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_phoff = IMG_SIZE - 3 * 32; /* four headers, room for three */
	expect_reason(&im, "program header table lies outside the file");
}

Test(elf_check, program_header_offset_wraps_32_bits)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_phoff = 0xfffffff0u; /* + 4 * 32 wraps to 0x70 in 32 bits */
	expect_reason(&im, "program header table lies outside the file");
}

/* ---- Program headers ---- */

Test(elf_check, pt_interp_is_not_static)
{
	struct image im;
	build(&im);
	phdr(&im, PH_STACK)->p_type = PT_INTERP;
	expect_reason(&im, "not a static executable (has PT_INTERP or PT_DYNAMIC)");
}

Test(elf_check, pt_dynamic_is_not_static)
{
	struct image im;
	build(&im);
	phdr(&im, PH_STACK)->p_type = PT_DYNAMIC;
	expect_reason(&im, "not a static executable (has PT_INTERP or PT_DYNAMIC)");
}

Test(elf_check, unknown_program_header_with_garbage_is_ignored)
{
	struct image im;
	build(&im);
	set_phdr(&im, PH_STACK, 0x70000000u, 0xffffffffu, 0xfffff000u, 0xffffffffu, 0xffffffffu, 7);
	expect_ok(&im, NULL);
}

Test(elf_check, no_pt_load)
{
	struct image im;
	build(&im);
	phdr(&im, PH_TEXT)->p_type = PT_NULL;
	phdr(&im, PH_DATA)->p_type = PT_NULL;
	expect_reason(&im, "no PT_LOAD segment");
}

Test(elf_check, filesz_larger_than_memsz)
{
	struct image im;
	build(&im);
	phdr(&im, PH_TEXT)->p_filesz = TEXT_MEMSZ + 1;
	expect_reason(&im, "segment 0 has a file size larger than its memory size");
}

Test(elf_check, empty_segment)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_filesz = 0;
	phdr(&im, PH_DATA)->p_memsz = 0;
	expect_reason(&im, "segment 1 has a memory size of 0");
}

Test(elf_check, segment_file_bytes_past_end_of_file)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_offset = IMG_SIZE - DATA_FILESZ + 1;
	expect_reason(&im, "segment 1 has file bytes outside the file");
}

Test(elf_check, segment_file_offset_wraps_32_bits)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_offset = 0xfffffff0u; /* + 0x30 wraps to 0x20 in 32 bits */
	expect_reason(&im, "segment 1 has file bytes outside the file");
}

Test(elf_check, segment_wraps_address_space)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = 0xfffff000u;
	phdr(&im, PH_DATA)->p_memsz = 0x2000;
	expect_reason(&im, "segment 1 wraps around the top of the address space");
}

Test(elf_check, segment_reaches_hv_by_one_byte)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = PV_HV_START - 0x1000;
	phdr(&im, PH_DATA)->p_memsz = 0x1001;
	expect_reason(&im, "segment 1 reaches PV_HV_START");
}

Test(elf_check, segment_starting_at_hv)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = PV_HV_START;
	phdr(&im, PH_DATA)->p_memsz = DATA_FILESZ;
	expect_reason(&im, "segment 1 reaches PV_HV_START");
}

Test(elf_check, segment_ending_exactly_at_hv_is_accepted)
{
	struct image im;
	struct elf_guest_info info;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = PV_HV_START - 0x1000;
	phdr(&im, PH_DATA)->p_memsz = 0x1000;
	expect_ok(&im, &info);
	cr_assert_eq(info.image_end, PV_HV_START);
}

Test(elf_check, segments_overlapping_by_one_byte)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = TEXT_END - 1;
	expect_reason(&im, "segment 1 overlaps an earlier segment");
}

Test(elf_check, later_segment_ending_one_byte_into_an_earlier_one)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = TEXT_VADDR - DATA_MEMSZ + 1;
	expect_reason(&im, "segment 1 overlaps an earlier segment");
}

Test(elf_check, later_segment_containing_an_earlier_one)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = 0xC0100000u;
	phdr(&im, PH_DATA)->p_memsz = 0x100000;
	expect_reason(&im, "segment 1 overlaps an earlier segment");
}

Test(elf_check, adjacent_segments_are_accepted)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = TEXT_END;
	expect_ok(&im, NULL);
}

/* Fill program header slots PH_USED.. with n - 2 extra one-page PT_LOADs. */
static void add_loads(struct image *im, unsigned n)
{
	for (unsigned i = 0; i < n - 2; i++)
		set_phdr(im, PH_USED + i, PT_LOAD, 0, 0x10000000u + i * 0x1000, 0, 0x1000, PF_R);
	ehdr(im)->e_phnum = PH_USED + n - 2;
}

Test(elf_check, eight_segments_are_accepted)
{
	struct image im;
	struct elf_guest_info info;
	build(&im);
	add_loads(&im, ELF_MAX_SEGMENTS);
	expect_ok(&im, &info);
	cr_assert_eq(info.nsegs, ELF_MAX_SEGMENTS);
	cr_assert_eq(info.image_start, 0x10000000u);
}

Test(elf_check, nine_segments_are_too_many)
{
	struct image im;
	build(&im);
	add_loads(&im, ELF_MAX_SEGMENTS + 1);
	expect_reason(&im, "more than 8 PT_LOAD segments");
}

/* ---- The entry point ---- */

Test(elf_check, entry_in_data_segment)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_entry = DATA_VADDR;
	expect_reason(&im, "entry point is not in an executable segment");
}

Test(elf_check, entry_just_past_text)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_entry = TEXT_END;
	expect_reason(&im, "entry point is not in an executable segment");
}

Test(elf_check, entry_outside_every_segment)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_entry = 0;
	expect_reason(&im, "entry point is not in an executable segment");
}

Test(elf_check, entry_in_text_without_pf_x)
{
	struct image im;
	build(&im);
	phdr(&im, PH_TEXT)->p_flags = PF_R;
	expect_reason(&im, "entry point is not in an executable segment");
}

Test(elf_check, entry_at_first_byte_of_text_is_accepted)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_entry = TEXT_VADDR;
	expect_ok(&im, NULL);
}

/* ---- The notes ---- */

Test(elf_check, missing_abi_version_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 1);
	expect_reason(&im, "missing PV32 note: ABI version");
}

Test(elf_check, missing_hypercall_page_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI) };
	set_notes(&im, notes, 1);
	expect_reason(&im, "missing PV32 note: hypercall page");
}

Test(elf_check, notes_of_other_owners_do_not_count)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { { "GNU", 4, PV_ELFNOTE_ABI_VERSION, 4, GUEST_ABI },
					   { "PV33", 5, PV_ELFNOTE_ABI_VERSION, 4, GUEST_ABI },
					   { "PV32", 4, PV_ELFNOTE_ABI_VERSION, 4, GUEST_ABI },
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 4);
	expect_reason(&im, "missing PV32 note: ABI version");
}

Test(elf_check, other_owners_and_unknown_pv32_types_are_skipped)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { { "PV32", 5, 0, 8, 1 },
					   { "GNU", 4, PV_ELFNOTE_ABI_VERSION, 9, 1 },
					   { "PV32", 5, 77, 3, 1 },
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 5);
	expect_ok(&im, NULL);
}

Test(elf_check, abi_version_note_of_wrong_size)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { { "PV32", 5, PV_ELFNOTE_ABI_VERSION, 8, GUEST_ABI },
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 2);
	expect_reason(&im, "PV32 note has the wrong size: ABI version");
}

Test(elf_check, hypercall_page_note_of_wrong_size)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   { "PV32", 5, PV_ELFNOTE_HYPERCALL_PAGE, 2, HC_PAGE } };
	set_notes(&im, notes, 2);
	expect_reason(&im, "PV32 note has the wrong size: hypercall page");
}

Test(elf_check, virt_base_note_of_wrong_size)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   { "PV32", 5, PV_ELFNOTE_VIRT_BASE, 0, 0 } };
	set_notes(&im, notes, 3);
	expect_reason(&im, "PV32 note has the wrong size: virt base");
}

Test(elf_check, duplicate_abi_version_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI) };
	set_notes(&im, notes, 3);
	expect_reason(&im, "duplicate PV32 note: ABI version");
}

Test(elf_check, duplicate_hypercall_page_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE - 0x1000) };
	set_notes(&im, notes, 3);
	expect_reason(&im, "duplicate PV32 note: hypercall page");
}

Test(elf_check, duplicate_virt_base_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_VIRT_BASE, 0xC0000000u),
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_VIRT_BASE, 0xC0000000u) };
	set_notes(&im, notes, 4);
	expect_reason(&im, "duplicate PV32 note: virt base");
}

Test(elf_check, notes_split_over_two_pt_notes_are_accepted)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_filesz = NOTE_SIZE;
	set_phdr(&im, PH_STACK, PT_NOTE, NOTE_OFF + NOTE_SIZE, 0, NOTE_SIZE, 0, PF_R);
	expect_ok(&im, NULL);
}

Test(elf_check, duplicate_note_in_a_second_pt_note)
{
	struct image im;
	build(&im);
	*phdr(&im, PH_STACK) = *phdr(&im, PH_NOTE);
	expect_reason(&im, "duplicate PV32 note: ABI version");
}

Test(elf_check, pt_note_past_end_of_file)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_offset = IMG_SIZE - NOTE_SIZE;
	expect_reason(&im, "a PT_NOTE lies outside the file");
}

Test(elf_check, pt_note_offset_wraps_32_bits)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_offset = 0xffffffffu;
	expect_reason(&im, "a PT_NOTE lies outside the file");
}

Test(elf_check, note_desc_runs_past_pt_note)
{
	struct image im;
	build(&im);
	*note_word(&im, 1, 1) = 8; /* the last note's descsz; its PT_NOTE ends after 4 */
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

Test(elf_check, note_descsz_that_wraps_when_padded)
{
	struct image im;
	build(&im);
	*note_word(&im, 0, 1) = 0xfffffffeu; /* padded in 32 bits, this is 0 */
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

Test(elf_check, note_namesz_that_wraps_when_padded)
{
	struct image im;
	build(&im);
	*note_word(&im, 0, 0) = 0xffffffffu;
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

Test(elf_check, note_header_cut_by_end_of_file)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_offset = IMG_SIZE - 4; /* a header would need 12 bytes */
	phdr(&im, PH_NOTE)->p_filesz = 4;
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

Test(elf_check, note_header_cut_by_pt_note_end)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_filesz += 4; /* 4 bytes where a 12-byte header should be */
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

/* ---- The notes' values ---- */

static void set_abi(struct image *im, uint32_t abi)
{
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, abi),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(im, notes, 2);
}

Test(elf_check, abi_major_newer_than_hv)
{
	struct image im;
	build(&im);
	set_abi(&im, 0x00020000u);
	expect_reason(&im, "guest ABI major version differs from hv's");
}

Test(elf_check, abi_major_older_than_hv)
{
	struct image im;
	build(&im);
	set_abi(&im, 0x00000002u);
	expect_reason(&im, "guest ABI major version differs from hv's");
}

Test(elf_check, abi_minor_newer_than_hv)
{
	struct image im;
	build(&im);
	set_abi(&im, HV_ABI + 1);
	expect_reason(&im, "guest ABI minor version is newer than hv's");
}

Test(elf_check, abi_equal_to_hv_is_accepted)
{
	struct image im;
	build(&im);
	set_abi(&im, HV_ABI);
	expect_ok(&im, NULL);
}

static void set_hc_page(struct image *im, uint32_t page)
{
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, page) };
	set_notes(im, notes, 2);
}

Test(elf_check, hypercall_page_not_aligned)
{
	struct image im;
	build(&im);
	set_hc_page(&im, HC_PAGE + 0x80);
	expect_reason(&im, "hypercall page is not page-aligned");
}

Test(elf_check, hypercall_page_starting_before_its_segment)
{
	struct image im;
	build(&im);
	set_hc_page(&im, TEXT_VADDR & ~0xfffu);
	expect_reason(&im, "hypercall page is not inside one segment");
}

Test(elf_check, hypercall_page_outside_every_segment)
{
	struct image im;
	build(&im);
	set_hc_page(&im, 0xC0200000u);
	expect_reason(&im, "hypercall page is not inside one segment");
}

Test(elf_check, hypercall_page_split_over_two_segments)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = TEXT_END; /* the page is covered, but by two segments */
	set_hc_page(&im, TEXT_END & ~0xfffu);
	expect_reason(&im, "hypercall page is not inside one segment");
}

Test(elf_check, hypercall_page_ending_at_segment_end_is_accepted)
{
	struct image im;
	build(&im);
	phdr(&im, PH_TEXT)->p_memsz = HC_PAGE + 0x1000 - TEXT_VADDR;
	expect_ok(&im, NULL);
}

static void set_virt_base(struct image *im, uint32_t base)
{
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_VIRT_BASE, base) };
	set_notes(im, notes, 3);
}

Test(elf_check, virt_base_not_aligned)
{
	struct image im;
	build(&im);
	set_virt_base(&im, 0xC0000800u);
	expect_reason(&im, "virt base is not page-aligned");
}

Test(elf_check, virt_base_above_image_start)
{
	struct image im;
	build(&im);
	set_virt_base(&im, 0xC0106000u);
	expect_reason(&im, "virt base is above the start of the image");
}

/* ---- Cheap fuzzing ---- */

/* Every image shorter than the valid one is rejected, and nothing reads past its end. */
Test(elf_check, every_truncation_is_rejected)
{
	struct image im;
	build(&im);
	for (uint32_t len = 0; len < IMG_SIZE; len++)
		cr_assert_not_null(check_bytes(im.b, len, NULL), "accepted at length %u", len);
	expect_ok(&im, NULL);
}

static uint32_t rng_state;
static uint32_t rng(void) /* xorshift32: deterministic, so failures reproduce */
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* What every accepted image must satisfy, whatever bytes it came from. */
static void assert_invariants(const struct elf_guest_info *info, uint32_t size)
{
	bool entry_ok = false;
	cr_assert(info->nsegs >= 1 && info->nsegs <= ELF_MAX_SEGMENTS);
	for (uint32_t i = 0; i < info->nsegs; i++) {
		const struct elf_segment *s = &info->seg[i];
		cr_assert(s->memsz > 0 && s->filesz <= s->memsz);
		cr_assert_leq((uint64_t)s->offset + s->filesz, size);
		cr_assert_leq((uint64_t)s->vaddr + s->memsz, PV_HV_START);
		entry_ok |= (s->flags & PF_X) && info->entry >= s->vaddr &&
			    info->entry - s->vaddr < s->memsz;
	}
	cr_assert(entry_ok);
	cr_assert_leq(info->image_end, PV_HV_START);
	cr_assert_leq(info->virt_base, info->image_start);
	cr_assert_eq(info->hypercall_page % PV_PAGE_SIZE, 0);
}

Test(elf_check, random_bytes_never_crash)
{
	static uint8_t buf[1024];
	rng_state = 0x12345678u;
	for (int n = 0; n < 10000; n++) {
		uint32_t size = rng() % sizeof(buf);
		for (uint32_t i = 0; i < size; i++)
			buf[i] = (uint8_t)rng();
		if (n % 2 && size >= 8) /* half of them get past the magic and class */
			memcpy(buf, "\177ELF\1\1\1\0", 8);
		struct elf_guest_info info;
		if (!check_bytes(buf, size, &info))
			assert_invariants(&info, size);
	}
}

/* Mutations of a valid image reach the deep checks; whatever is accepted is sound. */
Test(elf_check, mutated_images_never_crash)
{
	rng_state = 0x9e3779b9u;
	for (int n = 0; n < 10000; n++) {
		struct image im;
		struct elf_guest_info info;
		build(&im);
		for (uint32_t k = 1 + rng() % 4; k > 0; k--) {
			uint32_t at = rng() % IMG_SIZE;
			im.b[at] = (uint8_t)(n % 3 ? rng() : im.b[at] ^ (1u << (rng() % 8)));
		}
		if (!check_bytes(im.b, IMG_SIZE, &info))
			assert_invariants(&info, IMG_SIZE);
	}
}
