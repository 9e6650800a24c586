/* start_info.h: what hv tells a guest at its first instruction.
 *
 * The domain builder enters the guest in ring 1 with ESI holding the virtual address
 * of this page, ESP at the top of a boot stack, and events masked. Every address here
 * is a guest virtual address inside the bootstrap mapping the builder made:
 *
 *   virt_base + nr_pages * 4096 -> +-------------------------+  <- shared_info (hv page)
 *                                  | free pages (heap)       |
 *   virt_base + first_free_pfn*4K  +-------------------------+
 *                                  | boot stack              |  <- stack_top
 *                                  | page tables (read-only) |  <- pt_base (the L2)
 *                                  | P2M list                |  <- p2m_list
 *                                  | start_info (this page)  |
 *                                  | ELF image, hypercall pg |
 *   virt_base                   -> +-------------------------+
 *
 * Pseudo-physical frame n (pfn) is mapped at virt_base + n * 4096, and p2m_list[n]
 * is the machine frame number behind it. */
#ifndef PV_START_INFO_H
#define PV_START_INFO_H

#include "types.h"

#define PV_START_INFO_MAGIC "pv32-start-info" /* 15 characters and a NUL */
#define PV_CMDLINE_MAX 256u

/* start_info.flags */
#define PV_SIF_TRANSPORT_VMCALL 0x1u /* the hypercall page uses VMCALL, not int 0x82 */

struct pv_start_info {
	char magic[16];		      /* PV_START_INFO_MAGIC */
	uint32_t abi_version;	      /* (major << 16) | minor, as the version hypercall says */
	uint32_t domid;		      /* this domain's id, 1 upwards */
	uint32_t flags;		      /* PV_SIF_* */
	uint32_t nr_pages;	      /* pseudo-physical pages the domain owns */
	uint32_t virt_base;	      /* virtual address of pfn 0 */
	uint32_t shared_info;	      /* virtual address of the shared_info page */
	uint32_t pt_base;	      /* virtual address of the page directory (read-only) */
	uint32_t nr_pt_frames;	      /* page-table frames: the directory plus its tables */
	uint32_t p2m_list;	      /* virtual address of uint32_t[nr_pages] machine frames */
	uint32_t first_free_pfn;      /* first pfn the bootstrap layout does not use */
	uint32_t stack_top;	      /* ESP at entry */
	uint32_t hypercall_page;      /* virtual address of the filled hypercall page */
	uint32_t _reserved[8];	      /* 0; room for device information */
	char cmdline[PV_CMDLINE_MAX]; /* the module command line, NUL-terminated */
};
PV_ASSERT_SIZE(struct pv_start_info, 352);
PV_ASSERT_OFFSET(struct pv_start_info, abi_version, 16);
PV_ASSERT_OFFSET(struct pv_start_info, nr_pages, 28);
PV_ASSERT_OFFSET(struct pv_start_info, hypercall_page, 60);
PV_ASSERT_OFFSET(struct pv_start_info, cmdline, 96);

#endif
