/* guest_copy.h: the only way hv reads or writes memory named by a guest.
 *
 * Each helper first checks the range arithmetically (guest_range_ok), then copies
 * through the guest's own page tables, which are the ones loaded while hv handles
 * that guest's trap. A copy that touches an unmapped page, or writes a read-only
 * one (CR0.WP makes that fault even in ring 0), faults inside copy_raw; the fault
 * handler finds the instruction in the exception table and resumes at its fixup,
 * and the helper returns -PV_EFAULT. hv copies guest data in once, into its own
 * buffer, and validates the copy: a guest cannot change a value after hv checked it. */
#ifndef HV_MM_GUEST_COPY_H
#define HV_MM_GUEST_COPY_H

#include <stdint.h>

#include "hc/dispatch.h"

/* Copy len bytes from guest address src to dst. 0, or -PV_EFAULT with dst undefined. */
int copy_from_guest(void *dst, guest_addr_t src, uint32_t len);

/* Copy len bytes from src to guest address dst. 0, or -PV_EFAULT (partly written). */
int copy_to_guest(guest_addr_t dst, const void *src, uint32_t len);

/* The raw copier in copy_raw.S: the number of bytes it could NOT copy. */
uint32_t copy_raw(void *dst, const void *src, uint32_t len);

#endif
