/* guest.h: the guest-side helpers in libhypercall.a, above the raw hypercalls.
 *
 * - start of day: pv_start_info and pv_shared_info, set before main() runs;
 * - the virtual interrupt flag: pv_events_mask()/pv_events_unmask() instead of
 *   CLI/STI, stores to shared memory (unmask also checks for a pending event);
 * - traps: register a C function per vector, then pv_traps_install() hands the
 *   table to hv; the library's stubs turn a bounce frame into a struct
 *   pv_trap_regs and return through the iret hypercall;
 * - the lecture's emulate_store_idt(), the paravirtual SIDT;
 * - leaving: pv_shutdown();
 * - event channels: one C handler for every port, pv_events_install(). */
#ifndef PV_GUEST_H
#define PV_GUEST_H

#include "hypercalls.h"

extern const struct pv_start_info *pv_start_info;
extern struct pv_shared_info *pv_shared_info;

/* The guest's main(), called by crt0 with start_info recorded. */
int main(void);

/* What a trap handler sees: the registers at the trap, then the bounce frame.
 * Changing a field changes what the guest resumes with. The layout is the
 * library's own (trap_stubs.S), not hv's ABI; only the bounce frame part is. */
struct pv_trap_regs {
	uint32_t edi, esi, ebp, esp_at_pusha, ebx, edx, ecx, eax;
	uint32_t es, ds; /* as interrupted; the handler runs with PV_SEL_KERNEL_DS */
	uint32_t vector;
	uint32_t error_code, eip, cs, eflags, esp, ss; /* struct pv_bounce_frame */
};

typedef void (*pv_trap_handler)(struct pv_trap_regs *regs);

/* Record handler for vector (0..31 or 0x80) with PV_TRAP_* flags; -PV_EINVAL for a
 * vector the library has no stub for. Nothing reaches hv until pv_traps_install. */
long pv_trap_set(uint32_t vector, pv_trap_handler handler, uint8_t flags);

/* Give hv the recorded table (set_trap_table). Returns its result. */
long pv_traps_install(void);

/* The table pv_traps_install last gave hv, and its entry count. */
const struct pv_trap_info *pv_traps_table(uint32_t *count);

/* The paravirtual SIDT: this guest's own virtual IDT register. */
static inline long emulate_store_idt(struct pv_desc_ptr *out)
{
	return hv_store_idt(out);
}

/* The virtual IF. Masking ("CLI") is one store. Unmasking ("STI") is a store and a
 * check: an event that arrived while events were masked set upcall_pending but
 * could not be delivered, and hv delivers only on its way back to the guest. So
 * after the store, if upcall_pending is set, make any hypercall (version, the
 * cheapest) and its return enters the upcall. No event can slip in between the
 * store and the check unnoticed: hv runs only when the guest traps, and once the
 * store is done every return from hv delivers. The compiler barriers keep the
 * store and the check in this order; one vCPU needs no more. */
static inline void pv_events_mask(void)
{
	pv_shared_info->vcpu[0].upcall_mask = 1;
	__asm__ volatile("" ::: "memory");
}
static inline void pv_events_unmask(void)
{
	__asm__ volatile("" ::: "memory");
	pv_shared_info->vcpu[0].upcall_mask = 0;
	__asm__ volatile("" ::: "memory");
	if (pv_shared_info->vcpu[0].upcall_pending)
		(void)hv_version(PV_VERSION_ABI);
}

/* The pfn this domain uses for machine frame mfn, or PV_M2P_INVALID, read from the
 * M2P table through its read-only segment (pv/mm.h). Ring 1 only. */
static inline uint32_t pv_m2p_lookup(uint32_t mfn)
{
	uint32_t pfn;
	uint16_t saved;
	if (mfn >= PV_M2P_ENTRIES)
		return PV_M2P_INVALID;
	__asm__ volatile("mov %%fs, %0\n\t"
			 "mov %2, %%fs\n\t"
			 "mov %%fs:(,%3,4), %1\n\t"
			 "mov %0, %%fs"
			 : "=&r"(saved), "=&r"(pfn)
			 : "r"((uint32_t)PV_SEL_M2P), "r"(mfn));
	return pfn;
}

/* Write a NUL-terminated string to the hv console. */
long pv_console_puts(const char *s);

/* Leave ring 1 for ring 3 at eip with stack esp, virtual IF on (via iret). */
__attribute__((noreturn)) void pv_enter_user(uint32_t eip, uint32_t esp);

/* Stop this domain. */
__attribute__((noreturn)) void pv_shutdown(uint32_t reason, uint32_t code);

/* Called with main's return value; the newlib glue replaces it with exit(). */
__attribute__((noreturn)) void pv_exit_hook(int code);

/* Event channels (lib/events.c). pv_events_install(handler) registers the library's
 * upcall entry (pv_upcall_entry in trap_stubs.S) with set_callbacks. On each
 * upcall, with events masked, the library clears upcall_pending, then for every
 * port that is pending and not masked in shared_info, lowest first, clears its
 * pending bit and calls handler(port); then it returns through the iret hypercall,
 * which unmasks events (and hv delivers again if more arrived meanwhile). Events
 * stay masked until the guest calls pv_events_unmask(); a port also needs its
 * evtchn_mask bit clear (hv sets all of them at boot): pv_event_port_unmask(). */
typedef void (*pv_event_handler)(uint32_t port);

/* Register handler and the library's upcall entry. Returns set_callbacks' result. */
long pv_events_install(pv_event_handler handler);

/* Optional: called after the port handlers of every upcall, with the interrupted
 * frame (its CS says which ring the upcall interrupted). A kernel with processes
 * uses it as a preemption point: it may switch processes before this one resumes. */
typedef void (*pv_upcall_exit_hook)(struct pv_trap_regs *regs);
void pv_events_set_exit_hook(pv_upcall_exit_hook hook);

/* Let port's events through: clear its mask bit with evtchn_op UNMASK, so that an
 * event that arrived while it was masked is delivered now. */
static inline long pv_event_port_unmask(uint32_t port)
{
	return hv_evtchn_op(PV_EVTCHNOP_UNMASK, port, 0);
}

/* Silence port: set its mask bit (one locked OR; no hypercall needed). */
static inline void pv_event_port_mask(uint32_t port)
{
	__atomic_or_fetch(&pv_shared_info->evtchn_mask[port / 32], 1u << (port % 32),
			  __ATOMIC_SEQ_CST);
}

/* Whether port's pending bit is set. */
static inline int pv_event_port_pending(uint32_t port)
{
	uint32_t word =
		__atomic_load_n(&pv_shared_info->evtchn_pending[port / 32], __ATOMIC_SEQ_CST);
	return (word >> (port % 32)) & 1;
}

#endif
