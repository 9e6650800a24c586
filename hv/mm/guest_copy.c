/* guest_copy.c: the only way hv reads or writes memory named by a guest. */
#include "mm/guest_copy.h"

#include <pv/abi_gen.h>
#include <stdbool.h>

#include "dom/domain.h"
#include "lib/string.h"
#include "mm/guest_range.h"
#include "mm/guest_walk.h"
#include "mm/paging.h"

static uint32_t read_phys32(uint32_t paddr)
{
	return *(const uint32_t *)phys_to_virt(paddr);
}

static const struct walk_mem direct_map = { read_phys32, HV_DIRECTMAP_LIMIT };

/* The bytes from va to the end of its page, at most len. */
static uint32_t chunk_at(uint32_t va, uint32_t len)
{
	uint32_t room = PAGE_SIZE - (va & (PAGE_SIZE - 1));
	return len < room ? len : room;
}

/* Is every page of [va, va + len) reachable in the current domain? */
static bool range_walks(uint32_t va, uint32_t len, bool write)
{
	uint32_t paddr;
	for (uint32_t chunk; len; va += chunk, len -= chunk) {
		chunk = chunk_at(va, len);
		if (!guest_walk(&direct_map, current->cr3, va, write, &paddr))
			return false;
	}
	return true;
}

/* Copy between hv's buffer and guest memory; the range has been checked. */
static void copy_checked(uint8_t *buf, uint32_t va, uint32_t len, bool to_guest);

/* Check and copy [va, va + len). Most copies stay inside one page: one walk. */
static int copy_guest(uint8_t *buf, uint32_t va, uint32_t len, bool to_guest)
{
	uint32_t paddr;
	if (!guest_range_ok(va, len))
		return -PV_EFAULT;
	if (len && chunk_at(va, len) == len) {
		if (!guest_walk(&direct_map, current->cr3, va, to_guest, &paddr))
			return -PV_EFAULT;
		if (to_guest)
			memcpy(phys_to_virt(paddr), buf, len);
		else
			memcpy(buf, phys_to_virt(paddr), len);
		return 0;
	}
	if (!range_walks(va, len, to_guest))
		return -PV_EFAULT;
	copy_checked(buf, va, len, to_guest);
	return 0;
}

static void copy_checked(uint8_t *buf, uint32_t va, uint32_t len, bool to_guest)
{
	uint32_t paddr;
	for (uint32_t chunk; len; va += chunk, buf += chunk, len -= chunk) {
		chunk = chunk_at(va, len);
		guest_walk(&direct_map, current->cr3, va, to_guest, &paddr);
		if (to_guest)
			memcpy(phys_to_virt(paddr), buf, chunk);
		else
			memcpy(buf, phys_to_virt(paddr), chunk);
	}
}

int copy_from_guest(void *dst, guest_addr_t src, uint32_t len)
{
	return copy_guest(dst, src, len, false);
}

int copy_to_guest(guest_addr_t dst, const void *src, uint32_t len)
{
	return copy_guest((uint8_t *)src, dst, len, true);
}
