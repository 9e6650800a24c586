/* test_elf_check_notes.c: a module's entry point and PV32 notes, checked, and cheap
 * fuzzing of the whole check. The image they start from is elf_image.h's. */
#include "elf_image.h"

/* ---- The entry point ---- */

Test(elf_check, entry_in_data_segment)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_entry = DATA_VADDR;
	expect_reason(&im, "entry point is not in an executable segment");
}

Test(elf_check, entry_just_past_text)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_entry = TEXT_END;
	expect_reason(&im, "entry point is not in an executable segment");
}

Test(elf_check, entry_outside_every_segment)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_entry = 0;
	expect_reason(&im, "entry point is not in an executable segment");
}

Test(elf_check, entry_in_text_without_pf_x)
{
	struct image im;
	build(&im);
	phdr(&im, PH_TEXT)->p_flags = PF_R;
	expect_reason(&im, "entry point is not in an executable segment");
}

Test(elf_check, entry_at_first_byte_of_text_is_accepted)
{
	struct image im;
	build(&im);
	ehdr(&im)->e_entry = TEXT_VADDR;
	expect_ok(&im, NULL);
}

/* ---- The notes ---- */

Test(elf_check, missing_abi_version_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 1);
	expect_reason(&im, "missing PV32 note: ABI version");
}

Test(elf_check, missing_hypercall_page_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI) };
	set_notes(&im, notes, 1);
	expect_reason(&im, "missing PV32 note: hypercall page");
}

Test(elf_check, notes_of_other_owners_do_not_count)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { { "GNU", 4, PV_ELFNOTE_ABI_VERSION, 4, GUEST_ABI },
					   { "PV33", 5, PV_ELFNOTE_ABI_VERSION, 4, GUEST_ABI },
					   { "PV32", 4, PV_ELFNOTE_ABI_VERSION, 4, GUEST_ABI },
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 4);
	expect_reason(&im, "missing PV32 note: ABI version");
}

Test(elf_check, other_owners_and_unknown_pv32_types_are_skipped)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { { "PV32", 5, 0, 8, 1 },
					   { "GNU", 4, PV_ELFNOTE_ABI_VERSION, 9, 1 },
					   { "PV32", 5, 77, 3, 1 },
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 5);
	expect_ok(&im, NULL);
}

Test(elf_check, abi_version_note_of_wrong_size)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { { "PV32", 5, PV_ELFNOTE_ABI_VERSION, 8, GUEST_ABI },
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(&im, notes, 2);
	expect_reason(&im, "PV32 note has the wrong size: ABI version");
}

Test(elf_check, hypercall_page_note_of_wrong_size)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   { "PV32", 5, PV_ELFNOTE_HYPERCALL_PAGE, 2, HC_PAGE } };
	set_notes(&im, notes, 2);
	expect_reason(&im, "PV32 note has the wrong size: hypercall page");
}

Test(elf_check, virt_base_note_of_wrong_size)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   { "PV32", 5, PV_ELFNOTE_VIRT_BASE, 0, 0 } };
	set_notes(&im, notes, 3);
	expect_reason(&im, "PV32 note has the wrong size: virt base");
}

Test(elf_check, duplicate_abi_version_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI) };
	set_notes(&im, notes, 3);
	expect_reason(&im, "duplicate PV32 note: ABI version");
}

Test(elf_check, duplicate_hypercall_page_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE - 0x1000) };
	set_notes(&im, notes, 3);
	expect_reason(&im, "duplicate PV32 note: hypercall page");
}

Test(elf_check, duplicate_virt_base_note)
{
	struct image im;
	build(&im);
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_VIRT_BASE, 0xC0000000u),
					   pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_VIRT_BASE, 0xC0000000u) };
	set_notes(&im, notes, 4);
	expect_reason(&im, "duplicate PV32 note: virt base");
}

Test(elf_check, notes_split_over_two_pt_notes_are_accepted)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_filesz = NOTE_SIZE;
	set_phdr(&im, PH_STACK, PT_NOTE, NOTE_OFF + NOTE_SIZE, 0, NOTE_SIZE, 0, PF_R);
	expect_ok(&im, NULL);
}

