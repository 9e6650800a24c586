/* builder.c: turning one multiboot module into a runnable domain.
 *
 * TOUR 3: the domain builder turns a module into a domain. Everything about the
 * module is validated before
 * anything is allocated (domain_config_parse, elf_check_guest, boot_layout_plan);
 * after that nothing can fail except running out of frames. The builder then
 * allocates the domain's frames, copies the ELF segments in, fills the hypercall
 * page, writes start_info and the P2M list, and builds page tables that map every
 * pfn at virt_base + pfn * 4096 (the page tables themselves read-only) and, above
 * PV_HV_START, only hv's trampoline. Last, the initial frame: ring 1 at
 * the ELF entry, ESI = start_info, ESP = the boot stack, events masked. */
#include "dom/builder.h"

#include <pv/abi.h>

#include "arch/trampoline.h"
#include "dom/boot_layout.h"
#include "dom/domain.h"
#include "dom/elf_check.h"
#include "ev/time.h"
#include "hc/hypercall_page.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "mm/frame_table.h"
#include "mm/frames.h"
#include "mm/m2p.h"
#include "mm/paging.h"

/* The domain being built, and the frames holding its P2M list (pfn -> mfn). */
struct build {
	struct domain *d;
	struct boot_layout layout;
	uint32_t p2m_mfns[16]; /* 16 pages of P2M list cover 64 MiB of pfns */
};

/* The P2M list lives in frames that need not be contiguous, so the builder reads
 * it a page at a time. It is only trusted while the guest has not run yet. */
static uint32_t p2m_lookup(const struct build *b, uint32_t pfn)
{
	const uint32_t *page = mfn_to_virt(b->p2m_mfns[pfn / 1024]);
	return page[pfn % 1024];
}

/* hv's address of the byte at guest virtual address va (inside the domain's pfns). */
static uint8_t *guest_byte(const struct build *b, uint32_t va)
{
	uint32_t pfn = (va - b->layout.virt_base) >> PAGE_SHIFT;
	return (uint8_t *)mfn_to_virt(p2m_lookup(b, pfn)) + (va & (PAGE_SIZE - 1));
}

/* Copy len bytes to guest virtual address va, page by page. */
static void guest_write(const struct build *b, uint32_t va, const void *src, uint32_t len)
{
	const uint8_t *s = src;
	while (len) {
		uint32_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		if (chunk > len)
			chunk = len;
		memcpy(guest_byte(b, va), s, chunk);
		va += chunk;
		s += chunk;
		len -= chunk;
	}
}

/* Allocate every frame: the P2M list pages first so the map can be written. */
static const char *allocate_frames(struct build *b)
{
	const struct boot_layout *l = &b->layout;
	if (frames_free_count() < l->nr_pages + 1)
		return "not enough free memory for mem=";
	if (l->p2m_pages > sizeof(b->p2m_mfns) / sizeof(b->p2m_mfns[0]))
		return "mem= is too large";

	/* The P2M list is itself in guest memory, at pfns p2m_pfn.. : allocate those
	 * first, then everything else, recording each mfn as we go. */
	for (uint32_t i = 0; i < l->p2m_pages; i++)
		if ((b->p2m_mfns[i] = frame_alloc(b->d->id)) == FRAME_NONE)
			return "out of frames";
	for (uint32_t pfn = 0; pfn < l->nr_pages; pfn++) {
		uint32_t mfn;
		if (pfn >= l->p2m_pfn && pfn < l->p2m_pfn + l->p2m_pages)
			mfn = b->p2m_mfns[pfn - l->p2m_pfn];
		else
			mfn = frame_alloc(b->d->id);
		if (mfn == FRAME_NONE)
			return "out of frames";
		uint32_t *page = mfn_to_virt(b->p2m_mfns[pfn / 1024]);
		page[pfn % 1024] = mfn;
	}
	return 0;
}

static void load_segments(const struct build *b, const uint8_t *image,
			  const struct elf_guest_info *info)
{
	for (uint32_t i = 0; i < info->nsegs; i++) {
		const struct elf_segment *s = &info->seg[i];
		guest_write(b, s->vaddr, image + s->offset, s->filesz);
		/* The rest of memsz is .bss: the frames are already zero. */
	}
}

/* Above PV_HV_START the directory maps only the trampoline (arch/trampoline.h). */
static void build_page_tables(const struct build *b, uint32_t shared_mfn)
{
	const struct boot_layout *l = &b->layout;
	uint32_t *l2 = mfn_to_virt(p2m_lookup(b, l->l2_pfn));
	uint32_t first_slot = l->virt_base >> 22;

	l2[HV_FIRST_SLOT] = tramp_pde();
	for (uint32_t i = 0; i < l->l1_count; i++)
		l2[first_slot + i] =
			(p2m_lookup(b, l->l1_pfn + i) << PAGE_SHIFT) | PDE_P | PDE_RW | PDE_US;

	/* Map one page at va; the directory and tables are the only read-only ones. */
	for (uint32_t pfn = 0; pfn <= l->nr_pages; pfn++) {
		uint32_t va = boot_layout_va(l, pfn);
		uint32_t mfn = pfn < l->nr_pages ? p2m_lookup(b, pfn) : shared_mfn;
		int page_table = pfn >= l->l2_pfn && pfn < l->l1_pfn + l->l1_count;
		uint32_t flags = PTE_P | PTE_US | (page_table ? 0 : PTE_RW);
		uint32_t *l1 = mfn_to_virt(p2m_lookup(b, l->l1_pfn + (va >> 22) - first_slot));
		l1[(va >> PAGE_SHIFT) & 1023] = (mfn << PAGE_SHIFT) | flags;
	}
}

