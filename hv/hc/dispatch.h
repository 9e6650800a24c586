/* dispatch.h: from a trapped hypercall to its handler.
 *
 * Both transports end here: the int 0x82 gate and a VMCALL that hv decoded from #UD.
 * hc_dispatch() reads the number from EAX and the arguments from EBX..EDI of the
 * saved guest frame, calls the handler through hc_table (generated from
 * hypercall-abi/hypercalls.def into hc_table.c) and stores the result in EAX. */
#ifndef HV_HC_DISPATCH_H
#define HV_HC_DISPATCH_H

#include <stdint.h>

struct cpu_regs;

/* A guest virtual address. hv never dereferences one directly: only guest_copy.h. */
typedef uint32_t guest_addr_t;

/* The argument registers of one hypercall, in ABI order: EBX ECX EDX ESI EDI. */
struct hc_args {
	uint32_t arg[5];
};

/* One row of the dispatch table. */
struct hc_entry {
	const char *name;
	uint32_t nargs;
	long (*call)(const struct hc_args *args);
};

extern const struct hc_entry hc_table[];

/* Run the hypercall the guest frame asks for and put the result in its EAX. */
void hc_dispatch(struct cpu_regs *regs);

#endif
