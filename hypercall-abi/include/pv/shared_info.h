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

/* Time, published by hv so that a torn read is detected: hv makes version odd,
 * writes the fields, then makes it even again. A reader reads version, the fields,
 * and version again, and retries if the two differ or the first was odd. */
struct pv_time_info {
	uint32_t version;
	uint32_t _pad0;
	uint64_t system_time_ns; /* nanoseconds since hv booted */
	uint64_t wallclock_sec;	 /* seconds since 1970 at system time 0 (from the RTC) */
	uint32_t wallclock_nsec;
	uint32_t _pad1;
};
PV_ASSERT_SIZE(struct pv_time_info, 32);
PV_ASSERT_OFFSET(struct pv_time_info, system_time_ns, 8);
PV_ASSERT_OFFSET(struct pv_time_info, wallclock_sec, 16);

struct pv_shared_info {
	struct pv_vcpu_info vcpu[PV_MAX_VCPUS];
	/* Event channels: a port's pending bit is set by hv when an event arrives, and
	 * cleared by the guest; its mask bit is the guest's, to silence the port. */
	uint32_t evtchn_pending[PV_NR_EVENT_PORTS / 32];
	uint32_t evtchn_mask[PV_NR_EVENT_PORTS / 32];
	struct pv_time_info time;
};
PV_ASSERT_SIZE(struct pv_shared_info, 304);
PV_ASSERT_OFFSET(struct pv_shared_info, evtchn_pending, 16);
PV_ASSERT_OFFSET(struct pv_shared_info, evtchn_mask, 144);
PV_ASSERT_OFFSET(struct pv_shared_info, time, 272);

#endif
