/* test_elf_check.c: a module's ELF header and program headers, checked.
 *
 * The valid image and the reasons for rejecting a header or a segment; the entry
 * point and the PV32 notes are in test_elf_check_notes.c. */
#include "elf_image.h"

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
