/* clock.c: time, and the timer tick that ends a process's time slice. */
#include "clock.h"

#include <pv/guest.h>
#include <pv/time.h>

#include "sched.h"

static uint32_t timer_port;

uint32_t clock_port(void)
{
	return timer_port;
}

uint64_t clock_now_ns(void)
{
	return pv_system_time_ns(pv_shared_info);
}

/* Arm the one-shot timer for one tick from now (which replaces any deadline). */
static void arm_next_tick(void)
{
	uint64_t deadline = clock_now_ns() + CLOCK_TICK_NS;
	hv_set_timer_op((uint32_t)deadline, (uint32_t)(deadline >> 32));
}

/* The library's dispatch calls this for each pending port, events masked. The
 * timer is the only port pvguest binds. */
static void on_event(uint32_t port)
{
	if (port != timer_port)
		return;
	arm_next_tick();
	sched_tick();
}

/* The library calls this after on_event, events masked: on the kernel stack the
 * upcall interrupted or, if it interrupted ring 3, on the current process's kernel
 * stack with regs the ring-3 frame. It is a way back to ring 3 like any other:
 * where a process whose slice is over is switched away. */
static void after_upcall(struct pv_trap_regs *regs)
{
	sched_preempt_point(regs);
}

long clock_init(void)
{
	long port = hv_evtchn_op(PV_EVTCHNOP_BIND_VIRQ, PV_VIRQ_TIMER, 0);
	if (port < 0)
		return port;
	timer_port = (uint32_t)port;

	/* on_event handles the ports; after_upcall sees the interrupted frame. */
	pv_events_set_exit_hook(after_upcall);
	long r = pv_events_install(on_event);
	if (r == 0)
		r = pv_event_port_unmask(timer_port); /* hv masks every port at first */
	if (r != 0)
		return r;
	arm_next_tick();
	return 0;
}
