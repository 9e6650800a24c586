/* test_evtchn_port.c: the port-table rules of event channels (hv/ev/evtchn_port.h). */
#include <criterion/criterion.h>
#include <string.h>

#include "ev/evtchn_port.h"

#define DOM_A 1
#define DOM_B 2
#define DOM_C 3

/* Two domains' tables, all ports closed. */
static struct evtchn_port a[PV_NR_EVENT_PORTS], b[PV_NR_EVENT_PORTS];

static void fresh(void)
{
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
}

/* A connected pair: a's port (returned through pa) to b's (pb). */
static void connect(long *pa, long *pb)
{
	*pb = evtchn_alloc_unbound(b, DOM_A);
	cr_assert_gt(*pb, 0);
	*pa = evtchn_bind_interdomain(a, b, DOM_B, (uint32_t)*pb, DOM_A);
	cr_assert_gt(*pa, 0);
}

/* Fill every port of t with UNBOUND ports offered to DOM_C. */
static void exhaust(struct evtchn_port *t)
{
	for (uint32_t p = 1; p < PV_NR_EVENT_PORTS; p++)
		cr_assert_eq(evtchn_alloc_unbound(t, DOM_C), (long)p);
}

Test(evtchn_port, numbers_that_cannot_name_a_port_are_einval)
{
	fresh();
	exhaust(a);
	static const uint32_t bad[] = { 0,	 PV_NR_EVENT_PORTS, PV_NR_EVENT_PORTS + 1,
					0x10000, 0x80000000u,	    0xFFFFFFFFu /* -1 */ };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cr_assert_eq(evtchn_port_check(a, bad[i]), -PV_EINVAL, "port %u", bad[i]);
		cr_assert_eq(evtchn_status(a, bad[i]), -PV_EINVAL, "port %u", bad[i]);
		cr_assert_eq(evtchn_close(a, b, DOM_A, bad[i]), -PV_EINVAL, "port %u", bad[i]);
	}
}

Test(evtchn_port, a_closed_port_is_enoent_but_status_says_closed)
{
	fresh();
	uint16_t dom;
	uint32_t port;
	cr_assert_eq(evtchn_port_check(a, 5), -PV_ENOENT);
	cr_assert_eq(evtchn_send_target(a, 5, &dom, &port), -PV_ENOENT);
	cr_assert_eq(evtchn_close(a, b, DOM_A, 5), -PV_ENOENT);
	cr_assert_eq(evtchn_status(a, 5), PV_EVTCHNSTAT_CLOSED);
	cr_assert_eq(evtchn_status(a, PV_NR_EVENT_PORTS - 1), PV_EVTCHNSTAT_CLOSED);
}

Test(evtchn_port, alloc_returns_the_lowest_closed_port_and_never_zero)
{
	fresh();
	cr_assert_eq(evtchn_alloc_unbound(a, DOM_B), 1);
	cr_assert_eq(evtchn_alloc_unbound(a, DOM_B), 2);
	cr_assert_eq(evtchn_alloc_unbound(a, DOM_B), 3);
	cr_assert_eq(evtchn_close(a, b, DOM_A, 2), 0);
	cr_assert_eq(evtchn_alloc_unbound(a, DOM_B), 2);
	cr_assert_eq(a[0].state, EVTCHN_CLOSED);
}

Test(evtchn_port, alloc_offers_the_port_to_the_named_domain)
{
	fresh();
	long p = evtchn_alloc_unbound(a, DOM_C);
	cr_assert_eq(evtchn_status(a, (uint32_t)p), PV_EVTCHNSTAT_UNBOUND);
	cr_assert_eq(a[p].remote_dom, DOM_C);
}

Test(evtchn_port, alloc_fails_with_enospc_when_every_port_is_in_use)
{
	fresh();
	exhaust(a);
	static struct evtchn_port before[PV_NR_EVENT_PORTS];
	memcpy(before, a, sizeof(a));
	cr_assert_eq(evtchn_alloc_unbound(a, DOM_B), -PV_ENOSPC);
	cr_assert_eq(evtchn_bind_virq(a, PV_VIRQ_TIMER), -PV_ENOSPC);
	cr_assert_eq(memcmp(before, a, sizeof(a)), 0);
}

Test(evtchn_port, exhaustion_is_per_table)
{
	fresh();
	exhaust(a);
	cr_assert_eq(evtchn_alloc_unbound(b, DOM_A), 1);
}

