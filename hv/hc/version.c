/* version.c: the version hypercall, the ABI's handshake and its null call. */
#include <pv/abi_gen.h>

#include "hc/hc_handlers.h"

long hc_version(uint32_t cmd)
{
	switch (cmd) {
	case PV_VERSION_ABI:
		return PV_ABI_VERSION;
	case PV_VERSION_FEATURES:
		return PV_FEAT_INT82 | PV_FEAT_VMCALL | PV_FEAT_HYPERCALL_PAGE |
		       PV_FEAT_DIRECT_PAGING | PV_FEAT_GUEST_GDT | PV_FEAT_EVENTS | PV_FEAT_TIMERS;
	default:
		return -PV_EINVAL;
	}
}
