/* main.c: event-cost, what events, domain switches and the virtual IF cost.
 *
 * Domain 1 (role=main, the default) times, with the TSC, calls of one C function
 * through the loop in loops.S:
 *  - virtual_pair: pv_events_mask(); pv_events_unmask(); with nothing pending,
 *    which is two stores and a load of shared_info, the paravirtual CLI/STI;
 *  - emulated_pair: a real `cli; sti`, each one a #GP that hv emulates on the
 *    virtual IF. Only when the command line says emulate=1 (hv's teaching mode,
 *    arch/emulate_cli.h); without it the CLI would be a #GP for this guest;
 *  - yield_alone: sched_op YIELD with no other domain runnable: a hypercall that
 *    asks the scheduler and comes back, no switch;
 * and, with peer=1, against domain 2 (role=echo, echo.c):
 *  - round_trip: send on the ping port, sleep in sched_op BLOCK until echo's
 *    upcall has sent the pong back and ours has counted it. That is two domain
 *    switches, two upcalls and both domains' hypercalls, all counted here;
 *  - yield_pair: sched_op YIELD while echo yields back in a loop: two domain
 *    switches per call.
 *
 * Output, one line per measurement:
 *	bench: NAME insns_per_op=N
 *	bench: NAME rounds_at_min=K/R
 * N is what one call costs beyond a call of an empty function, ec_null. Under
 * QEMU's -icount shift=0,sleep=off a TSC difference is an exact count of
 * retired instructions. hv's 1 kHz tick lands in some rounds, which then cost
 * the tick's work more, so each measurement runs R short rounds and keeps the
 * smallest; K rounds gave exactly that count. The guest warns when fewer than two
 * rounds agree on the minimum, or when it is not a whole number per call.
 *
 * Module options (after hv's own, such as emulate=1 and expect=finish):
 *	role=main|echo   which part to play (default main)
 *	peer=1           domain 2 runs role=echo: measure round_trip and yield_pair
 *	iters=N          calls per round (default 20; keep a round well under the
 *	                 tick's 1,000,000 instructions)
 *	rounds=N         rounds per measurement (default 15)
 *
 * This guest runs RDTSC and, with emulate=1, CLI and STI: all sensitive, which
 * is the point of measuring them, so it is not, and must not become, one of the
 * pvscan-clean guests (PVSCAN_CLEAN_ELFS). */
#include "event_cost.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct measure {
	const char *name;
	void (*body)(void);
	int wake_echo; /* first switch echo from sleeping to yielding */
	uint64_t min;
	uint32_t at_min;
};

static volatile uint32_t pongs;

/* Whether option key is exactly value. */
static int option_is(const char *key, const char *value)
{
	const char *v = bench_option(key);
	size_t len = strlen(value);
	return v && strncmp(v, value, len) == 0 && (v[len] == ' ' || v[len] == '\0');
}

static void on_event(uint32_t port)
{
	if (port == EC_PING_PORT)
		pongs++;
}

/* Sleep until pongs reaches want, without losing a wakeup: check with events
 * masked; BLOCK unmasks and sleeps in one step, and the upcall runs before it
 * returns. */
static void wait_pongs(uint32_t want)
{
	pv_events_mask();
	while (pongs < want) {
		hv_sched_op(PV_SCHEDOP_BLOCK, 0, 0);
		pv_events_mask();
	}
	pv_events_unmask();
}

/* The bodies. noipa keeps each a real, separate function that gcc neither inlines
 * nor merges with another. */
__attribute__((noipa)) static void ec_null(void)
{
}

__attribute__((noipa)) static void ec_virtual_pair(void)
{
	pv_events_mask();
	pv_events_unmask();
}

__attribute__((noipa)) static void ec_emulated_pair(void)
{
	__asm__ volatile("cli\n\tsti" ::: "memory");
}

__attribute__((noipa)) static void ec_yield(void)
{
	hv_sched_op(PV_SCHEDOP_YIELD, 0, 0);
}

__attribute__((noipa)) static void ec_round_trip(void)
{
	uint32_t want = pongs + 1;
	if (hv_evtchn_op(PV_EVTCHNOP_SEND, EC_PING_PORT, 0) != 0)
		bench_fail("send on the ping port refused");
	wait_pongs(want);
}