Test(elf_check, duplicate_note_in_a_second_pt_note)
{
	struct image im;
	build(&im);
	*phdr(&im, PH_STACK) = *phdr(&im, PH_NOTE);
	expect_reason(&im, "duplicate PV32 note: ABI version");
}

Test(elf_check, pt_note_past_end_of_file)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_offset = IMG_SIZE - NOTE_SIZE;
	expect_reason(&im, "a PT_NOTE lies outside the file");
}

Test(elf_check, pt_note_offset_wraps_32_bits)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_offset = 0xffffffffu;
	expect_reason(&im, "a PT_NOTE lies outside the file");
}

Test(elf_check, note_desc_runs_past_pt_note)
{
	struct image im;
	build(&im);
	*note_word(&im, 1, 1) = 8; /* the last note's descsz; its PT_NOTE ends after 4 */
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

Test(elf_check, note_descsz_that_wraps_when_padded)
{
	struct image im;
	build(&im);
	*note_word(&im, 0, 1) = 0xfffffffeu; /* padded in 32 bits, this is 0 */
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

Test(elf_check, note_namesz_that_wraps_when_padded)
{
	struct image im;
	build(&im);
	*note_word(&im, 0, 0) = 0xffffffffu;
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

Test(elf_check, note_header_cut_by_end_of_file)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_offset = IMG_SIZE - 4; /* a header would need 12 bytes */
	phdr(&im, PH_NOTE)->p_filesz = 4;
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

Test(elf_check, note_header_cut_by_pt_note_end)
{
	struct image im;
	build(&im);
	phdr(&im, PH_NOTE)->p_filesz += 4; /* 4 bytes where a 12-byte header should be */
	expect_reason(&im, "an ELF note runs past the end of its PT_NOTE");
}

/* ---- The notes' values ---- */

static void set_abi(struct image *im, uint32_t abi)
{
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, abi),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE) };
	set_notes(im, notes, 2);
}

Test(elf_check, abi_major_newer_than_hv)
{
	struct image im;
	build(&im);
	set_abi(&im, 0x00020000u);
	expect_reason(&im, "guest ABI major version differs from hv's");
}

Test(elf_check, abi_major_older_than_hv)
{
	struct image im;
	build(&im);
	set_abi(&im, 0x00000002u);
	expect_reason(&im, "guest ABI major version differs from hv's");
}

Test(elf_check, abi_minor_newer_than_hv)
{
	struct image im;
	build(&im);
	set_abi(&im, HV_ABI + 1);
	expect_reason(&im, "guest ABI minor version is newer than hv's");
}

Test(elf_check, abi_equal_to_hv_is_accepted)
{
	struct image im;
	build(&im);
	set_abi(&im, HV_ABI);
	expect_ok(&im, NULL);
}

static void set_hc_page(struct image *im, uint32_t page)
{
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, page) };
	set_notes(im, notes, 2);
}

Test(elf_check, hypercall_page_not_aligned)
{
	struct image im;
	build(&im);
	set_hc_page(&im, HC_PAGE + 0x80);
	expect_reason(&im, "hypercall page is not page-aligned");
}

Test(elf_check, hypercall_page_starting_before_its_segment)
{
	struct image im;
	build(&im);
	set_hc_page(&im, TEXT_VADDR & ~0xfffu);
	expect_reason(&im, "hypercall page is not inside one segment");
}

Test(elf_check, hypercall_page_outside_every_segment)
{
	struct image im;
	build(&im);
	set_hc_page(&im, 0xC0200000u);
	expect_reason(&im, "hypercall page is not inside one segment");
}

Test(elf_check, hypercall_page_split_over_two_segments)
{
	struct image im;
	build(&im);
	phdr(&im, PH_DATA)->p_vaddr = TEXT_END; /* the page is covered, but by two segments */
	set_hc_page(&im, TEXT_END & ~0xfffu);
	expect_reason(&im, "hypercall page is not inside one segment");
}

