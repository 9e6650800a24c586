/* evtchn.h: event channels in hv: where ports meet domains and shared_info.
 *
 * An event travels in three steps, never more than one at a time:
 *  1. Mark: evtchn_mark_pending() sets the port's bit in the receiver's
 *     evtchn_pending. Only a 0 -> 1 change goes further. For an unmasked port it
 *     sets vcpu[0].upcall_pending; a masked one stays just a bit, found when the
 *     guest scans or raised when it unmasks the port (evtchn_op UNMASK). Either
 *     way the scheduler hears of it (sched_wake): a domain blocked in sched_op
 *     wakes for upcall_pending, one in POLL for its ports, masked or not.
 *  2. Wait: nothing happens until hv is about to return to that domain.
 *  3. Deliver: evtchn_deliver_upcall(), the last step of that return, enters the
 *     callback registered with set_callbacks if upcall_pending is set and the
 *     virtual IF allows it (upcall_mask 0), and masks events (upcall_mask 1) as it
 *     does. The guest unmasks them with the iret hypercall at the end of its
 *     handler, and the return from that hypercall delivers again if more arrived.
 * The guest clears upcall_pending and the pending bits itself; hv never clears a
 * pending bit except when a port is closed (so a reused port starts clean).
 *
 * The port-table rules (who may bind what, which errors) are in evtchn_port.h. */
#ifndef HV_EV_EVTCHN_H
#define HV_EV_EVTCHN_H

#include <stdint.h>

#include "arch/regs.h"
#include "ev/evtchn_hooks.h" /* evtchn_send_virq, evtchn_deliver_upcall */

struct domain;

/* The live (neither free nor dead) domain with this id, or NULL. */
struct domain *evtchn_find_domain(uint32_t id);

/* Step 1 for port of domain d (a live domain; port below PV_NR_EVENT_PORTS). */
void evtchn_mark_pending(struct domain *d, uint32_t port);

/* evtchn_op SEND from d on port: mark the other end pending. Returns 0 or the
 * error of evtchn_send_target (evtchn_port.h). */
long evtchn_send(struct domain *d, uint32_t port);

/* evtchn_op CLOSE from d: free port, clear its pending bit; an interdomain peer's
 * port becomes unbound, offered to d. Returns 0 or the port check's error. */
long evtchn_close_port(struct domain *d, uint32_t port);

/* At d's end, before its frames (shared_info among them) are released: close every
 * port, so no other domain stays connected to it. */
void evtchn_close_all(struct domain *d);

/* evtchn_send_virq(d, virq) marks the port d bound to virq, if any: step 1.
 * evtchn_deliver_upcall(frame) is step 3, on the frame hv is about to return to the
 * current domain with. It may kill the domain (a stack the upcall frame cannot be
 * pushed onto): the caller must then pick another domain to run. */

#endif
