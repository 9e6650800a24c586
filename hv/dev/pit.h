/* pit.h: the 8254 programmable interval timer, hv's clock tick.
 *
 * Channel 0 interrupts HZ times a second on IRQ 0 (vector 0x20). The PIT is the
 * choice because QEMU's TCG models it exactly in virtual time and it needs no
 * calibration; its price is a resolution of one tick (1 ms), which is what the
 * time hv publishes and the one-shot timers it offers are accurate to. */
#ifndef HV_DEV_PIT_H
#define HV_DEV_PIT_H

#include <stdint.h>

#define HZ 1000u
#define NS_PER_TICK (1000000000u / HZ)

/* Start the periodic tick and unmask IRQ 0. */
void pit_init(void);

/* Acknowledge an IRQ at the interrupt controller (end of interrupt). */
void pic_eoi(uint32_t irq);

#endif
