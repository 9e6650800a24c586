/* evtchn.c: event channels in hv: marking ports pending, closing them, the upcall.
 *
 * TOUR 16: the guest's interrupts. An event marks a port pending in shared_info;
 * on the next return to the domain with events unmasked, evtchn_deliver_upcall
 * bounces it into the guest's callback with events masked, so upcalls never nest,
 * and the guest's iret hypercall unmasks them again. The end of the tour. */
#include "ev/evtchn.h"

#include "arch/bounce.h"
#include "dom/domain.h"
#include "dom/sched.h"
#include "ev/evtchn_port.h"

static bool domain_alive(const struct domain *d)
{
	return d->state != DOMAIN_FREE && d->state != DOMAIN_DEAD && d->shared;
}

struct domain *evtchn_find_domain(uint32_t id)
{
	struct domain *d;
	for (uint32_t i = 0; (d = domain_by_index(i)); i++)
		if (d->id == id && domain_alive(d))
			return d;
	return 0;
}

void evtchn_mark_pending(struct domain *d, uint32_t port)
{
	struct pv_shared_info *s = d->shared;
	uint32_t word = port / 32, bit = 1u << (port % 32);

	if (s->evtchn_pending[word] & bit)
		return; /* already pending: the guest will find it once */
	s->evtchn_pending[word] |= bit;
	/* A masked port raises nothing now; UNMASK raises it later. */
	if (!(s->evtchn_mask[word] & bit))
		s->vcpu[0].upcall_pending = 1;
	/* The scheduler knows what d waits for: BLOCK, or POLL on this port. */
	sched_wake(d);
}

void evtchn_send_virq(struct domain *d, uint32_t virq)
{
	if (!domain_alive(d))
		return;
	uint32_t port = evtchn_virq_port(d->ports, virq);
	if (port)
		evtchn_mark_pending(d, port);
}

long evtchn_send(struct domain *d, uint32_t port)
{
	uint16_t remote_dom;
	uint32_t remote_port;
	long err = evtchn_send_target(d->ports, port, &remote_dom, &remote_port);
	if (err)
		return err;
	/* The peer is alive: a domain's end closes all its ports (invariant 3). */
	struct domain *peer = evtchn_find_domain(remote_dom);
	if (!peer)
		return -PV_EINVAL;
	evtchn_mark_pending(peer, remote_port);
	return 0;
}

long evtchn_close_port(struct domain *d, uint32_t port)
{
	uint16_t peer_dom;
	struct domain *peer = 0;
	if (evtchn_peer_dom(d->ports, port, &peer_dom))
		peer = evtchn_find_domain(peer_dom);

	long err = evtchn_close(d->ports, peer ? peer->ports : 0, d->id, port);
	if (err)
		return err;
	d->shared->evtchn_pending[port / 32] &= ~(1u << (port % 32));
	return 0;
}

void evtchn_close_all(struct domain *d)
{
	for (uint32_t port = 1; port < PV_NR_EVENT_PORTS; port++)
		if (d->ports[port].state != EVTCHN_CLOSED)
			evtchn_close_port(d, port);
	d->upcall_address = 0;
	d->failsafe_address = 0;
}

void evtchn_deliver_upcall(struct cpu_regs *frame)
{
	struct domain *d = current;
	if (!d || !domain_alive(d) || !d->upcall_address || regs_ring(frame) == 0)
		return;
	const struct pv_vcpu_info *vcpu = &d->shared->vcpu[0];
	if (!vcpu->upcall_pending || vcpu->upcall_mask)
		return;
	/* Masks events on entry (upcall_mask = 1): upcalls never nest. */
	bounce_to_address(frame, d->upcall_address, BOUNCE_EVENT_UPCALL);
}
