/* elf_load.c: loading a user program's ELF image into an address space. */
#include "elf_load.h"

#include <elf.h>
#include <errno.h>
#include <pv/layout.h>
#include <string.h>

#include "uapi/syscall.h"

#define PAGE_DOWN(x) ((x) & ~(PV_PAGE_SIZE - 1))
#define PAGE_UP(x) PAGE_DOWN((x) + PV_PAGE_SIZE - 1)

static const Elf32_Phdr *program_headers(const void *image)
{
	const Elf32_Ehdr *eh = image;
	return (const Elf32_Phdr *)((const uint8_t *)image + eh->e_phoff);
}

static int header_ok(const Elf32_Ehdr *eh, uint32_t size)
{
	return size >= sizeof(*eh) && !memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	       eh->e_ident[EI_CLASS] == ELFCLASS32 && eh->e_ident[EI_DATA] == ELFDATA2LSB &&
	       eh->e_type == ET_EXEC && eh->e_machine == EM_386 &&
	       eh->e_phentsize == sizeof(Elf32_Phdr) &&
	       (uint64_t)eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf32_Phdr) <= size;
}

int elf_check(const void *image, uint32_t size, uint32_t *entry)
{
	const Elf32_Ehdr *eh = image;
	if (!header_ok(eh, size))
		return -ENOEXEC;

	const Elf32_Phdr *ph = program_headers(image);
	uint32_t next_free = USER_IMAGE_BASE; /* the first page no earlier segment uses */
	int loads = 0, entry_ok = 0;
	for (uint32_t i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		uint64_t end = (uint64_t)ph[i].p_vaddr + ph[i].p_memsz;
		if (ph[i].p_memsz == 0 || ph[i].p_filesz > ph[i].p_memsz ||
		    (uint64_t)ph[i].p_offset + ph[i].p_filesz > size ||
		    PAGE_DOWN(ph[i].p_vaddr) < next_free || end > USER_HEAP_BASE)
			return -ENOEXEC;
		next_free = PAGE_UP((uint32_t)end);
		loads++;
		if ((ph[i].p_flags & PF_X) && eh->e_entry >= ph[i].p_vaddr && eh->e_entry < end)
			entry_ok = 1;
	}
	if (!loads || !entry_ok)
		return -ENOEXEC;
	*entry = eh->e_entry;
	return 0;
}

int elf_load(struct vm *vm, const void *image)
{
	const Elf32_Ehdr *eh = image;
	const Elf32_Phdr *ph = program_headers(image);
	for (uint32_t i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		const uint8_t *file = (const uint8_t *)image + ph[i].p_offset;
		uint32_t start = ph[i].p_vaddr, file_end = start + ph[i].p_filesz;
		for (uint32_t page = PAGE_DOWN(start); page < start + ph[i].p_memsz;
		     page += PV_PAGE_SIZE) {
			uint8_t *frame = vm_map_page(vm, page, ph[i].p_flags & PF_W);
			if (!frame)
				return -ENOMEM;
			/* The part of [start, file_end) inside this page, through the
			 * kernel's mapping of the new frame (the user mapping may be
			 * read-only). */
			uint32_t from = page > start ? page : start;
			uint32_t to =
				page + PV_PAGE_SIZE < file_end ? page + PV_PAGE_SIZE : file_end;
			if (from < to)
				memcpy(frame + (from - page), file + (from - start), to - from);
		}
	}
	vm_commit();
	return 0;
}
