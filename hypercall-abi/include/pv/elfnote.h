/* elfnote.h: the ELF notes that make an ELF file a pv32 guest.
 *
 * hv refuses a module without both required notes. Each note is a standard ELF
 * note (namesz, descsz, type, name, desc) with name PV_ELFNOTE_NAME, found through a
 * PT_NOTE program header. crt0.S in hypercall-abi/lib emits them, so a guest that
 * links crt0.o and the linker script gets them for free.
 *
 *   type                       desc (one uint32_t)                          required
 *   PV_ELFNOTE_ABI_VERSION     (major << 16) | minor the guest was built for  yes
 *   PV_ELFNOTE_HYPERCALL_PAGE  page-aligned virtual address inside the image  yes
 *   PV_ELFNOTE_VIRT_BASE       virtual address of pfn 0                       no
 *
 * Without PV_ELFNOTE_VIRT_BASE, virt_base is the lowest PT_LOAD address rounded down
 * to 4 MiB. */
#ifndef PV_ELFNOTE_H
#define PV_ELFNOTE_H

#define PV_ELFNOTE_NAME "PV32" /* namesz = 5, with the NUL */
#define PV_ELFNOTE_ABI_VERSION 1
#define PV_ELFNOTE_HYPERCALL_PAGE 2
#define PV_ELFNOTE_VIRT_BASE 3

#endif
