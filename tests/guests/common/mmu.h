/* mmu.h: helpers the page-table tests share (finding entries, building tables).
 *
 * A guest names frames by machine frame number (mfn). Its own pseudo-physical frame
 * n is mapped at virt_base + n * 4096 and the P2M list turns n into its mfn. The
 * page directory in use is mapped read-only at start_info->pt_base, and each of its
 * entries names an L1 frame, itself one of the guest's frames and so mapped
 * read-only somewhere in its memory. These helpers walk that, hand out fresh heap
 * pages for new tables, and wrap the one-request forms of the memory hypercalls.
 *
 * Pages from mmu_page_alloc() are never freed: a page that was a page table, or is
 * mapped read-only, must not go back to malloc, which would write into it. */
#ifndef MMU_TEST_H
#define MMU_TEST_H

#include "test.h"

#include <malloc.h>
#include <string.h>

#define MMU_PTE_FLAGS_IGNORED (PV_PTE_A | PV_PTE_D) /* bits the MMU may set by itself */
#define MMU_PDE_PS 0x080u			    /* a 4 MiB page (forbidden) */
#define MMU_PTE_G 0x100u			    /* a global page (forbidden) */
#define MMU_PF_PRESENT_WRITE 0x3u		    /* #PF error code: a write to a present page */
#define MMU_FIRST_HV_SLOT (PV_HV_START >> 22)	    /* 1008 */
/* A page-directory slot no test guest uses: 0x40000000..0x403FFFFF. */
#define MMU_FREE_SLOT 256u
#define MMU_FREE_SLOT_VA (MMU_FREE_SLOT << 22)
/* Frames that are never a guest's: physical 0 (real-mode IVT, BIOS data) and the
 * start of hv's image at 1 MiB. */
#define MMU_MFN_LOW 0x0u
#define MMU_MFN_HV_IMAGE 0x100u

/* The machine frame behind pseudo-physical frame pfn. */
static inline uint32_t mmu_p2m(uint32_t pfn)
{
	return ((const uint32_t *)pv_start_info->p2m_list)[pfn];
}

/* The machine frame behind va, which must lie in the guest's own memory. */
static inline uint32_t mmu_mfn_of(const volatile void *va)
{
	return mmu_p2m(((uint32_t)va - pv_start_info->virt_base) >> 12);
}

/* The guest virtual address of machine frame mfn if it is one of the guest's own
 * pages, else 0. */
static inline void *mmu_va_of_mfn(uint32_t mfn)
{
	for (uint32_t pfn = 0; pfn < pv_start_info->nr_pages; pfn++)
		if (mmu_p2m(pfn) == mfn)
			return (void *)(pv_start_info->virt_base + pfn * PV_PAGE_SIZE);
	return 0;
}

/* Whether the guest's P2M list holds mfn. */
static inline int mmu_owns(uint32_t mfn)
{
	return mmu_va_of_mfn(mfn) != 0;
}

/* The page directory the guest booted with: its mfn, and its read-only view. */
static inline uint32_t mmu_l2_mfn(void)
{
	return mmu_mfn_of((const void *)pv_start_info->pt_base);
}
static inline const volatile uint32_t *mmu_l2(void)
{
	return (const volatile uint32_t *)pv_start_info->pt_base;
}

/* The machine address of directory slot `slot` of the boot page directory. */
static inline uint32_t mmu_pde_maddr(uint32_t slot)
{
	return (mmu_l2_mfn() << 12) + slot * 4;
}

/* The mfn of the L1 that maps va in the boot page directory (0 if none). */
static inline uint32_t mmu_l1_mfn(uint32_t va)
{
	uint32_t pde = mmu_l2()[va >> 22];
	return pde & PV_PTE_P ? pde >> 12 : 0;
}

/* The machine address of the L1 entry that maps va (its L2 entry must be present). */
static inline uint32_t mmu_pte_maddr(uint32_t va)
{
	return (mmu_l1_mfn(va) << 12) + ((va >> 12) & 1023) * 4;
}

/* Where the guest reads the L1 entry that maps va: the L1's read-only mapping. */
static inline const volatile uint32_t *mmu_pte_view(uint32_t va)
{
	const volatile uint32_t *l1 = mmu_va_of_mfn(mmu_l1_mfn(va));
	if (!l1)
		test_error("the L1 that maps a test address is not the guest's own frame");
	return &l1[(va >> 12) & 1023];
}

