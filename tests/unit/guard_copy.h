/* guard_copy.h: a read-only copy of some bytes that ends where a guard page begins.
 *
 * Tests of parsers that must never read past their input hand them such a copy:
 * one byte too far, or any write, faults and crashes the test instead of passing
 * silently. */
#ifndef GUARD_COPY_H
#define GUARD_COPY_H

#include <criterion/criterion.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct guard_copy {
	void *map;
	size_t map_size;
	const void *bytes; /* the copy: its last byte is the last readable one */
};

static inline struct guard_copy guard_copy_make(const void *bytes, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t span = (len + page - 1) / page * page;
	uint8_t *map =
		mmap(NULL, span + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cr_assert_neq(map, MAP_FAILED);
	uint8_t *copy = map + span - len;
	memcpy(copy, bytes, len);
	cr_assert_eq(mprotect(map, span, PROT_READ), 0);
	cr_assert_eq(mprotect(map + span, page, PROT_NONE), 0);
	return (struct guard_copy){ map, span + page, copy };
}

static inline void guard_copy_free(struct guard_copy *g)
{
	munmap(g->map, g->map_size);
}

#endif
