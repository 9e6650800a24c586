/* sched_op.c: a domain giving up the CPU, for a while or for good. */
#include <pv/abi_gen.h>

#include "dom/domain.h"
#include "dom/sched.h"
#include "hc/hc_handlers.h"

long hc_sched_op(uint32_t cmd, uint32_t reason, uint32_t code)
{
	switch (cmd) {
	case PV_SCHEDOP_YIELD:
		sched_request_yield();
		return 0;
	case PV_SCHEDOP_SHUTDOWN:
		if (reason > PV_SHUTDOWN_CRASH)
			return -PV_EINVAL;
		domain_shutdown(current, reason, code);
		return 0; /* nobody reads it: the domain is gone */
	default:
		return -PV_EINVAL;
	}
}
