/* desc_check_hook.h: which function validates descriptor-table frames.
 * Until guest descriptor tables exist, none does, and every frame is refused. */
#ifndef HV_MM_DESC_CHECK_HOOK_H
#define HV_MM_DESC_CHECK_HOOK_H

#define DESC_FRAME_CHECK 0

#endif
