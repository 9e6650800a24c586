/* shared_info.h: the page hv and a guest both read and write.
 *
 * The virtual interrupt flag lives here. A guest "executes CLI" by storing 1 to
 * vcpu[0].upcall_mask and "STI" by storing 0: a plain memory write, no trap. hv
 * reads the mask before it would deliver an event. upcall_pending says an event is
 * waiting. The protocol a guest follows when it unmasks (store mask = 0, then check
 * pending, then ask hv to deliver) is in docs/abi.md.
 *
 * hv writes cr2 right before it bounces a page fault, so a handler reads the
 * faulting address here instead of executing MOV from CR2. */
#ifndef PV_SHARED_INFO_H
#define PV_SHARED_INFO_H

#include "types.h"

#define PV_MAX_VCPUS 1u
#define PV_NR_EVENT_PORTS 1024u

struct pv_vcpu_info {
	uint8_t upcall_pending; /* an event waits for delivery */
	uint8_t upcall_mask;	/* the virtual IF, inverted: 1 = events masked */
	uint16_t _pad0;
	uint32_t cr2; /* faulting address of the last bounced page fault */
	uint32_t _pad1[2];
};
PV_ASSERT_SIZE(struct pv_vcpu_info, 16);
PV_ASSERT_OFFSET(struct pv_vcpu_info, upcall_mask, 1);
PV_ASSERT_OFFSET(struct pv_vcpu_info, cr2, 4);

struct pv_shared_info {
	struct pv_vcpu_info vcpu[PV_MAX_VCPUS];
	uint32_t evtchn_pending[PV_NR_EVENT_PORTS / 32]; /* event channels: a later ABI */
	uint32_t evtchn_mask[PV_NR_EVENT_PORTS / 32];
};
PV_ASSERT_SIZE(struct pv_shared_info, 272);
PV_ASSERT_OFFSET(struct pv_shared_info, evtchn_pending, 16);
PV_ASSERT_OFFSET(struct pv_shared_info, evtchn_mask, 144);

#endif
