/* evtchn_port.h: event-channel ports, one table per domain, and the rules that change them.
 *
 * Pure C: no domains, no shared_info, no printing. hv's glue (ev/evtchn.c) finds the
 * tables and the domains; the host unit tests call these functions directly.
 *
 * Invariants, for every domain's table ports[PV_NR_EVENT_PORTS]:
 *  1. Port 0 is never used: it stays EVTCHN_CLOSED, so 0 can never name a port.
 *  2. A port is in exactly one state, and its fields mean only what that state says
 *     (below); every other field is 0. A closed port is all zeroes.
 *  3. Interdomain connections are symmetric: if port p of domain A is INTERDOMAIN to
 *     (B, q), then port q of domain B is INTERDOMAIN to (A, p). Binding sets both
 *     ends at once and closing one end turns the other back into UNBOUND, offered to
 *     the domain that closed. A domain may be its own peer (a loopback channel).
 *  4. At most one port per VIRQ in each table.
 * Every function below checks all its arguments before it changes anything: an
 * error leaves both tables exactly as they were.
 *
 * How a port number is judged (the same for every operation that names one):
 *  - 0, or >= PV_NR_EVENT_PORTS (which includes "negative" numbers: the ABI passes
 *    uint32_t): -PV_EINVAL, the number cannot name a port at all;
 *  - a CLOSED port: -PV_ENOENT, the port does not exist (STATUS alone accepts it and
 *    answers PV_EVTCHNSTAT_CLOSED);
 *  - a port in the wrong state for the operation (SEND on an UNBOUND or VIRQ port,
 *    binding to a remote port that is not UNBOUND): -PV_EINVAL. */
#ifndef HV_EV_EVTCHN_PORT_H
#define HV_EV_EVTCHN_PORT_H

#include <pv/abi_gen.h>
#include <pv/shared_info.h>
#include <stdbool.h>
#include <stdint.h>

/* A port's state; the values are the ABI's PV_EVTCHNSTAT_*, so STATUS returns it. */
enum evtchn_state {
	EVTCHN_CLOSED = PV_EVTCHNSTAT_CLOSED,		/* free */
	EVTCHN_UNBOUND = PV_EVTCHNSTAT_UNBOUND,		/* offered to remote_dom */
	EVTCHN_INTERDOMAIN = PV_EVTCHNSTAT_INTERDOMAIN, /* connected to (remote_dom, remote_port) */
	EVTCHN_VIRQ = PV_EVTCHNSTAT_VIRQ,		/* bound to virq */
};

struct evtchn_port {
	uint8_t state;	      /* enum evtchn_state */
	uint8_t virq;	      /* VIRQ: which PV_VIRQ_* */
	uint16_t remote_dom;  /* UNBOUND: who may bind it; INTERDOMAIN: the peer domain */
	uint16_t remote_port; /* INTERDOMAIN: the peer's port */
	uint16_t _pad;
};
_Static_assert(sizeof(struct evtchn_port) == 8, "8 KiB of ports per domain");

/* 0 if port names an open port of ports, else -PV_EINVAL or -PV_ENOENT as above. */
long evtchn_port_check(const struct evtchn_port *ports, uint32_t port);

/* ALLOC_UNBOUND: open the lowest closed port, offered to remote_dom (which the caller
 * has checked exists). Returns the port, or -PV_ENOSPC when all are in use. */
long evtchn_alloc_unbound(struct evtchn_port *ports, uint16_t remote_dom);

/* BIND_INTERDOMAIN: connect the lowest closed port of local (domain local_dom) to
 * remote_port of remote (domain remote_dom, which the caller has checked exists;
 * local and remote are the same table for a loopback channel). remote_port must be
 * valid (-PV_EINVAL), UNBOUND (-PV_EINVAL) and offered to local_dom (-PV_EPERM);
 * local needs a closed port (-PV_ENOSPC). Returns the local port. */
long evtchn_bind_interdomain(struct evtchn_port *local, struct evtchn_port *remote,
			     uint16_t remote_dom, uint32_t remote_port, uint16_t local_dom);

/* BIND_VIRQ: bind virq to the lowest closed port. -PV_EINVAL for virq >=
 * PV_NR_VIRQS, -PV_EBUSY if a port of this table is bound to it already,
 * -PV_ENOSPC when all ports are in use. Returns the port. */
long evtchn_bind_virq(struct evtchn_port *ports, uint32_t virq);

/* The port bound to virq, or 0 if none (or virq is out of range). */
uint32_t evtchn_virq_port(const struct evtchn_port *ports, uint32_t virq);

/* STATUS: the port's PV_EVTCHNSTAT_* (CLOSED for a free port), or -PV_EINVAL for a
 * number that cannot name a port. */
long evtchn_status(const struct evtchn_port *ports, uint32_t port);

/* SEND, decoded: where an event on port goes. Checks the port (see above) and that
 * it is INTERDOMAIN (else -PV_EINVAL); on success stores the peer's domain id and
 * port and returns 0. Changes nothing: marking the peer pending is the glue's job. */
long evtchn_send_target(const struct evtchn_port *ports, uint32_t port, uint16_t *remote_dom,
			uint32_t *remote_port);

/* Whether port is an open INTERDOMAIN port; if so, *peer_dom is the domain at the
 * other end, whose table evtchn_close needs. */
bool evtchn_peer_dom(const struct evtchn_port *ports, uint32_t port, uint16_t *peer_dom);

/* CLOSE: free port of local (domain local_dom). For an INTERDOMAIN port, the other
 * end, in peer (the peer domain's table, as evtchn_peer_dom named it; the
 * same table for a loopback channel), becomes UNBOUND and offered to local_dom, so
 * the local domain could bind it again. peer may be NULL if that domain is gone.
 * Returns 0, or the port check's error with nothing changed. */
long evtchn_close(struct evtchn_port *local, struct evtchn_port *peer, uint16_t local_dom,
		  uint32_t port);

#endif