/* Run m's body: one round to warm up, then rounds rounds of iters calls. */
static void measure(struct measure *m, uint32_t iters, uint32_t rounds)
{
	ec_loop(m->body, iters);
	for (uint32_t r = 0; r < rounds; r++) {
		uint64_t t = ec_loop(m->body, iters);
		if (r == 0 || t < m->min) {
			m->min = t;
			m->at_min = 0;
		}
		m->at_min += t == m->min;
	}
}

static void report(const struct measure *m, const struct measure *null, uint32_t iters,
		   uint32_t rounds)
{
	uint64_t d = m->min > null->min ? m->min - null->min : 0;
	if (m->at_min < 2 || null->at_min < 2)
		printf("bench: warning: %s: fewer than two rounds agree on the minimum\n", m->name);
	if (d % iters)
		printf("bench: warning: %s is not a whole number of instructions per call\n",
		       m->name);
	uint64_t hundredths = (d * 100 + iters / 2) / iters;
	if (d % iters == 0)
		printf("bench: %s insns_per_op=%llu\n", m->name, d / iters);
	else
		printf("bench: %s insns_per_op=%llu.%02llu\n", m->name, hundredths / 100,
		       hundredths % 100);
	printf("bench: %s rounds_at_min=%lu/%lu\n", m->name, (unsigned long)m->at_min,
	       (unsigned long)rounds);
}

/* Offer echo the two ports, first of all, so that they are 1 and 2; wait for its
 * hello on the ping port. */
static void connect_echo(void)
{
	long ping = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, EC_ECHO_DOMID, 0);
	long phase = hv_evtchn_op(PV_EVTCHNOP_ALLOC_UNBOUND, EC_ECHO_DOMID, 0);
	if (ping != EC_PING_PORT || phase != EC_PHASE_PORT)
		bench_fail("the ports offered to domain 2 are not 1 and 2");
	if (pv_event_port_unmask(EC_PING_PORT) != 0)
		bench_fail("unmask the ping port");
	wait_pongs(1);
}

int main(void)
{
	if (option_is("role", "echo"))
		echo_main();
	int emulate = option_is("emulate", "1");
	int peer = option_is("peer", "1");
	uint32_t iters = bench_option_count("iters", 20);
	uint32_t rounds = bench_option_count("rounds", 15);
	struct measure null = { "null", ec_null, 0, 0, 0 };
	struct measure ms[] = {
		{ "virtual_pair", ec_virtual_pair, 0, 0, 0 },
		{ "emulated_pair", ec_emulated_pair, 0, 0, 0 },
		{ "yield_alone", ec_yield, 0, 0, 0 },
		{ "round_trip", ec_round_trip, 0, 0, 0 },
		{ "yield_pair", ec_yield, 1, 0, 0 },
	};
	int wanted[] = { 1, emulate, 1, peer, peer };

	printf("bench: iters=%lu rounds=%lu emulate=%d peer=%d\n", (unsigned long)iters,
	       (unsigned long)rounds, emulate, peer);
	if (pv_events_install(on_event) != 0)
		bench_fail("set_callbacks refused");
	pv_events_unmask();
	if (peer)
		connect_echo(); /* echo now sleeps in BLOCK: yield_alone finds no one */

	measure(&null, iters, rounds);
	for (unsigned i = 0; i < sizeof(ms) / sizeof(ms[0]); i++) {
		if (!wanted[i])
			continue;
		/* Wake echo into its yield loop; the warm-up round lets it get there. */
		if (ms[i].wake_echo && hv_evtchn_op(PV_EVTCHNOP_SEND, EC_PHASE_PORT, 0) != 0)
			bench_fail("send on the phase port refused");
		measure(&ms[i], iters, rounds);
	}
	if (pv_shared_info->vcpu[0].upcall_mask)
		bench_fail("events are masked after the measurements");

	for (unsigned i = 0; i < sizeof(ms) / sizeof(ms[0]); i++)
		if (wanted[i])
			report(&ms[i], &null, iters, rounds);
	return 0;
}
