/* uaccess.h: reading and writing user memory, every pointer checked in one place.
 *
 * A system call's pointers come from ring 3 and are trusted for nothing. Before
 * the kernel touches user memory, vm_user_range_ok checks that the whole range
 * lies below USER_TOP and is mapped for ring 3 (writable, for a copy out) in the
 * caller's page tables; a pointer into the kernel or into a hole gets -EFAULT
 * instead of a kernel page fault. The kernel is never preempted (a process is
 * switched away only on its way back to ring 3, sched.h) and only the process
 * itself changes its mappings, so nothing can change between check and copy.
 *
 * vm must be the current address space: the copy goes through the user address. */
#ifndef PVGUEST_UACCESS_H
#define PVGUEST_UACCESS_H

#include <stdint.h>

#include "vm.h"

/* Copy len bytes from user address src. 0, or -EFAULT having copied nothing. */
int copy_from_user(const struct vm *vm, void *dst, uint32_t src, uint32_t len);

/* Copy len bytes to user address dst. 0, or -EFAULT having copied nothing. */
int copy_to_user(const struct vm *vm, uint32_t dst, const void *src, uint32_t len);

/* Copy the NUL-terminated string at user address src into dst[size]. Its length,
 * or -EFAULT (an unmapped byte before the NUL), or -ENAMETOOLONG (no NUL within
 * size - 1 bytes). */
int fetch_user_string(const struct vm *vm, char *dst, uint32_t src, uint32_t size);

#endif