Test(evtchn_port, closing_one_port_of_a_full_table_makes_room_for_exactly_one)
{
	fresh();
	exhaust(a);
	cr_assert_eq(evtchn_close(a, b, DOM_A, 700), 0);
	cr_assert_eq(evtchn_alloc_unbound(a, DOM_B), 700);
	cr_assert_eq(evtchn_alloc_unbound(a, DOM_B), -PV_ENOSPC);
}

Test(evtchn_port, bind_interdomain_connects_both_ends_symmetrically)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	cr_assert_eq(evtchn_status(a, (uint32_t)pa), PV_EVTCHNSTAT_INTERDOMAIN);
	cr_assert_eq(evtchn_status(b, (uint32_t)pb), PV_EVTCHNSTAT_INTERDOMAIN);
	cr_assert_eq(a[pa].remote_dom, DOM_B);
	cr_assert_eq(a[pa].remote_port, pb);
	cr_assert_eq(b[pb].remote_dom, DOM_A);
	cr_assert_eq(b[pb].remote_port, pa);
}

Test(evtchn_port, bind_interdomain_needs_an_unbound_remote_port)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	long virq = evtchn_bind_virq(b, PV_VIRQ_TIMER);
	static struct evtchn_port a0[PV_NR_EVENT_PORTS], b0[PV_NR_EVENT_PORTS];
	memcpy(a0, a, sizeof(a));
	memcpy(b0, b, sizeof(b));
	/* closed, already connected, a VIRQ */
	cr_assert_eq(evtchn_bind_interdomain(a, b, DOM_B, 100, DOM_A), -PV_EINVAL);
	cr_assert_eq(evtchn_bind_interdomain(a, b, DOM_B, (uint32_t)pb, DOM_A), -PV_EINVAL);
	cr_assert_eq(evtchn_bind_interdomain(a, b, DOM_B, (uint32_t)virq, DOM_A), -PV_EINVAL);
	cr_assert_eq(memcmp(a0, a, sizeof(a)), 0);
	cr_assert_eq(memcmp(b0, b, sizeof(b)), 0);
}

Test(evtchn_port, bind_interdomain_refuses_bad_remote_port_numbers)
{
	fresh();
	exhaust(b);
	static const uint32_t bad[] = { 0, PV_NR_EVENT_PORTS, 0xFFFFFFFFu };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(evtchn_bind_interdomain(a, b, DOM_B, bad[i], DOM_A), -PV_EINVAL,
			     "port %u", bad[i]);
	cr_assert_eq(evtchn_alloc_unbound(a, DOM_B), 1, "nothing was allocated");
}

Test(evtchn_port, a_port_offered_to_another_domain_cannot_be_bound)
{
	fresh();
	long pb = evtchn_alloc_unbound(b, DOM_C);
	cr_assert_eq(evtchn_bind_interdomain(a, b, DOM_B, (uint32_t)pb, DOM_A), -PV_EPERM);
	cr_assert_eq(evtchn_status(b, (uint32_t)pb), PV_EVTCHNSTAT_UNBOUND);
	cr_assert_eq(b[pb].remote_dom, DOM_C);
	cr_assert_eq(evtchn_status(a, 1), PV_EVTCHNSTAT_CLOSED);
}

Test(evtchn_port, bind_interdomain_with_no_local_room_leaves_the_offer_standing)
{
	fresh();
	exhaust(a);
	long pb = evtchn_alloc_unbound(b, DOM_A);
	cr_assert_eq(evtchn_bind_interdomain(a, b, DOM_B, (uint32_t)pb, DOM_A), -PV_ENOSPC);
	cr_assert_eq(evtchn_status(b, (uint32_t)pb), PV_EVTCHNSTAT_UNBOUND);
	cr_assert_eq(b[pb].remote_dom, DOM_A);
}

Test(evtchn_port, a_domain_may_connect_to_itself)
{
	fresh();
	long p = evtchn_alloc_unbound(a, DOM_A);
	long q = evtchn_bind_interdomain(a, a, DOM_A, (uint32_t)p, DOM_A);
	cr_assert_eq(q, p + 1);
	cr_assert_eq(a[p].state, EVTCHN_INTERDOMAIN);
	cr_assert_eq(a[p].remote_port, q);
	cr_assert_eq(a[q].state, EVTCHN_INTERDOMAIN);
	cr_assert_eq(a[q].remote_port, p);
}

