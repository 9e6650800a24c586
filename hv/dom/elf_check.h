/* elf_check.h: deciding whether a multiboot module is a guest hv can build.
 *
 * A guest is a static ELF32/i386 executable with the PV32 notes of <pv/elfnote.h>.
 * elf_check_guest() is the *decode* half of the domain builder: it reads the module
 * (which may be any bytes at all), validates every header it relies on, and hands
 * back a small summary. The loader then works only from that summary and never
 * parses the ELF file again.
 *
 * The check is pure C with no libc: it compiles into hv and into host unit tests,
 * never reads outside [image, image + size) and does its address arithmetic in
 * 64 bits, so no crafted field can wrap it around. */
#ifndef HV_DOM_ELF_CHECK_H
#define HV_DOM_ELF_CHECK_H

#include <pv/types.h>
#include <stdint.h>

/* The two ELF32 structures the check reads, as the System V gABI defines them. */
#define ELF_NIDENT 16

struct elf32_ehdr {
	uint8_t e_ident[ELF_NIDENT]; /* "\x7f" "ELF", class, data, version, padding */
	uint16_t e_type;	     /* ET_EXEC */
	uint16_t e_machine;	     /* EM_386 */
	uint32_t e_version;	     /* 1 */
	uint32_t e_entry;	     /* virtual address of the first instruction */
	uint32_t e_phoff;	     /* file offset of the program header table */
	uint32_t e_shoff;	     /* section headers: ignored, a loader needs none */
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize; /* 32 */
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};
PV_ASSERT_SIZE(struct elf32_ehdr, 52);
PV_ASSERT_OFFSET(struct elf32_ehdr, e_entry, 24);
PV_ASSERT_OFFSET(struct elf32_ehdr, e_phoff, 28);
PV_ASSERT_OFFSET(struct elf32_ehdr, e_phentsize, 42);
PV_ASSERT_OFFSET(struct elf32_ehdr, e_phnum, 44);

struct elf32_phdr {
	uint32_t p_type;
	uint32_t p_offset; /* file offset of the segment's bytes */
	uint32_t p_vaddr;
	uint32_t p_paddr;  /* ignored */
	uint32_t p_filesz; /* bytes copied from the file ... */
	uint32_t p_memsz;  /* ... the rest, up to memsz, is zero */
	uint32_t p_flags;  /* PF_* */
	uint32_t p_align;  /* ignored: the loader copies, it does not map the file */
};
PV_ASSERT_SIZE(struct elf32_phdr, 32);
PV_ASSERT_OFFSET(struct elf32_phdr, p_memsz, 20);

#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define EV_CURRENT 1
#define ET_EXEC 2
#define EM_386 3

#define PT_NULL 0
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_NOTE 4

#define PF_X 1u
#define PF_W 2u
#define PF_R 4u

/* The summary the loader works from. */
#define ELF_MAX_SEGMENTS 8
#define ELF_MAX_PHNUM 32

struct elf_segment {
	uint32_t vaddr, memsz;	 /* [vaddr, vaddr + memsz) lies below PV_HV_START */
	uint32_t offset, filesz; /* [offset, offset + filesz) lies inside the module */
	uint32_t flags;		 /* PF_X=1 PF_W=2 PF_R=4 */
};

struct elf_guest_info {
	uint32_t entry; /* inside an executable segment */
	uint32_t nsegs; /* 1 .. ELF_MAX_SEGMENTS; no two segments share a byte */
	struct elf_segment seg[ELF_MAX_SEGMENTS];
	uint32_t image_start;	 /* lowest vaddr, rounded down to a page */
	uint32_t image_end;	 /* highest vaddr + memsz, rounded up to a page */
	uint32_t virt_base;	 /* the VIRT_BASE note, else image_start rounded down to 4 MiB */
	uint32_t abi_version;	 /* the ABI_VERSION note: (major << 16) | minor */
	uint32_t hypercall_page; /* the HYPERCALL_PAGE note: a whole page inside one segment */
};

/* Validate the guest image [image, image + size) against hv's ABI version
 * ((major << 16) | minor). On success return NULL and fill *out. On failure return a
 * short static reason ("ELF machine is not i386", "segment 2 reaches PV_HV_START")
 * and leave *out untouched. "Segment N" always means the N-th PT_LOAD, counting from
 * 0, which is also its index in out->seg[]. */
const char *elf_check_guest(const void *image, uint32_t size, uint32_t hv_abi_version,
			    struct elf_guest_info *out);

#endif
