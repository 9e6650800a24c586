/* hypercall_raw.h: how a guest enters hv, at the register level.
 *
 * TOUR 6: a guest's hypercall. A typed wrapper such as hv_console_io() (generated
 * from hypercalls.def into hypercall-abi/lib/hypercalls.c) loads the number into
 * EAX and the arguments into EBX..EDI and calls its slot in the hypercall page,
 * where hv wrote `mov $nr, %eax; int $0x82; ret` (or VMCALL) when it built the
 * domain (hv/hc/hypercall_page.h). The INT lands in hv's trap entry.
 *
 * The calling convention (docs/abi.md has the full table):
 *   EAX = hypercall number, EBX ECX EDX ESI EDI = arguments 1..5.
 *   Result in EAX: >= 0 on success, -PV_E* on failure.
 *   Every other register, and EFLAGS' arithmetic flags, are preserved.
 *
 * pv_hypercallN() calls through the hypercall page, which hv fills with stubs for
 * the domain's configured transport (int 0x82 or VMCALL). Code that must pick a
 * transport itself, such as tests and benchmarks, uses pv_hypercall_via(). */
#ifndef PV_HYPERCALL_RAW_H
#define PV_HYPERCALL_RAW_H

#include "layout.h"
#include "types.h"

/* The page hv fills at domain build; crt0.S reserves it and names it in an ELF note. */
extern char hypercall_page[PV_PAGE_SIZE];

#define PV_HYPERCALL_SLOT(nr) ((void *)(hypercall_page + (nr)*PV_HYPERCALL_SLOT_SIZE))

static inline long pv_hypercall5(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
				 uint32_t a5)
{
	long ret;
	__asm__ volatile("call *%%eax"
			 : "=a"(ret)
			 : "a"(PV_HYPERCALL_SLOT(nr)), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
			 : "memory", "cc");
	return ret;
}

static inline long pv_hypercall0(uint32_t nr)
{
	return pv_hypercall5(nr, 0, 0, 0, 0, 0);
}
static inline long pv_hypercall1(uint32_t nr, uint32_t a1)
{
	return pv_hypercall5(nr, a1, 0, 0, 0, 0);
}
static inline long pv_hypercall2(uint32_t nr, uint32_t a1, uint32_t a2)
{
	return pv_hypercall5(nr, a1, a2, 0, 0, 0);
}
static inline long pv_hypercall3(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3)
{
	return pv_hypercall5(nr, a1, a2, a3, 0, 0);
}
static inline long pv_hypercall4(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4)
{
	return pv_hypercall5(nr, a1, a2, a3, a4, 0);
}

/* The three ways in. All reach the same handlers with the same results. */
enum pv_transport {
	PV_TRANSPORT_PAGE = 0,	/* call the hypercall page slot (the default) */
	PV_TRANSPORT_INT82 = 1, /* int $0x82 directly */
	PV_TRANSPORT_VMCALL = 2 /* VMCALL directly; hv decodes it from #UD */
};

/* Make hypercall nr with five arguments through the chosen transport (transport.S). */
long pv_hypercall_via(enum pv_transport transport, uint32_t nr, uint32_t a1, uint32_t a2,
		      uint32_t a3, uint32_t a4, uint32_t a5);

#endif
