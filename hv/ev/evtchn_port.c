/* evtchn_port.c: the port-table rules of evtchn_port.h, decode then apply. Pure C. */
#include "ev/evtchn_port.h"

/* Could port name a port at all? (0 never does; "negative" numbers are huge.) */
static bool port_in_range(uint32_t port)
{
	return port != 0 && port < PV_NR_EVENT_PORTS;
}

/* The lowest closed port, or 0 when every port is in use. */
static uint32_t lowest_closed(const struct evtchn_port *ports)
{
	for (uint32_t p = 1; p < PV_NR_EVENT_PORTS; p++)
		if (ports[p].state == EVTCHN_CLOSED)
			return p;
	return 0;
}

long evtchn_port_check(const struct evtchn_port *ports, uint32_t port)
{
	if (!port_in_range(port))
		return -PV_EINVAL;
	if (ports[port].state == EVTCHN_CLOSED)
		return -PV_ENOENT;
	return 0;
}

long evtchn_alloc_unbound(struct evtchn_port *ports, uint16_t remote_dom)
{
	uint32_t p = lowest_closed(ports);
	if (!p)
		return -PV_ENOSPC;
	ports[p] = (struct evtchn_port){ .state = EVTCHN_UNBOUND, .remote_dom = remote_dom };
	return p;
}

long evtchn_bind_interdomain(struct evtchn_port *local, struct evtchn_port *remote,
			     uint16_t remote_dom, uint32_t remote_port, uint16_t local_dom)
{
	/* Decode: the remote end first (it names what we bind to), then room here. */
	if (!port_in_range(remote_port) || remote[remote_port].state != EVTCHN_UNBOUND)
		return -PV_EINVAL;
	if (remote[remote_port].remote_dom != local_dom)
		return -PV_EPERM; /* offered to someone else: no stealing channels */
	uint32_t p = lowest_closed(local);
	if (!p)
		return -PV_ENOSPC;

	/* Apply both ends. For a loopback channel local == remote, and p differs from
	 * remote_port because remote_port is UNBOUND, not closed. */
	local[p] = (struct evtchn_port){ .state = EVTCHN_INTERDOMAIN,
					 .remote_dom = remote_dom,
					 .remote_port = (uint16_t)remote_port };
	remote[remote_port] = (struct evtchn_port){ .state = EVTCHN_INTERDOMAIN,
						    .remote_dom = local_dom,
						    .remote_port = (uint16_t)p };
	return p;
}

uint32_t evtchn_virq_port(const struct evtchn_port *ports, uint32_t virq)
{
	if (virq >= PV_NR_VIRQS)
		return 0;
	for (uint32_t p = 1; p < PV_NR_EVENT_PORTS; p++)
		if (ports[p].state == EVTCHN_VIRQ && ports[p].virq == virq)
			return p;
	return 0;
}

long evtchn_bind_virq(struct evtchn_port *ports, uint32_t virq)
{
	if (virq >= PV_NR_VIRQS)
		return -PV_EINVAL;
	if (evtchn_virq_port(ports, virq))
		return -PV_EBUSY;
	uint32_t p = lowest_closed(ports);
	if (!p)
		return -PV_ENOSPC;
	ports[p] = (struct evtchn_port){ .state = EVTCHN_VIRQ, .virq = (uint8_t)virq };
	return p;
}

long evtchn_status(const struct evtchn_port *ports, uint32_t port)
{
	if (!port_in_range(port))
		return -PV_EINVAL;
	return ports[port].state;
}

long evtchn_send_target(const struct evtchn_port *ports, uint32_t port, uint16_t *remote_dom,
			uint32_t *remote_port)
{
	long err = evtchn_port_check(ports, port);
	if (err)
		return err;
	if (ports[port].state != EVTCHN_INTERDOMAIN)
		return -PV_EINVAL; /* nobody listens on an unbound port; hv owns VIRQs */
	*remote_dom = ports[port].remote_dom;
	*remote_port = ports[port].remote_port;
	return 0;
}

bool evtchn_peer_dom(const struct evtchn_port *ports, uint32_t port, uint16_t *peer_dom)
{
	if (evtchn_port_check(ports, port) || ports[port].state != EVTCHN_INTERDOMAIN)
		return false;
	*peer_dom = ports[port].remote_dom;
	return true;
}

long evtchn_close(struct evtchn_port *local, struct evtchn_port *peer, uint16_t local_dom,
		  uint32_t port)
{
	long err = evtchn_port_check(local, port);
	if (err)
		return err;

	const struct evtchn_port mine = local[port];
	if (mine.state == EVTCHN_INTERDOMAIN && peer && mine.remote_port < PV_NR_EVENT_PORTS) {
		struct evtchn_port *other = &peer[mine.remote_port];
		/* Invariant 3 says the other end points back; check rather than trust. */
		if (other->state == EVTCHN_INTERDOMAIN && other->remote_dom == local_dom &&
		    other->remote_port == port)
			*other = (struct evtchn_port){ .state = EVTCHN_UNBOUND,
						       .remote_dom = local_dom };
	}
	local[port] = (struct evtchn_port){ .state = EVTCHN_CLOSED };
	return 0;
}
