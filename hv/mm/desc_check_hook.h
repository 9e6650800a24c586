/* desc_check_hook.h: which function validates descriptor-table frames for the
 * frame table (mm/frame_table.h): the set_gdt rules of mm/desc_check.h. */
#ifndef HV_MM_DESC_CHECK_HOOK_H
#define HV_MM_DESC_CHECK_HOOK_H

#include "mm/desc_check.h"

#define DESC_FRAME_CHECK desc_frame_check

#endif
