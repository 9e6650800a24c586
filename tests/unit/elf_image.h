/* elf_image.h: a small valid guest ELF image, built byte by byte, for the ELF tests.
 *
 * Each ELF test starts from this image, changes one thing, and checks the exact
 * reason elf_check_guest() gives. Every check runs on a read-only copy that ends
 * exactly where an inaccessible guard page begins, so reading one byte past the
 * image, or writing to it, crashes the test instead of passing silently. */
#ifndef ELF_IMAGE_H
#define ELF_IMAGE_H

#include <criterion/criterion.h>
#include <pv/elfnote.h>
#include <pv/layout.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dom/elf_check.h"
#include "guard_copy.h"

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

static inline struct elf32_ehdr *ehdr(struct image *im)
{
	return (struct elf32_ehdr *)im->b;
}

static inline struct elf32_phdr *phdr(struct image *im, unsigned i)
{
	return (struct elf32_phdr *)(im->b + PH_OFF) + i;
}

/* The i-th 32-bit word (0 namesz, 1 descsz, 2 type) of note n of the default notes. */
static inline uint32_t *note_word(struct image *im, unsigned n, unsigned i)
{
	return (uint32_t *)(im->b + NOTE_OFF + n * NOTE_SIZE) + i;
}

/* Replace the notes with these and size the PT_NOTE to fit them exactly. */
static inline void set_notes(struct image *im, const struct note_spec *notes, unsigned count)
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

static inline struct note_spec pv32(uint32_t type, uint32_t desc)
{
	return (struct note_spec){ PV_ELFNOTE_NAME, 5, type, 4, desc };
}

static inline void set_phdr(struct image *im, unsigned i, uint32_t type, uint32_t off,
			    uint32_t vaddr, uint32_t filesz, uint32_t memsz, uint32_t flags)
{
	*phdr(im, i) = (struct elf32_phdr){ type, off, vaddr, vaddr, filesz, memsz, flags, 0x1000 };
}

/* A valid guest: text (R+X) and data (R+W, with bss), the two required notes, and a
 * PT_GNU_STACK the check must ignore. */
static inline void build(struct image *im)
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
static inline const char *check_bytes(const void *bytes, uint32_t size, struct elf_guest_info *info)
{
	struct elf_guest_info scratch;
	struct guard_copy g = guard_copy_make(bytes, size);
	const char *why = elf_check_guest(g.bytes, size, HV_ABI, info ? info : &scratch);
	guard_copy_free(&g);
	return why;
}

static inline void expect_reason(struct image *im, const char *want)
{
	const char *got = check_bytes(im->b, IMG_SIZE, NULL);
	cr_assert(got && strcmp(got, want) == 0, "want \"%s\", got \"%s\"", want,
		  got ? got : "(accepted)");
}

static inline void expect_ok(struct image *im, struct elf_guest_info *info)
{
	const char *got = check_bytes(im->b, IMG_SIZE, info);
	cr_assert_null(got, "valid image rejected: %s", got);
}

#endif
