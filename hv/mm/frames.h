/* frames.h: the machine frames hv hands out, and who owns each.
 *
 * Invariants:
 *  - A frame is free, or owned by exactly one owner: hv or one domain id.
 *  - Frames below 1 MiB, hv's image, the multiboot information and every module
 *    are never free: they are reserved before the first allocation.
 *  - Only frames below HV_DIRECTMAP_LIMIT exist for the allocator, so hv reaches
 *    every allocated frame through its direct map.
 *  - An allocated frame is zeroed, so nothing of a previous owner leaks.
 * The owner of each frame is recorded in the frame table (mm/frame_table.h), which
 * also tracks types, counts and pins for validated paging. */
#ifndef HV_MM_FRAMES_H
#define HV_MM_FRAMES_H

#include <stdint.h>

struct multiboot_info;

#define FRAME_NONE 0xFFFFFFFFu
#define FRAME_OWNER_FREE 0xFFFFu
#define FRAME_OWNER_HV 0u /* domain ids start at 1 */

/* Build the free set from the memory map, minus [reserved_start, reserved_end). */
void frames_init(const struct multiboot_info *mbi, uint32_t reserved_start, uint32_t reserved_end);

/* A zeroed frame for owner, or FRAME_NONE when memory is exhausted. */
uint32_t frame_alloc(uint16_t owner);

/* Return every frame owner holds to the free set; the count freed. */
uint32_t frames_release_owner(uint16_t owner);

uint32_t frames_free_count(void);
uint16_t frame_owner(uint32_t mfn);

#endif
