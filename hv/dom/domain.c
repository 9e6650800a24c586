/* domain.c: domain slots and how a domain ends. */
#include "dom/domain.h"

#include <pv/abi_gen.h>
#include <stdarg.h>

#include "arch/cpu.h"
#include "arch/trampoline.h"
#include "dom/sched.h"
#include "ev/evtchn.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "mm/frames.h"
#include "mm/paging.h"

struct domain *current;
struct domain domain_slots[DOMAIN_MAX];
static uint16_t next_id = 1;

struct domain *domain_alloc(void)
{
	for (uint32_t i = 0; i < DOMAIN_MAX; i++) {
		if (domain_slots[i].state == DOMAIN_FREE) {
			memset(&domain_slots[i], 0, sizeof(domain_slots[i]));
			domain_slots[i].id = next_id++;
			return &domain_slots[i];
		}
	}
	return 0;
}

void domain_discard(struct domain *d)
{
	frames_release_owner(d->id);
	d->state = DOMAIN_FREE;
}

/* Common end of a domain: memory back, never scheduled again. */
static void domain_end(struct domain *d, enum domain_end end)
{
	/* hv runs on its own page directory, so freeing d's is safe; just make sure
	 * nothing could return into it. */
	if (tramp_guest_cr3 == d->cr3)
		tramp_set_guest_cr3(virt_to_phys(hv_master_pd));
	evtchn_close_all(d);
	frames_release_owner(d->id);
	d->shared = 0;
	d->state = DOMAIN_DEAD;
	d->end = end;
	d->timer_deadline = 0;
	sched_note_domain_ended(d);
}

void domain_shutdown(struct domain *d, uint32_t reason, uint32_t code)
{
	static const char *const reasons[] = {
		[PV_SHUTDOWN_POWEROFF] = "poweroff",
		[PV_SHUTDOWN_REBOOT] = "reboot",
		[PV_SHUTDOWN_CRASH] = "crash",
	};
	if (code)
		printk("hv: domain %u (%s) shut down: %s (code %u)\n", d->id, d->config.name,
		       reasons[reason], code);
	else
		printk("hv: domain %u (%s) shut down: %s\n", d->id, d->config.name,
		       reasons[reason]);
	bool clean = reason == PV_SHUTDOWN_POWEROFF && code == 0;
	domain_end(d, clean ? DOMAIN_END_CLEAN : DOMAIN_END_FAILED);
}

void domain_destroy(struct domain *d, const char *reason)
{
	printk("hv: domain %u (%s) destroyed: %s\n", d->id, d->config.name, reason);
	domain_end(d, DOMAIN_END_DESTROYED);
}

void domain_kill(struct domain *d, const struct cpu_regs *regs, const char *fmt, ...)
{
	char reason[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);

	printk("hv: domain %u (%s) killed: %s\n", d->id, d->config.name, reason);
	printk("hv:   vector %u error 0x%x eip %08x cs %04x eflags %08x esp %08x ss %04x\n",
	       regs->vector, regs->error_code, regs->eip, regs->cs, regs->eflags, regs->esp,
	       regs->ss);
	printk("hv:   eax %08x ebx %08x ecx %08x edx %08x esi %08x edi %08x ebp %08x\n", regs->eax,
	       regs->ebx, regs->ecx, regs->edx, regs->esi, regs->edi, regs->ebp);
	domain_end(d, DOMAIN_END_FAILED);
}
