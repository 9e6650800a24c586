/* hypercall_page.h: the stubs hv writes into each guest's hypercall page.
 *
 * Slot n (PV_HYPERCALL_SLOT_SIZE bytes at page + n * 32) makes hypercall n with the
 * domain's transport, so guests that call through the page never change when the
 * transport does:
 *
 *   int 0x82:  B8 nn nn nn nn   mov $n, %eax        VMCALL:  B8 nn nn nn nn   mov $n, %eax
 *              CD 82            int $0x82                    0F 01 C1         vmcall
 *              C3               ret                          C3               ret
 *
 * The iret slot is jumped to, not called, and ends in UD2 instead of RET because
 * the iret hypercall never comes back. The rest of each slot is INT3 padding. */
#ifndef HV_HC_HYPERCALL_PAGE_H
#define HV_HC_HYPERCALL_PAGE_H

#include <stdint.h>

#include "dom/domain_config.h"

/* Write the stub for hypercall nr into slot (PV_HYPERCALL_SLOT_SIZE bytes). Pure C. */
void hypercall_slot_encode(uint8_t *slot, uint32_t nr, enum hc_transport transport);

/* Fill a whole page: every one of its slots, whether a hypercall exists there or not
 * (a missing one answers -PV_ENOSYS, like any unknown number). */
void hypercall_page_fill(uint8_t *page, enum hc_transport transport);

#endif
