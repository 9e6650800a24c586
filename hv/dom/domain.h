/* domain.h: a domain, hv's name for one guest virtual machine, and its lifecycle.
 *
 * A domain is born in the builder (dom/builder.c), runs until it shuts itself down
 * (sched_op) or hv kills it for breaking the protocol, and then gives back every
 * frame it owned. Each end prints exactly one line, `hv: domain N (name) ...`, so a
 * test can check how each domain ended. */
#ifndef HV_DOM_DOMAIN_H
#define HV_DOM_DOMAIN_H

#include <pv/abi_gen.h>
#include <pv/shared_info.h>
#include <pv/trap.h>
#include <stdbool.h>
#include <stdint.h>

#include "arch/fpu.h"
#include "arch/regs.h"
#include "arch/vtrap.h"
#include "dom/domain_config.h"
#include "ev/evtchn_port.h"

#define DOMAIN_MAX 16
#define NR_VECTORS 256

enum domain_state {
	DOMAIN_FREE = 0, /* the slot is unused */
	DOMAIN_RUNNABLE, /* built, waiting for or holding the CPU */
	DOMAIN_BLOCKED,	 /* sleeping until an event (sched_op block or poll) */
	DOMAIN_DEAD,	 /* shut down or killed; its memory is already released */
};

/* How a domain ended: clean means poweroff with exit code 0. */
enum domain_end {
	DOMAIN_END_NONE = 0,
	DOMAIN_END_CLEAN,
	DOMAIN_END_FAILED,
	DOMAIN_END_DESTROYED, /* ended by hv once it was no longer needed */
};

struct domain {
	uint16_t id;
	enum domain_state state;
	enum domain_end end;
	struct domain_config config;
	struct cpu_regs regs; /* the saved frame while another domain runs */
	struct fpu_state fpu; /* the saved x87 state while another domain runs */
	uint32_t cr3;	      /* its page directory, loaded while it runs */
	struct pv_shared_info *shared;
	uint32_t start_info_va;
	struct vtrap vidt[NR_VECTORS];
	struct pv_desc_ptr vidtr;	/* what store_idt reports */
	uint32_t kernel_ss, kernel_esp; /* stack_switch: the stack for traps from ring 3 */

	/* Scheduling (dom/sched.c) and the one-shot timer (ev/timer.c). */
	uint32_t slice_left;	 /* ticks left in its current turn */
	uint64_t timer_deadline; /* system time in ns at which PV_VIRQ_TIMER fires; 0: off */
	uint32_t poll_count;	 /* while blocked in sched_op poll: the ports it waits on */
	uint16_t poll_ports[PV_POLL_MAX];
	/* set_gdt: the guest's descriptor frame, if any */
	uint32_t gdt_mfn;
	uint32_t gdt_entries;
	/* events */
	struct evtchn_port ports[PV_NR_EVENT_PORTS]; /* ev/evtchn_port.h */
	uint32_t upcall_address, failsafe_address;   /* set_callbacks; 0 = none */
};

/* The domain whose frame is on hv's stack right now. */
extern struct domain *current;

/* A free slot with the next domain id, or NULL when all DOMAIN_MAX are in use. */
struct domain *domain_alloc(void);

/* Give a half-built domain's frames and slot back without a report. */
void domain_discard(struct domain *d);

/* End d at its own request: reason is a PV_SHUTDOWN_* value. */
void domain_shutdown(struct domain *d, uint32_t reason, uint32_t code);

/* End d for breaking the protocol, reporting the reason and the trapped frame. */
void domain_kill(struct domain *d, const struct cpu_regs *regs, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* End d because hv no longer needs it (every domain expected to finish has). */
void domain_destroy(struct domain *d, const char *reason);

/* Iterate over the slots. */
extern struct domain domain_slots[DOMAIN_MAX];
static inline struct domain *domain_by_index(uint32_t i)
{
	return i < DOMAIN_MAX ? &domain_slots[i] : 0;
}

#endif
