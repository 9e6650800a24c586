/* events_stubs.c: placeholders for hypercalls whose handlers are being written.
 * Each answers -PV_ENOSYS, the ABI's "not implemented yet". */
#include <pv/abi_gen.h>

#include "hc/hc_handlers.h"

long hc_evtchn_op(uint32_t cmd, uint32_t a1, uint32_t a2)
{
	return -PV_ENOSYS;
}

long hc_set_callbacks(uint32_t event_address, uint32_t failsafe_address)
{
	return -PV_ENOSYS;
}

long hc_set_timer_op(uint32_t deadline_lo, uint32_t deadline_hi)
{
	return -PV_ENOSYS;
}
