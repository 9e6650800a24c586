/* types.h: fixed-width types and a compile-time layout check for the public ABI.
 *
 * Every public struct uses these widths, explicit padding and no bitfields, and
 * pins its size and field offsets with PV_ASSERT_LAYOUT so an ABI change is a
 * compile error, not a silent mismatch between hv and a guest. */
#ifndef PV_TYPES_H
#define PV_TYPES_H

#include <stddef.h>
#include <stdint.h>

#define PV_ASSERT_SIZE(type, size) _Static_assert(sizeof(type) == (size), #type " size is ABI")
#define PV_ASSERT_OFFSET(type, field, off) \
	_Static_assert(offsetof(type, field) == (off), #type "." #field " offset is ABI")

#endif
