/* sched.h: which domain runs next, and for how long.
 *
 * TOUR 4: hv enters the first domain by pretending to return to it: sched_start()
 * puts the domain's initial frame (built by the builder) where a trap from it
 * would have left one, and return_to_guest in trap_entry.S loads the domain's page
 * directory and IRETs into ring 1. From then on hv runs only when a guest traps or
 * the timer ticks.
 *
 * Round robin among runnable domains, in slot order. A domain's turn lasts
 * weight * SCHED_SLICE_MS / SCHED_DEFAULT_WEIGHT milliseconds of timer ticks (at
 * least one): the timer interrupt reaches hv whatever the guest's virtual IF says,
 * so a domain that spins with events masked is preempted like any other. A domain
 * also gives up the CPU when it yields, blocks (sched_op block or poll), shuts
 * down or is killed. Switching never happens in the middle of a handler: handlers
 * only record that a switch is due, and sched_before_return() performs it as the
 * very last step before hv returns to a guest. When every domain is blocked, hv
 * halts the CPU until an interrupt; when none is left, it reports and exits QEMU. */
#ifndef HV_DOM_SCHED_H
#define HV_DOM_SCHED_H

#include "arch/regs.h"

#define SCHED_SLICE_MS 10u
#define SCHED_DEFAULT_WEIGHT 256u

struct domain;

/* The current domain asks to give up the CPU at the next return to a guest. */
void sched_request_yield(void);

/* The current domain sleeps until sched_wake() finds a reason to run it. */
void sched_block_current(void);

/* Something happened for d (an event arrived): run it again if it was waiting for
 * that: blocked domains wake on a deliverable event, polling ones on a polled port. */
void sched_wake(struct domain *d);

/* A timer tick: charge the current domain's turn. */
void sched_tick(void);

/* Called by domain.c whenever a domain ends. */
void sched_note_domain_ended(struct domain *d);

/* The last step of every trap: switch the frame to another domain if one is due,
 * then deliver a pending event upcall to whoever runs. */
void sched_before_return(struct cpu_regs *frame);

/* The free frames before any domain was built: when the last domain is gone, hv
 * checks that every frame came back (and a run that leaked one is not clean). */
void sched_set_memory_baseline(uint32_t free_frames);

/* Start the first runnable domain; exits QEMU when there is none. */
__attribute__((noreturn)) void sched_start(void);

#endif
