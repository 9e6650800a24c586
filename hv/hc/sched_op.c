/* sched_op.c: a domain giving up the CPU, for a while or for good. */
#include <pv/abi_gen.h>
#include <pv/layout.h>

#include "dom/domain.h"
#include "dom/sched.h"
#include "hc/hc_handlers.h"
#include "mm/guest_copy.h"
#include "mm/guest_range.h"

/* Sleep until one of count ports (a guest array at ports) is pending. */
static long sched_op_poll(guest_addr_t ports, uint32_t count)
{
	struct domain *d = current;
	uint32_t words[PV_POLL_MAX];

	/* Decode: the range, the count, the copy, each port. */
	uint64_t bytes = (uint64_t)count * sizeof(words[0]);
	if (bytes > PV_HV_START || !guest_range_ok(ports, (uint32_t)bytes))
		return -PV_EFAULT;
	if (count == 0 || count > PV_POLL_MAX)
		return -PV_EINVAL;
	if (copy_from_guest(words, ports, count * sizeof(words[0])))
		return -PV_EFAULT;
	for (uint32_t i = 0; i < count; i++)
		if (words[i] == 0 || words[i] >= PV_NR_EVENT_PORTS)
			return -PV_EINVAL;

	/* Apply: wait, unless a port is pending already (sched_wake checks). */
	for (uint32_t i = 0; i < count; i++)
		d->poll_ports[i] = (uint16_t)words[i];
	d->poll_count = count;
	sched_block_current();
	sched_wake(d);
	return 0;
}

long hc_sched_op(uint32_t cmd, uint32_t reason, uint32_t code)
{
	switch (cmd) {
	case PV_SCHEDOP_YIELD:
		sched_request_yield();
		return 0;
	case PV_SCHEDOP_BLOCK: {
		/* Unmask and sleep as one step: an event that is already pending makes
		 * this return at once, and the upcall runs on the way out. */
		struct pv_vcpu_info *vcpu = &current->shared->vcpu[0];
		vcpu->upcall_mask = 0;
		if (!vcpu->upcall_pending)
			sched_block_current();
		return 0;
	}
	case PV_SCHEDOP_POLL:
		return sched_op_poll(reason, code);
	case PV_SCHEDOP_SHUTDOWN:
		if (reason > PV_SHUTDOWN_CRASH)
			return -PV_EINVAL;
		domain_shutdown(current, reason, code);
		return 0; /* nobody reads it: the domain is gone */
	default:
		return -PV_EINVAL;
	}
}
