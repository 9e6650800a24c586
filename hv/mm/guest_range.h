/* guest_range.h: is [addr, addr + len) a range a guest may name?
 *
 * The one arithmetic check in front of every guest pointer. A range is acceptable
 * when it does not wrap past 4 GiB and ends at or below PV_HV_START. Whether it is
 * mapped is found out by touching it (guest_copy.h). Pure C: unit-tested on the host. */
#ifndef HV_MM_GUEST_RANGE_H
#define HV_MM_GUEST_RANGE_H

#include <pv/layout.h>
#include <stdbool.h>
#include <stdint.h>

static inline bool guest_range_ok(uint32_t addr, uint32_t len)
{
	return addr <= PV_HV_START && len <= PV_HV_START - addr;
}

#endif
