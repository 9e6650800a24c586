/* elf_check.c: validating a guest ELF image, one untrusted field at a time.
 *
 * A module is whatever bytes the boot loader found, so every field is hostile until
 * checked. When elf_check_guest() returns NULL, these hold, and the loader may rely
 * on them without looking again:
 *
 *   - every segment's file bytes [offset, offset + filesz) lie inside the module;
 *   - every segment's memory [vaddr, vaddr + memsz) is non-empty, lies below
 *     PV_HV_START, and shares no byte with another segment;
 *   - filesz <= memsz, so a segment is its file bytes followed by zeroes;
 *   - the entry point lies inside a segment marked executable;
 *   - the hypercall page is one whole page inside one segment;
 *   - virt_base is page-aligned and not above image_start, and image_end is at most
 *     PV_HV_START.
 *
 * Reading rules: the header and each program header are copied once into a local
 * struct before any field is used (the module need not be aligned), every range is
 * checked as start + length <= size in 64 bits before it is read, and every loop is
 * bounded by a small constant or by bytes it consumes. */
#include "dom/elf_check.h"

#include <pv/elfnote.h>
#include <pv/layout.h>
#include <stdbool.h>

#define PAGE_MASK ((uint64_t)PV_PAGE_SIZE - 1)
#define VIRT_BASE_ALIGN (4u << 20) /* the default virt_base is 4 MiB-aligned */
#define NOTE_HEADER_SIZE 12u	   /* namesz, descsz, type */

/* Reasons that name a segment are static too: one string per segment number. */
/* clang-format off */
#define PER_SEGMENT(what) {                                                                      \
	"segment 0 " what, "segment 1 " what, "segment 2 " what, "segment 3 " what,              \
	"segment 4 " what, "segment 5 " what, "segment 6 " what, "segment 7 " what,              \
}
/* clang-format on */
_Static_assert(ELF_MAX_SEGMENTS == 8, "PER_SEGMENT has one string per segment");

static const char *const seg_empty[] = PER_SEGMENT("has a memory size of 0");
static const char *const seg_filesz[] = PER_SEGMENT("has a file size larger than its memory size");
static const char *const seg_outside[] = PER_SEGMENT("has file bytes outside the file");
static const char *const seg_wraps[] = PER_SEGMENT("wraps around the top of the address space");
static const char *const seg_hv[] = PER_SEGMENT("reaches PV_HV_START");
static const char *const seg_overlap[] = PER_SEGMENT("overlaps an earlier segment");

/* The PV32 notes, indexed by their type. */
#define PV_NOTE_TYPES 4 /* types 1..3; 0 is unused */
#define PER_NOTE(what)                                                            \
	{                                                                         \
		NULL, what "ABI version", what "hypercall page", what "virt base" \
	}

static const char *const note_missing[] = PER_NOTE("missing PV32 note: ");
static const char *const note_duplicate[] = PER_NOTE("duplicate PV32 note: ");
static const char *const note_bad_size[] = PER_NOTE("PV32 note has the wrong size: ");

/* What the notes said: value[t] is valid when seen[t]. */
struct pv_notes {
	bool seen[PV_NOTE_TYPES];
	uint32_t value[PV_NOTE_TYPES];
};

/* Copy n bytes. The caller has checked that the source range is inside the image.
 * Both hv and the host tests run on little-endian x86 and the header says
 * ELFDATA2LSB, so the bytes are already the native layout of the struct. */
static void copy_bytes(void *dst, const uint8_t *src, uint32_t n)
{
	uint8_t *d = dst;
	for (uint32_t i = 0; i < n; i++)
		d[i] = src[i];
}

/* The little-endian 32-bit value at p. */
static uint32_t read_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* n rounded up to a multiple of 4, without wrapping. */
static uint64_t pad4(uint32_t n)
{
	return ((uint64_t)n + 3) & ~(uint64_t)3;
}

/* Return a reason if the ELF header is not that of a static i386 executable whose
 * program header table lies inside the file. */
