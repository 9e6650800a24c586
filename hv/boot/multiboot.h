/* multiboot.h: the parts of the Multiboot v1 information structure hv reads. */
#ifndef HV_BOOT_MULTIBOOT_H
#define HV_BOOT_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
#define MBI_FLAG_MEM 0x001
#define MBI_FLAG_CMDLINE 0x004
#define MBI_FLAG_MODS 0x008
#define MBI_FLAG_MMAP 0x040

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper; /* KiB below 1 MiB, and above it */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
};

struct multiboot_module {
	uint32_t mod_start, mod_end; /* physical, end exclusive */
	uint32_t cmdline;	     /* physical address of a NUL-terminated string */
	uint32_t reserved;
};

/* One memory-map entry; size counts the bytes after the size field itself. */
struct __attribute__((packed)) multiboot_mmap_entry {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type; /* 1 = available RAM */
};

#endif
