/* events.c: the event hypercalls, evtchn_op and set_callbacks.
 *
 * Each command decodes its arguments (the domain it names must be alive: -PV_ENOENT;
 * the port rules and their errors are in ev/evtchn_port.h) and then applies the
 * change, which cannot fail. Events themselves travel as ev/evtchn.h describes. */
#include <pv/abi_gen.h>
#include <pv/layout.h>

#include "dom/domain.h"
#include "ev/evtchn.h"
#include "ev/evtchn_port.h"
#include "hc/hc_handlers.h"

/* UNMASK: clear the port's mask bit; if it is pending, raise upcall_pending so the
 * return from this very hypercall delivers it (events permitting). */
static long evtchn_unmask(struct domain *d, uint32_t port)
{
	long err = evtchn_port_check(d->ports, port);
	if (err)
		return err;
	struct pv_shared_info *s = d->shared;
	uint32_t word = port / 32, bit = 1u << (port % 32);
	s->evtchn_mask[word] &= ~bit;
	if (s->evtchn_pending[word] & bit)
		s->vcpu[0].upcall_pending = 1;
	return 0;
}

long hc_evtchn_op(uint32_t cmd, uint32_t a1, uint32_t a2)
{
	struct domain *d = current;
	struct domain *remote;

	switch (cmd) {
	case PV_EVTCHNOP_ALLOC_UNBOUND:
		if (!evtchn_find_domain(a1))
			return -PV_ENOENT;
		return evtchn_alloc_unbound(d->ports, (uint16_t)a1);
	case PV_EVTCHNOP_BIND_INTERDOMAIN:
		remote = evtchn_find_domain(a1);
		if (!remote)
			return -PV_ENOENT;
		return evtchn_bind_interdomain(d->ports, remote->ports, remote->id, a2, d->id);
	case PV_EVTCHNOP_BIND_VIRQ:
		return evtchn_bind_virq(d->ports, a1);
	case PV_EVTCHNOP_SEND:
		return evtchn_send(d, a1);
	case PV_EVTCHNOP_CLOSE:
		return evtchn_close_port(d, a1);
	case PV_EVTCHNOP_STATUS:
		return evtchn_status(d->ports, a1);
	case PV_EVTCHNOP_UNMASK:
		return evtchn_unmask(d, a1);
	default:
		return -PV_EINVAL;
	}
}

long hc_set_callbacks(uint32_t event_address, uint32_t failsafe_address)
{
	if (event_address >= PV_HV_START || failsafe_address >= PV_HV_START)
		return -PV_EINVAL;
	current->upcall_address = event_address;
	current->failsafe_address = failsafe_address;
	return 0;
}
