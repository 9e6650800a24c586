/* uaccess.c: reading and writing user memory, every pointer checked in one place. */
#include "uaccess.h"

#include <errno.h>
#include <pv/layout.h>
#include <string.h>

int copy_from_user(const struct vm *vm, void *dst, uint32_t src, uint32_t len)
{
	if (!vm_user_range_ok(vm, src, len, false))
		return -EFAULT;
	memcpy(dst, (const void *)src, len);
	return 0;
}

int copy_to_user(const struct vm *vm, uint32_t dst, const void *src, uint32_t len)
{
	if (!vm_user_range_ok(vm, dst, len, true))
		return -EFAULT;
	memcpy((void *)dst, src, len);
	return 0;
}

int fetch_user_string(const struct vm *vm, char *dst, uint32_t src, uint32_t size)
{
	for (uint32_t i = 0; i < size; i++) {
		/* Check each page once, at its first byte. */
		if ((i == 0 || (src + i) % PV_PAGE_SIZE == 0) &&
		    !vm_user_range_ok(vm, src + i, 1, false))
			return -EFAULT;
		dst[i] = ((const char *)src)[i];
		if (!dst[i])
			return (int)i;
	}
	return -ENAMETOOLONG;
}
