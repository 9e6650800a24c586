/* sched.h: which domain runs next.
 *
 * TOUR 4: hv enters the first domain by pretending to return to it: sched_start()
 * puts the domain's initial frame (built by the builder) where a trap from it
 * would have left one, and return_to_guest in trap_entry.S loads the domain's page
 * directory and IRETs into ring 1. From then on hv runs only when a guest traps.
 *
 * There is one CPU and no timer yet, so a domain runs until it yields, shuts down
 * or is killed; then the next runnable domain in id order (round robin) gets the
 * CPU. Switching never happens in the middle of a handler: handlers only record
 * that a switch is due, and sched_before_return() performs it as the very last step
 * before hv returns to a guest. When no domain is left, hv reports and exits QEMU. */
#ifndef HV_DOM_SCHED_H
#define HV_DOM_SCHED_H

#include "arch/regs.h"

struct domain;

/* The current domain asks to give up the CPU at the next return to a guest. */
void sched_request_yield(void);

/* Called by domain.c whenever a domain ends. */
void sched_note_domain_ended(struct domain *d);

/* The last step of every trap: switch the frame to another domain if one is due. */
void sched_before_return(struct cpu_regs *frame);

/* Start the first runnable domain; exits QEMU when there is none. */
__attribute__((noreturn)) void sched_start(void);

#endif