/* The L1 entry that maps va, without the accessed and dirty bits the MMU sets. */
static inline uint32_t mmu_pte(uint32_t va)
{
	return *mmu_pte_view(va) & ~MMU_PTE_FLAGS_IGNORED;
}

/* A zeroed, page-aligned heap page, mapped read-write; never freed. */
static inline uint32_t *mmu_page_alloc(void)
{
	uint32_t *page = memalign(PV_PAGE_SIZE, PV_PAGE_SIZE);
	if (!page)
		test_error("out of heap pages");
	memset(page, 0, PV_PAGE_SIZE);
	return page;
}

/* One mmu_update request: set the entry at machine address ptr (| a command).
 * Like the hypercall, it returns the count done (1) on success. */
static inline long mmu_update1(uint32_t ptr, uint32_t val)
{
	struct pv_mmu_update req = { ptr, val };
	uint32_t done = 0xD0D0D0D0u;
	return hv_mmu_update(&req, 1, &done);
}

/* One mmuext_op operation; 1 on success. */
static inline long mmuext1(uint32_t cmd, uint32_t arg)
{
	struct pv_mmuext_op op = { cmd, arg };
	uint32_t done = 0xD0D0D0D0u;
	return hv_mmuext_op(&op, 1, &done);
}

/* Map the guest's own page at va read-only (before it becomes a table) or back
 * read-write (once it no longer is one). */
static inline long mmu_set_readonly(const volatile void *va)
{
	return hv_update_va_mapping((uint32_t)va, (mmu_mfn_of(va) << 12) | PV_PTE_P | PV_PTE_US,
				    PV_UVMF_INVLPG);
}
static inline long mmu_set_writable(const volatile void *va)
{
	return hv_update_va_mapping((uint32_t)va,
				    (mmu_mfn_of(va) << 12) | PV_PTE_P | PV_PTE_RW | PV_PTE_US,
				    PV_UVMF_INVLPG);
}

/* A fresh L1: a zeroed heap page, made read-only and pinned. Errors are fatal:
 * tests use it to set up, not to attack. */
static inline uint32_t *mmu_l1_new(void)
{
	uint32_t *page = mmu_page_alloc();
	if (mmu_set_readonly(page) != 0)
		test_error("cannot make a zeroed heap page read-only");
	if (mmuext1(PV_MMUEXT_PIN_L1, mmu_mfn_of(page)) != 1)
		test_error("cannot pin a zeroed, read-only page as an L1");
	return page;
}

/* An entry value mapping the guest's own page at va with these flags. */
static inline uint32_t mmu_entry(const volatile void *va, uint32_t flags)
{
	return (mmu_mfn_of(va) << 12) | flags;
}

/* The guest still works: a hypercall answers and a trap is still delivered (both go
 * through hv's trampoline in this address space). Needs test_traps_catch_all(). */
static inline void mmu_check_alive(const char *after)
{
	test_check(hv_version(PV_VERSION_ABI) == PV_ABI_VERSION, "after %s: version fails", after);
	uint32_t before = test_trap.count;
	TEST_EXPECT_TRAP("int3");
	test_check(test_trap.count == before + 1 && test_trap.vector == 3,
		   "after %s: int3 was not delivered", after);
}

/* A store to va faults (#PF, P|W, CR2 = va) and leaves the word unchanged. */
static inline void mmu_check_store_faults(volatile uint32_t *va, const char *what)
{
	uint32_t old = *va, n = test_trap.count;
	TEST_EXPECT_TRAP("movl %0, (%1)", : : "r"(old ^ 0x5A5A5000u), "r"(va) : "memory");
	test_check(test_trap.count == n + 1 && test_trap.vector == 14 &&
			   test_trap.error_code == MMU_PF_PRESENT_WRITE &&
			   test_trap.cr2 == (uint32_t)va,
		   "%s: a store to %p gave %lu traps, vector %lu, error %lx, cr2 %lx", what,
		   (void *)va, (unsigned long)(test_trap.count - n),
		   (unsigned long)test_trap.vector, (unsigned long)test_trap.error_code,
		   (unsigned long)test_trap.cr2);
	test_check(*va == old, "%s: a faulting store changed the word", what);
}

#endif