Test(elf_check, hypercall_page_ending_at_segment_end_is_accepted)
{
	struct image im;
	build(&im);
	phdr(&im, PH_TEXT)->p_memsz = HC_PAGE + 0x1000 - TEXT_VADDR;
	expect_ok(&im, NULL);
}

static void set_virt_base(struct image *im, uint32_t base)
{
	const struct note_spec notes[] = { pv32(PV_ELFNOTE_ABI_VERSION, GUEST_ABI),
					   pv32(PV_ELFNOTE_HYPERCALL_PAGE, HC_PAGE),
					   pv32(PV_ELFNOTE_VIRT_BASE, base) };
	set_notes(im, notes, 3);
}

Test(elf_check, virt_base_not_aligned)
{
	struct image im;
	build(&im);
	set_virt_base(&im, 0xC0000800u);
	expect_reason(&im, "virt base is not page-aligned");
}

Test(elf_check, virt_base_above_image_start)
{
	struct image im;
	build(&im);
	set_virt_base(&im, 0xC0106000u);
	expect_reason(&im, "virt base is above the start of the image");
}

/* ---- Cheap fuzzing ---- */

/* Every image shorter than the valid one is rejected, and nothing reads past its end. */
Test(elf_check, every_truncation_is_rejected)
{
	struct image im;
	build(&im);
	for (uint32_t len = 0; len < IMG_SIZE; len++)
		cr_assert_not_null(check_bytes(im.b, len, NULL), "accepted at length %u", len);
	expect_ok(&im, NULL);
}

static uint32_t rng_state;
static uint32_t rng(void) /* xorshift32: deterministic, so failures reproduce */
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* What every accepted image must satisfy, whatever bytes it came from. */
static void assert_invariants(const struct elf_guest_info *info, uint32_t size)
{
	bool entry_ok = false;
	cr_assert(info->nsegs >= 1 && info->nsegs <= ELF_MAX_SEGMENTS);
	for (uint32_t i = 0; i < info->nsegs; i++) {
		const struct elf_segment *s = &info->seg[i];
		cr_assert(s->memsz > 0 && s->filesz <= s->memsz);
		cr_assert_leq((uint64_t)s->offset + s->filesz, size);
		cr_assert_leq((uint64_t)s->vaddr + s->memsz, PV_HV_START);
		entry_ok |= (s->flags & PF_X) && info->entry >= s->vaddr &&
			    info->entry - s->vaddr < s->memsz;
	}
	cr_assert(entry_ok);
	cr_assert_leq(info->image_end, PV_HV_START);
	cr_assert_leq(info->virt_base, info->image_start);
	cr_assert_eq(info->hypercall_page % PV_PAGE_SIZE, 0);
}

Test(elf_check, random_bytes_never_crash)
{
	static uint8_t buf[1024];
	rng_state = 0x12345678u;
	for (int n = 0; n < 10000; n++) {
		uint32_t size = rng() % sizeof(buf);
		for (uint32_t i = 0; i < size; i++)
			buf[i] = (uint8_t)rng();
		if (n % 2 && size >= 8) /* half of them get past the magic and class */
			memcpy(buf, "\177ELF\1\1\1\0", 8);
		struct elf_guest_info info;
		if (!check_bytes(buf, size, &info))
			assert_invariants(&info, size);
	}
}

/* Mutations of a valid image reach the deep checks; whatever is accepted is sound. */
Test(elf_check, mutated_images_never_crash)
{
	rng_state = 0x9e3779b9u;
	for (int n = 0; n < 10000; n++) {
		struct image im;
		struct elf_guest_info info;
		build(&im);
		for (uint32_t k = 1 + rng() % 4; k > 0; k--) {
			uint32_t at = rng() % IMG_SIZE;
			im.b[at] = (uint8_t)(n % 3 ? rng() : im.b[at] ^ (1u << (rng() % 8)));
		}
		if (!check_bytes(im.b, IMG_SIZE, &info))
			assert_invariants(&info, IMG_SIZE);
	}
}
