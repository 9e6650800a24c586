/* cpu.h: the privileged instructions hv itself executes, as inline functions. */
#ifndef HV_ARCH_CPU_H
#define HV_ARCH_CPU_H

#include <stdint.h>

static inline void outb(uint16_t port, uint8_t value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t value;
	__asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline void outl(uint16_t port, uint32_t value)
{
	__asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port));
}

#define DEFINE_CR_ACCESSORS(n)                                                 \
	static inline uint32_t read_cr##n(void)                                \
	{                                                                      \
		uint32_t value;                                                \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(value));          \
		return value;                                                  \
	}                                                                      \
	static inline void write_cr##n(uint32_t value)                         \
	{                                                                      \
		__asm__ volatile("mov %0, %%cr" #n : : "r"(value) : "memory"); \
	}
DEFINE_CR_ACCESSORS(0)
DEFINE_CR_ACCESSORS(2)
DEFINE_CR_ACCESSORS(3)
DEFINE_CR_ACCESSORS(4)
#undef DEFINE_CR_ACCESSORS

static inline void halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

#endif
