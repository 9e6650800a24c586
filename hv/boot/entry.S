/* entry.S: the first instructions, from multiboot's flat 32-bit world into hv's
 * high half.
 *
 * TOUR 1: QEMU's multiboot loader jumps here with paging off, EAX holding the
 * multiboot magic and EBX the physical address of the multiboot information. hv is
 * linked at 0xFC100000 but sits at 1 MiB, so until paging is on every address must
 * be translated by hand (the PHYS macro). We build one page directory that maps
 * physical memory twice with 4 MiB pages: at 0 (so the next instruction still
 * exists once paging is on) and at PV_HV_START (where hv lives from now on), turn
 * on paging with write protection, jump high and call hv_main in C. */
#include "mm/paging_defs.h"

#define PHYS(sym) ((sym) - HV_VIRT_OFFSET)

#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00000003 /* align modules to pages, give us the memory map */

	.section .multiboot, "a"
	.align 4
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.section .text.boot, "ax"
	.globl hv_entry
hv_entry:
	cli
	cld
	mov %eax, %ebp /* keep magic and info pointer out of the way */
	mov %ebx, %esi

	/* Zero .bss: the boot page directory and the stack live there. */
	mov $PHYS(_bss_start), %edi
	mov $PHYS(_bss_end), %ecx
	sub %edi, %ecx
	shr $2, %ecx
	xor %eax, %eax
	rep stosl

	/* Slot 0: identity map of the first 4 MiB, dropped again in paging_init. */
	mov $PHYS(hv_master_pd), %edx
	movl $(PDE_P | PDE_RW | PDE_PS), (%edx)

	/* Slots HV_FIRST_SLOT..: the direct map, physical 0.. at PV_HV_START. */
	mov $HV_FIRST_SLOT, %ecx
	mov $(PDE_P | PDE_RW | PDE_PS), %eax /* not global: see arch/trampoline.h */
1:	mov %eax, (%edx, %ecx, 4)
	add $0x400000, %eax
	inc %ecx
	cmp $(HV_FIRST_SLOT + HV_DIRECTMAP_SLOTS), %ecx
	jb 1b

	mov %cr4, %eax
	or $CR4_PSE, %eax
	mov %eax, %cr4
	mov %edx, %cr3
	mov %cr0, %eax
	or $(CR0_PG | CR0_WP), %eax
	mov %eax, %cr0

	mov $high_half, %eax
	jmp *%eax

high_half:
	mov $boot_stack_top, %esp
	xor %eax, %eax
	push %eax /* a zero return address ends gdb's backtraces here */
	push %esi /* multiboot info (physical) */
	push %ebp /* multiboot magic */
	call hv_main
2:	hlt
	jmp 2b

/* Two stacks: hv_main runs on the boot stack, which is abandoned when the first
 * guest starts; hv's C code handles every trap on hv_stack, which no guest view
 * maps. (The CPU itself pushes a guest's frame on the entry stack: trap_entry.S.) */
	.section .bss
	.align 16
	.skip 8192
boot_stack_top:
	.globl hv_stack_top
	.skip 16384
hv_stack_top:

	.section .note.GNU-stack, "", @progbits
