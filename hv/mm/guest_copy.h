/* guest_copy.h: the only way hv reads or writes memory named by a guest.
 *
 * TOUR 11: how hv touches guest memory.
 * Each helper first checks the range arithmetically (guest_range_ok), then walks
 * the current domain's page tables in software (guest_walk.h) for every page of
 * the range, and only if every page is there (and writable, for a copy to the
 * guest) copies through hv's direct map. So a copy is all or nothing: a range
 * with one bad page leaves both sides untouched. hv copies guest data in once,
 * into its own buffer, and validates the copy: a guest cannot change a value
 * after hv checked it. */
#ifndef HV_MM_GUEST_COPY_H
#define HV_MM_GUEST_COPY_H

#include <stdint.h>

#include "hc/dispatch.h"

/* Copy len bytes from guest address src to dst. 0, or -PV_EFAULT with dst untouched. */
int copy_from_guest(void *dst, guest_addr_t src, uint32_t len);

/* Copy len bytes from src to guest address dst. 0, or -PV_EFAULT with nothing written. */
int copy_to_guest(guest_addr_t dst, const void *src, uint32_t len);

#endif
