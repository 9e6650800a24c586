/* events.c: the guest's event upcall: one C handler called for each pending port. */
#include <pv/guest.h>

/* In trap_stubs.S: saves the registers, calls pv_events_dispatch, returns via iret. */
extern char pv_upcall_entry[];

static pv_event_handler event_handler;
static pv_upcall_exit_hook exit_hook;

void pv_events_set_exit_hook(pv_upcall_exit_hook hook)
{
	exit_hook = hook;
}

long pv_events_install(pv_event_handler handler)
{
	event_handler = handler;
	return hv_set_callbacks((uint32_t)pv_upcall_entry, 0);
}

/* Called by pv_upcall_entry with events masked. upcall_pending is cleared first, so
 * an event that arrives while the handlers run sets it again and is delivered on
 * the way out. Each pending bit is cleared with one locked instruction: hv may set
 * another bit of the same word (on a timer tick, say) between a plain load and
 * store, and that event would be lost. */
void pv_events_dispatch(struct pv_trap_regs *regs)
{
	struct pv_shared_info *s = pv_shared_info;

	__atomic_store_n(&s->vcpu[0].upcall_pending, 0, __ATOMIC_SEQ_CST);
	for (uint32_t word = 0; word < PV_NR_EVENT_PORTS / 32; word++) {
		uint32_t ready = __atomic_load_n(&s->evtchn_pending[word], __ATOMIC_SEQ_CST) &
				 ~__atomic_load_n(&s->evtchn_mask[word], __ATOMIC_SEQ_CST);
		while (ready) {
			uint32_t bit = (uint32_t)__builtin_ctz(ready);
			ready &= ready - 1;
			__atomic_and_fetch(&s->evtchn_pending[word], ~(1u << bit),
					   __ATOMIC_SEQ_CST);
			if (event_handler)
				event_handler(word * 32 + bit);
		}
	}
	if (exit_hook)
		exit_hook(regs);
}