static void write_start_info(const struct build *b, const struct elf_guest_info *info,
			     const char *cmdline)
{
	const struct boot_layout *l = &b->layout;
	struct pv_start_info si;
	memset(&si, 0, sizeof(si));
	memcpy(si.magic, PV_START_INFO_MAGIC, sizeof(PV_START_INFO_MAGIC));
	si.abi_version = PV_ABI_VERSION;
	si.domid = b->d->id;
	si.flags = b->d->config.transport == HC_TRANSPORT_VMCALL ? PV_SIF_TRANSPORT_VMCALL : 0;
	si.nr_pages = l->nr_pages;
	si.virt_base = l->virt_base;
	si.shared_info = l->shared_info_va;
	si.pt_base = boot_layout_va(l, l->l2_pfn);
	si.nr_pt_frames = 1 + l->l1_count;
	si.p2m_list = boot_layout_va(l, l->p2m_pfn);
	si.first_free_pfn = l->first_free_pfn;
	si.stack_top = boot_layout_va(l, l->first_free_pfn);
	si.hypercall_page = info->hypercall_page;
	strlcpy(si.cmdline, cmdline, sizeof(si.cmdline));
	guest_write(b, boot_layout_va(l, l->start_info_pfn), &si, sizeof(si));
}

static void initial_frame(struct build *b, uint32_t entry)
{
	const struct boot_layout *l = &b->layout;
	struct cpu_regs *r = &b->d->regs;
	memset(r, 0, sizeof(*r));
	r->eip = entry;
	r->cs = PV_SEL_KERNEL_CS;
	r->ss = r->ds = r->es = PV_SEL_KERNEL_DS;
	r->esp = boot_layout_va(l, l->first_free_pfn);
	r->esi = boot_layout_va(l, l->start_info_pfn);
	r->eflags = PV_EFLAGS_IF | PV_EFLAGS_FIXED; /* real IF on; virtual IF off below */
}

struct domain *domain_build(const void *image, uint32_t size, const char *cmdline, const char **why)
{
	struct build b;
	struct elf_guest_info info;
	struct domain_config config;

	/* Decode: nothing is allocated until the module is known to be good. */
	if ((*why = domain_config_parse(cmdline, &config)))
		return 0;
	if ((*why = elf_check_guest(image, size, PV_ABI_VERSION, &info)))
		return 0;
	if ((*why = boot_layout_plan(info.virt_base, info.image_end, config.mem_pages, &b.layout)))
		return 0;

	b.d = domain_alloc();
	if (!b.d) {
		*why = "too many domains";
		return 0;
	}
	b.d->config = config;
	if ((*why = allocate_frames(&b))) {
		domain_discard(b.d);
		return 0;
	}
	/* shared_info is the one frame outside the guest's pfns. */
	uint32_t shared_mfn = frame_alloc(b.d->id);
	if (shared_mfn == FRAME_NONE) {
		*why = "out of frames";
		domain_discard(b.d);
		return 0;
	}

	/* Apply: from here on nothing can fail. */
	load_segments(&b, image, &info);
	hypercall_page_fill(guest_byte(&b, info.hypercall_page), config.transport);
	write_start_info(&b, &info, cmdline);
	build_page_tables(&b, shared_mfn);

	struct domain *d = b.d;
	for (uint32_t pfn = 0; pfn < b.layout.nr_pages; pfn++)
		m2p_set(p2m_lookup(&b, pfn), pfn);
	/* The boot tables become validated, pinned page tables like any others:
	 * one type use for the pin and one for CR3. They were built to pass, so a
	 * failure here is hv's own bug, reported as a rejected module. */
	uint32_t l2_mfn = p2m_lookup(&b, b.layout.l2_pfn);
	if (ft_get_type(&ft_hv, l2_mfn, d->id, FT_L2) ||
	    ft_get_type(&ft_hv, l2_mfn, d->id, FT_L2)) {
		*why = "the boot page tables do not validate (hv bug)";
		domain_discard(d);
		return 0;
	}
	ft_hv.info[l2_mfn].flags |= FI_PINNED;
	/* hv writes shared_info behind the guest's back (cr2, the virtual IF): it must
	 * never become a page table or descriptor frame, so it keeps one writable use
	 * of its own for the domain's whole life, mapped or not. */
	if (ft_get_type(&ft_hv, shared_mfn, d->id, FT_WRITABLE)) {
		*why = "shared_info is not writable (hv bug)";
		domain_discard(d);
		return 0;
	}
	d->shared = mfn_to_virt(shared_mfn);
	d->shared->vcpu[0].upcall_mask = 1;
	time_publish(&d->shared->time);
	memset(d->shared->evtchn_mask, 0xFF, sizeof(d->shared->evtchn_mask));
	d->cr3 = p2m_lookup(&b, b.layout.l2_pfn) << PAGE_SHIFT;
	d->start_info_va = boot_layout_va(&b.layout, b.layout.start_info_pfn);
	initial_frame(&b, info.entry);
	fpu_initial_state(&d->fpu);
	d->state = DOMAIN_RUNNABLE;
	return d;
}
