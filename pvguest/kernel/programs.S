/* programs.S: the user programs, linked into the kernel image.
 *
 * Each user program is an ELF executable of its own, built from pvguest/user/NAME
 * into build/pvguest/user/NAME.elf. A copy without symbols, NAME.img, is included
 * here byte for byte with .incbin, and the table user_programs lists them for
 * programs.c: { name, first byte, size } per program, then a zero entry.
 *
 * PVGUEST_PROGRAMS is the list of names from pvguest.mk (its one source), and the
 * assembler finds NAME.img through the -Wa,-I option pvguest.mk adds. The images
 * are data in .rodata: pvscan disassembles code sections only, and scans each
 * program on its own, as NAME.elf. */

	.section .rodata.user_images, "a"
.irp name, PVGUEST_PROGRAMS
	.balign 16
user_image_\name:
	.incbin "\name\().img"
user_image_\name\()_end:
user_name_\name:
	.asciz "\name"
.endr

	.section .rodata.user_programs, "a"
	.balign 4
	.globl user_programs
user_programs:
.irp name, PVGUEST_PROGRAMS
	.long user_name_\name, user_image_\name, user_image_\name\()_end - user_image_\name
.endr
	.long 0, 0, 0

	.section .note.GNU-stack, "", @progbits