Test(evtchn_port, closing_one_end_offers_the_other_back_to_the_closer)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	cr_assert_eq(evtchn_close(a, b, DOM_A, (uint32_t)pa), 0);
	cr_assert_eq(evtchn_status(a, (uint32_t)pa), PV_EVTCHNSTAT_CLOSED);
	cr_assert_eq(evtchn_status(b, (uint32_t)pb), PV_EVTCHNSTAT_UNBOUND);
	cr_assert_eq(b[pb].remote_dom, DOM_A);
	cr_assert_eq(b[pb].remote_port, 0);
}

Test(evtchn_port, the_closer_can_bind_the_peer_port_again)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	cr_assert_eq(evtchn_close(a, b, DOM_A, (uint32_t)pa), 0);
	long again = evtchn_bind_interdomain(a, b, DOM_B, (uint32_t)pb, DOM_A);
	cr_assert_eq(again, pa);
	cr_assert_eq(b[pb].state, EVTCHN_INTERDOMAIN);
	cr_assert_eq(b[pb].remote_port, pa);
}

Test(evtchn_port, a_closed_port_is_all_zeroes)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	long v = evtchn_bind_virq(a, PV_VIRQ_DEBUG);
	cr_assert_eq(evtchn_close(a, b, DOM_A, (uint32_t)pa), 0);
	cr_assert_eq(evtchn_close(a, b, DOM_A, (uint32_t)v), 0);
	static const struct evtchn_port zero;
	cr_assert_eq(memcmp(&a[pa], &zero, sizeof(zero)), 0);
	cr_assert_eq(memcmp(&a[v], &zero, sizeof(zero)), 0);
}

Test(evtchn_port, closing_without_the_peer_table_frees_only_the_local_end)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	cr_assert_eq(evtchn_close(a, NULL, DOM_A, (uint32_t)pa), 0);
	cr_assert_eq(evtchn_status(a, (uint32_t)pa), PV_EVTCHNSTAT_CLOSED);
	cr_assert_eq(evtchn_status(b, (uint32_t)pb), PV_EVTCHNSTAT_INTERDOMAIN);
}

Test(evtchn_port, closing_does_not_touch_a_peer_port_that_does_not_point_back)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	struct evtchn_port stranger = b[pb];
	stranger.remote_dom = DOM_C; /* as if the table passed in were not the peer's */
	b[pb] = stranger;
	cr_assert_eq(evtchn_close(a, b, DOM_A, (uint32_t)pa), 0);
	cr_assert_eq(memcmp(&b[pb], &stranger, sizeof(stranger)), 0);
}

Test(evtchn_port, closing_a_loopback_end_offers_the_other_to_itself)
{
	fresh();
	long p = evtchn_alloc_unbound(a, DOM_A);
	long q = evtchn_bind_interdomain(a, a, DOM_A, (uint32_t)p, DOM_A);
	cr_assert_eq(evtchn_close(a, a, DOM_A, (uint32_t)q), 0);
	cr_assert_eq(a[q].state, EVTCHN_CLOSED);
	cr_assert_eq(a[p].state, EVTCHN_UNBOUND);
	cr_assert_eq(a[p].remote_dom, DOM_A);
}

Test(evtchn_port, peer_dom_names_the_other_end_of_interdomain_ports_only)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	long v = evtchn_bind_virq(a, PV_VIRQ_TIMER);
	long u = evtchn_alloc_unbound(a, DOM_B);
	uint16_t dom = 0;
	cr_assert(evtchn_peer_dom(a, (uint32_t)pa, &dom));
	cr_assert_eq(dom, DOM_B);
	cr_assert_not(evtchn_peer_dom(a, (uint32_t)v, &dom));
	cr_assert_not(evtchn_peer_dom(a, (uint32_t)u, &dom));
	cr_assert_not(evtchn_peer_dom(a, 500, &dom));
	cr_assert_not(evtchn_peer_dom(a, 0xFFFFFFFFu, &dom));
}

