/* echo.c: the other domain of the event-cost benchmark (role=echo).
 *
 * It connects to main's two ports, says hello on the ping port, and sleeps in
 * sched_op BLOCK. Its upcall handler answers every ping at once, from inside the
 * upcall, so a round trip costs main one send, one BLOCK and one upcall, and costs
 * echo one upcall and one send. When main signals the phase port, echo stops
 * sleeping and yields in a tight loop for the rest of its life, which is what
 * main's yield-pair measurement yields to. */
#include "event_cost.h"

#define BIND_TRIES 1000u

static uint32_t ping_port, phase_port;
static volatile uint32_t yielding;

static void on_event(uint32_t port)
{
	if (port == ping_port)
		(void)hv_evtchn_op(PV_EVTCHNOP_SEND, ping_port, 0);
	else if (port == phase_port)
		yielding = 1;
}

/* Connect to main's port remote; main offers it before it first yields, but retry
 * in case echo ever runs first. */
static uint32_t bind(uint32_t remote)
{
	long port = -PV_EINVAL;
	for (uint32_t i = 0; i < BIND_TRIES && port == -PV_EINVAL; i++) {
		port = hv_evtchn_op(PV_EVTCHNOP_BIND_INTERDOMAIN, EC_MAIN_DOMID, remote);
		if (port == -PV_EINVAL)
			hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
	}
	if (port <= 0 || pv_event_port_unmask((uint32_t)port) != 0)
		pv_shutdown(PV_SHUTDOWN_CRASH, 1);
	return (uint32_t)port;
}

void echo_main(void)
{
	if (pv_events_install(on_event) != 0)
		pv_shutdown(PV_SHUTDOWN_CRASH, 1);
	ping_port = bind(EC_PING_PORT);
	phase_port = bind(EC_PHASE_PORT);
	(void)hv_evtchn_op(PV_EVTCHNOP_SEND, ping_port, 0); /* hello */

	/* Sleep between events. The check runs with events masked and BLOCK unmasks
	 * as it sleeps, so the phase event cannot slip in between unseen. */
	for (;;) {
		pv_events_mask();
		if (yielding)
			break;
		hv_sched_op(PV_SCHEDOP_BLOCK, 0, 0);
	}
	pv_events_unmask();
	for (;;)
		hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
}
