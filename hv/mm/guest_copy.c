/* guest_copy.c: the only way hv reads or writes memory named by a guest. */
#include "mm/guest_copy.h"

#include <pv/abi_gen.h>

#include "mm/guest_range.h"

int copy_from_guest(void *dst, guest_addr_t src, uint32_t len)
{
	if (!guest_range_ok(src, len))
		return -PV_EFAULT;
	return copy_raw(dst, (const void *)src, len) ? -PV_EFAULT : 0;
}

int copy_to_guest(guest_addr_t dst, const void *src, uint32_t len)
{
	if (!guest_range_ok(dst, len))
		return -PV_EFAULT;
	return copy_raw((void *)dst, src, len) ? -PV_EFAULT : 0;
}