Test(evtchn_port, send_goes_to_the_other_end_of_an_interdomain_port)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	uint16_t dom = 0;
	uint32_t port = 0;
	cr_assert_eq(evtchn_send_target(a, (uint32_t)pa, &dom, &port), 0);
	cr_assert_eq(dom, DOM_B);
	cr_assert_eq(port, (uint32_t)pb);
	cr_assert_eq(evtchn_send_target(b, (uint32_t)pb, &dom, &port), 0);
	cr_assert_eq(dom, DOM_A);
	cr_assert_eq(port, (uint32_t)pa);
}

Test(evtchn_port, send_on_an_unbound_or_virq_port_is_einval)
{
	fresh();
	long u = evtchn_alloc_unbound(a, DOM_B);
	long v = evtchn_bind_virq(a, PV_VIRQ_TIMER);
	uint16_t dom = 77;
	uint32_t port = 77;
	cr_assert_eq(evtchn_send_target(a, (uint32_t)u, &dom, &port), -PV_EINVAL);
	cr_assert_eq(evtchn_send_target(a, (uint32_t)v, &dom, &port), -PV_EINVAL);
	cr_assert_eq(evtchn_send_target(a, 0, &dom, &port), -PV_EINVAL);
	cr_assert_eq(evtchn_send_target(a, 0xFFFFFFFFu, &dom, &port), -PV_EINVAL);
	cr_assert_eq(dom, 77, "outputs untouched on error");
	cr_assert_eq(port, 77, "outputs untouched on error");
}

Test(evtchn_port, send_after_the_peer_closed_is_einval)
{
	fresh();
	long pa, pb;
	connect(&pa, &pb);
	cr_assert_eq(evtchn_close(b, a, DOM_B, (uint32_t)pb), 0);
	uint16_t dom;
	uint32_t port;
	cr_assert_eq(evtchn_send_target(a, (uint32_t)pa, &dom, &port), -PV_EINVAL);
	cr_assert_eq(evtchn_send_target(b, (uint32_t)pb, &dom, &port), -PV_ENOENT);
}

Test(evtchn_port, bind_virq_takes_one_port_per_virq)
{
	fresh();
	long t = evtchn_bind_virq(a, PV_VIRQ_TIMER);
	cr_assert_eq(t, 1);
	cr_assert_eq(evtchn_bind_virq(a, PV_VIRQ_TIMER), -PV_EBUSY);
	cr_assert_eq(evtchn_bind_virq(a, PV_VIRQ_CONSOLE), 2);
	cr_assert_eq(evtchn_bind_virq(b, PV_VIRQ_TIMER), 1, "another domain's table is separate");
	cr_assert_eq(evtchn_status(a, 1), PV_EVTCHNSTAT_VIRQ);
	cr_assert_eq(a[1].virq, PV_VIRQ_TIMER);
}

Test(evtchn_port, bind_virq_refuses_unknown_virqs)
{
	fresh();
	cr_assert_eq(evtchn_bind_virq(a, PV_NR_VIRQS), -PV_EINVAL);
	cr_assert_eq(evtchn_bind_virq(a, 255), -PV_EINVAL);
	cr_assert_eq(evtchn_bind_virq(a, 256), -PV_EINVAL); /* would truncate to 0 */
	cr_assert_eq(evtchn_bind_virq(a, 0xFFFFFFFFu), -PV_EINVAL);
	cr_assert_eq(evtchn_status(a, 1), PV_EVTCHNSTAT_CLOSED);
}

Test(evtchn_port, a_virq_can_be_bound_again_after_its_port_is_closed)
{
	fresh();
	long t = evtchn_bind_virq(a, PV_VIRQ_TIMER);
	cr_assert_eq(evtchn_close(a, b, DOM_A, (uint32_t)t), 0);
	cr_assert_eq(evtchn_virq_port(a, PV_VIRQ_TIMER), 0);
	cr_assert_eq(evtchn_bind_virq(a, PV_VIRQ_TIMER), t);
}

Test(evtchn_port, virq_port_finds_the_bound_port_or_zero)
{
	fresh();
	evtchn_alloc_unbound(a, DOM_B);
	long d = evtchn_bind_virq(a, PV_VIRQ_DEBUG);
	cr_assert_eq(evtchn_virq_port(a, PV_VIRQ_DEBUG), (uint32_t)d);
	cr_assert_eq(evtchn_virq_port(a, PV_VIRQ_TIMER), 0);
	cr_assert_eq(evtchn_virq_port(a, PV_NR_VIRQS), 0);
	cr_assert_eq(evtchn_virq_port(a, 0xFFFFFFFFu), 0);
}
