/* domain_config.h: what a module's command line asks of the domain builder.
 *
 * Each multiboot module carries a command line such as
 *
 *   build/x/guest.elf name=foo mem=8M hypercall=vmcall console=hvc0
 *
 * The first word, when it has no '=', is the module's path. Seven keys belong to hv:
 *
 *   name=NAME           1..31 of [A-Za-z0-9_.-]; default: the path's basename
 *                       without its last extension, or "domain" with no path
 *   mem=SIZE            bytes, or with a K or M suffix (k and m also accepted);
 *                       whole pages, 1 MiB .. 48 MiB; default 4 MiB
 *   hypercall=int|vmcall the transport the hypercall page uses; default int
 *   fasttrap=on|off     let a guest's INT 0x80 handler be entered directly from
 *                       ring 3 without passing through hv (arch/fast_trap.h);
 *                       default on
 *   weight=N            1..65535, default 256: the length of its turns on the CPU
 *                       relative to others (dom/sched.h)
 *   expect=finish       the run is judged by this domain: once every such domain
 *                       has ended, hv destroys the rest, and QEMU's status is clean
 *                       only if all of them finished cleanly
 *   emulate=0|1         teaching only: 1 makes hv emulate the guest kernel's CLI
 *                       and STI on its virtual IF when they raise #GP, the
 *                       lecture's trap-and-emulate (arch/emulate_cli.h); default 0,
 *                       where they stay #GP, reflected to the guest
 *
 * Every other word belongs to the guest: hv ignores it here and passes the whole
 * line on in start_info.cmdline. Giving one of hv's keys twice is an error. */
#ifndef HV_DOM_DOMAIN_CONFIG_H
#define HV_DOM_DOMAIN_CONFIG_H

#include <stdint.h>

#define DOMAIN_NAME_MAX 31
#define DOMAIN_CMDLINE_MAX 255 /* characters, so the line and its NUL fit PV_CMDLINE_MAX */

#define DOMAIN_MEM_DEFAULT_PAGES 1024u /* 4 MiB */
#define DOMAIN_MEM_MIN_BYTES (1u << 20)
#define DOMAIN_MEM_MAX_BYTES (48u << 20)

enum hc_transport {
	HC_TRANSPORT_INT82 = 0,
	HC_TRANSPORT_VMCALL = 1
};

struct domain_config {
	char name[DOMAIN_NAME_MAX + 1]; /* NUL-terminated, NUL-padded */
	uint32_t mem_pages;		/* default 1024 (4 MiB) */
	enum hc_transport transport;	/* default INT82 */
	uint32_t fast_trap;		/* 1 (default) or 0 */
	uint32_t weight;		/* 1..65535, default 256: its share of the CPU */
	uint32_t expect_finish;		/* 1 if it must end cleanly (expect=finish) */
	uint32_t emulate_cli;		/* 1: emulate CLI/STI on #GP (emulate=1); default 0 */
};

/* Parse a module command line into *out. cmdline may be NULL (an empty line). At
 * most DOMAIN_CMDLINE_MAX + 1 bytes of it are ever read, so an unterminated string is
 * safe as long as that many bytes are readable. Return NULL on success, or a short
 * static reason and leave *out untouched. */
const char *domain_config_parse(const char *cmdline, struct domain_config *out);

#endif
