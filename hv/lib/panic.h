/* panic.h: hv's last words, for states that mean hv itself is broken.
 *
 * A guest can never cause a panic: anything a guest does wrong is an error code or
 * the end of that guest. panic() prints its reason and exits QEMU with
 * HV_EXIT_PANIC. */
#ifndef HV_LIB_PANIC_H
#define HV_LIB_PANIC_H

__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);

#define HV_ASSERT(cond)                                                                   \
	do {                                                                              \
		if (!(cond))                                                              \
			panic("assertion failed: %s (%s:%d)", #cond, __FILE__, __LINE__); \
	} while (0)

#endif
