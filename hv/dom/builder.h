/* builder.h: turning one multiboot module into a runnable domain. */
#ifndef HV_DOM_BUILDER_H
#define HV_DOM_BUILDER_H

#include <stdint.h>

struct domain;

/* Build a domain from the guest ELF at image (size bytes, in hv's address space)
 * configured by cmdline. Returns the runnable domain, or NULL with *why set to a
 * one-line reason; a failed build leaves no frame or slot behind. */
struct domain *domain_build(const void *image, uint32_t size, const char *cmdline,
			    const char **why);

#endif
