/* event_cost.h: what the parts of the event-cost benchmark guest share.
 *
 * One image plays two roles, chosen by its command line: role=main (domain 1)
 * takes the measurements in main.c; role=echo (domain 2, only when main is given
 * peer=1) is the other end of the ping-pong and of the yield pairs, in echo.c.
 * loops.S holds the one timed loop. */
#ifndef EVENT_COST_H
#define EVENT_COST_H

#include <pv/guest.h>

#include "../common/bench_opts.h"
#include <pv/hypercall_raw.h>
#include <pv/start_info.h>

/* The ports main offers echo, before it ever gives up the CPU: so they are 1 and 2
 * in domain 1, and echo knows them without being told. */
#define EC_PING_PORT 1u	 /* main sends a ping, echo's upcall sends it back */
#define EC_PHASE_PORT 2u /* main tells echo to stop sleeping and start yielding */
#define EC_MAIN_DOMID 1u
#define EC_ECHO_DOMID 2u

/* loops.S: TSC ticks for iters calls of body, read in this domain. Under -icount,
 * exactly the instructions retired meanwhile, whoever retired them. */
uint64_t ec_loop(void (*body)(void), uint32_t iters);

/* echo.c: the partner's whole life; it never returns (hv destroys it once main,
 * started with expect=finish, has finished). */
__attribute__((noreturn)) void echo_main(void);

#endif