static const char *check_header(const struct elf32_ehdr *eh, uint32_t size)
{
	const uint8_t *id = eh->e_ident;

	if (id[0] != 0x7f || id[1] != 'E' || id[2] != 'L' || id[3] != 'F')
		return "not an ELF file (bad magic)";
	if (id[4] != ELFCLASS32)
		return "not a 32-bit ELF file";
	if (id[5] != ELFDATA2LSB)
		return "ELF file is not little-endian";
	if (id[6] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return "unknown ELF version";
	if (eh->e_type != ET_EXEC)
		return "ELF file is not an executable (ET_EXEC)";
	if (eh->e_machine != EM_386)
		return "ELF machine is not i386";
	if (eh->e_phentsize != sizeof(struct elf32_phdr))
		return "ELF program header size is not 32";
	if (eh->e_phnum == 0)
		return "ELF file has no program headers";
	if (eh->e_phnum > ELF_MAX_PHNUM)
		return "ELF file has more than 32 program headers";
	if ((uint64_t)eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(struct elf32_phdr) > size)
		return "program header table lies outside the file";
	return NULL;
}

/* Check one PT_LOAD and append it to info->seg[]. Return a reason if it is empty,
 * lies outside the file, reaches hv, or overlaps a segment already accepted. */
static const char *add_segment(const struct elf32_phdr *ph, uint32_t size,
			       struct elf_guest_info *info)
{
	uint32_t n = info->nsegs;
	uint64_t end = (uint64_t)ph->p_vaddr + ph->p_memsz;

	if (n == ELF_MAX_SEGMENTS)
		return "more than 8 PT_LOAD segments";
	if (ph->p_memsz == 0)
		return seg_empty[n];
	if (ph->p_filesz > ph->p_memsz)
		return seg_filesz[n];
	if ((uint64_t)ph->p_offset + ph->p_filesz > size)
		return seg_outside[n];
	if (end > (uint64_t)UINT32_MAX + 1)
		return seg_wraps[n];
	if (end > PV_HV_START)
		return seg_hv[n];
	for (uint32_t i = 0; i < n; i++) {
		const struct elf_segment *s = &info->seg[i];
		if (ph->p_vaddr < (uint64_t)s->vaddr + s->memsz && s->vaddr < end)
			return seg_overlap[n];
	}

	info->seg[n].vaddr = ph->p_vaddr;
	info->seg[n].memsz = ph->p_memsz;
	info->seg[n].offset = ph->p_offset;
	info->seg[n].filesz = ph->p_filesz;
	info->seg[n].flags = ph->p_flags;
	info->nsegs = n + 1;
	return NULL;
}

/* Whether the note name at p, namesz bytes long, is "PV32" with its NUL. */
static bool is_pv32_name(const uint8_t *p, uint32_t namesz)
{
	static const char want[] = PV_ELFNOTE_NAME;

	if (namesz != sizeof(want))
		return false;
	for (uint32_t i = 0; i < namesz; i++)
		if (p[i] != (uint8_t)want[i])
			return false;
	return true;
}

/* Walk every note of one PT_NOTE and record the PV32 ones in *notes. Each note is
 * namesz, descsz, type, then the name and the desc, each padded to 4 bytes; the
 * whole note must fit in what is left of the PT_NOTE before any of it is read.
 * Notes of other owners and PV32 notes of unknown types are skipped. */
static const char *walk_notes(const uint8_t *image, uint32_t size, const struct elf32_phdr *ph,
			      struct pv_notes *notes)
{
	if ((uint64_t)ph->p_offset + ph->p_filesz > size)
		return "a PT_NOTE lies outside the file";

	const uint8_t *p = image + ph->p_offset;
	uint32_t left = ph->p_filesz;
	while (left > 0) { /* each note consumes at least NOTE_HEADER_SIZE bytes */
		if (left < NOTE_HEADER_SIZE)
			return "an ELF note runs past the end of its PT_NOTE";
		uint32_t namesz = read_u32(p);
		uint32_t descsz = read_u32(p + 4);
		uint32_t type = read_u32(p + 8);
		uint64_t name_len = pad4(namesz);
		uint64_t note_len = NOTE_HEADER_SIZE + name_len + pad4(descsz);
		if (note_len > left)
			return "an ELF note runs past the end of its PT_NOTE";

		if (is_pv32_name(p + NOTE_HEADER_SIZE, namesz) && type > 0 &&
		    type < PV_NOTE_TYPES) {
			if (descsz != 4)
				return note_bad_size[type];
			if (notes->seen[type])
				return note_duplicate[type];
			notes->seen[type] = true;
			notes->value[type] = read_u32(p + NOTE_HEADER_SIZE + name_len);
		}
		p += note_len;
		left -= (uint32_t)note_len;
	}
	return NULL;
}

/* Return a reason unless the entry point lies inside an executable segment. */
static const char *check_entry(const struct elf_guest_info *info)
{
	for (uint32_t i = 0; i < info->nsegs; i++) {
		const struct elf_segment *s = &info->seg[i];
		if ((s->flags & PF_X) && info->entry >= s->vaddr &&
		    info->entry < (uint64_t)s->vaddr + s->memsz)
			return NULL;
	}
	return "entry point is not in an executable segment";
}

/* Check the PV32 notes against hv's ABI and the segments, and fill in the info fields
 * that come from them. Needs the segments and image_start already in *info. */
static const char *apply_notes(const struct pv_notes *notes, uint32_t hv_abi_version,
			       struct elf_guest_info *info)
{
	if (!notes->seen[PV_ELFNOTE_ABI_VERSION])
		return note_missing[PV_ELFNOTE_ABI_VERSION];
	uint32_t abi = notes->value[PV_ELFNOTE_ABI_VERSION];
	if (abi >> 16 != hv_abi_version >> 16)
		return "guest ABI major version differs from hv's";
	if ((abi & 0xffff) > (hv_abi_version & 0xffff))
		return "guest ABI minor version is newer than hv's";
	info->abi_version = abi;

	if (!notes->seen[PV_ELFNOTE_HYPERCALL_PAGE])
		return note_missing[PV_ELFNOTE_HYPERCALL_PAGE];
	uint32_t page = notes->value[PV_ELFNOTE_HYPERCALL_PAGE];
	if (page & PAGE_MASK)
		return "hypercall page is not page-aligned";
	bool inside = false;
	for (uint32_t i = 0; i < info->nsegs; i++) {
		const struct elf_segment *s = &info->seg[i];
		if (page >= s->vaddr &&
		    (uint64_t)page + PV_PAGE_SIZE <= (uint64_t)s->vaddr + s->memsz)
			inside = true;
	}
	if (!inside)
		return "hypercall page is not inside one segment";
	info->hypercall_page = page;

	if (notes->seen[PV_ELFNOTE_VIRT_BASE]) {
		uint32_t base = notes->value[PV_ELFNOTE_VIRT_BASE];
		if (base & PAGE_MASK)
			return "virt base is not page-aligned";
		if (base > info->image_start)
			return "virt base is above the start of the image";
		info->virt_base = base;
	} else {
		info->virt_base = info->image_start & ~(VIRT_BASE_ALIGN - 1);
	}
	return NULL;
}

const char *elf_check_guest(const void *image, uint32_t size, uint32_t hv_abi_version,
			    struct elf_guest_info *out)
{
	const uint8_t *bytes = image;
	struct elf32_ehdr eh;
	struct elf_guest_info info = { 0 };
	struct pv_notes notes = { 0 };
	const char *why;

	if (!image || size < sizeof(eh))
		return "file too small for an ELF header";
	copy_bytes(&eh, bytes, sizeof(eh));
	if ((why = check_header(&eh, size)))
		return why;

	for (uint32_t i = 0; i < eh.e_phnum; i++) { /* at most ELF_MAX_PHNUM */
		struct elf32_phdr ph;
		copy_bytes(&ph, bytes + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type == PT_INTERP || ph.p_type == PT_DYNAMIC)
			return "not a static executable (has PT_INTERP or PT_DYNAMIC)";
		if (ph.p_type == PT_LOAD && (why = add_segment(&ph, size, &info)))
			return why;
		if (ph.p_type == PT_NOTE && (why = walk_notes(bytes, size, &ph, &notes)))
			return why;
		/* Anything else (PT_GNU_STACK, PT_PHDR, ...) asks nothing of the loader. */
	}
	if (info.nsegs == 0)
		return "no PT_LOAD segment";

	uint64_t lowest = UINT32_MAX, highest = 0;
	for (uint32_t i = 0; i < info.nsegs; i++) {
		uint64_t start = info.seg[i].vaddr, end = start + info.seg[i].memsz;
		lowest = start < lowest ? start : lowest;
		highest = end > highest ? end : highest;
	}
	info.image_start = (uint32_t)(lowest & ~PAGE_MASK);
	info.image_end = (uint32_t)((highest + PAGE_MASK) & ~PAGE_MASK); /* <= PV_HV_START */

	info.entry = eh.e_entry;
	if ((why = check_entry(&info)))
		return why;
	if ((why = apply_notes(&notes, hv_abi_version, &info)))
		return why;

	copy_bytes(out, (const uint8_t *)&info, sizeof(info));
	return NULL;
}
