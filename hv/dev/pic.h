/* pic.h: the legacy 8259 interrupt controllers. */
#ifndef HV_DEV_PIC_H
#define HV_DEV_PIC_H

/* Move IRQs 0-15 to vectors 0x20-0x2F, clear of the exceptions, and mask them all.
 * Nothing in hv takes a device interrupt yet; timers come with the scheduler. */
void pic_init(void);

#endif
