/* elf_load.h: loading a user program's ELF image into an address space.
 *
 * Decode, then apply: elf_check reads the image and changes nothing; elf_load
 * trusts a checked image and can only run out of memory. */
#ifndef PVGUEST_ELF_LOAD_H
#define PVGUEST_ELF_LOAD_H

#include <stdint.h>

#include "vm.h"

/* Is image[0..size) a program pvguest can run? A static little-endian ELF32
 * executable for i386 whose PT_LOAD segments come in address order, share no
 * page, hold their file bytes inside the image and lie in the image region
 * [USER_IMAGE_BASE, USER_HEAP_BASE), with the entry point in an executable one.
 * 0 with *entry set, or -ENOEXEC. */
int elf_check(const void *image, uint32_t size, uint32_t *entry);

/* Map every PT_LOAD segment of a checked image into vm (writable only if the
 * segment is) and copy its file bytes; the rest, .bss, stays zero. 0, or -ENOMEM
 * with vm partly filled (the caller destroys it). */
int elf_load(struct vm *vm, const void *image);

#endif
