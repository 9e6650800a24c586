/* trap_table.c: the virtual IDT: set_trap_table, store_idt and stack_switch. */
#include <pv/abi_gen.h>
#include <pv/layout.h>
#include <pv/trap.h>

#include "arch/fast_trap.h"
#include "dom/domain.h"
#include "hc/hc_handlers.h"
#include "hc/trap_table_check.h"
#include "lib/string.h"
#include "mm/guest_copy.h"
#include "mm/guest_range.h"

long hc_set_trap_table(guest_addr_t table, uint32_t count)
{
	static struct pv_trap_info entries[PV_TRAP_TABLE_MAX];

	/* Decode: the range first (as console_io does), then the count, then copy the
	 * whole table in once and validate every entry. */
	uint64_t bytes = (uint64_t)count * sizeof(entries[0]);
	if (bytes > PV_HV_START || !guest_range_ok(table, (uint32_t)bytes))
		return -PV_EFAULT;
	if (count > PV_TRAP_TABLE_MAX)
		return -PV_EINVAL;
	if (copy_from_guest(entries, table, count * sizeof(entries[0])))
		return -PV_EFAULT;
	if (trap_table_check(entries, count))
		return -PV_EINVAL;

	/* Apply: replace the whole virtual IDT. */
	struct domain *d = current;
	memset(d->vidt, 0, sizeof(d->vidt));
	for (uint32_t i = 0; i < count; i++) {
		struct vtrap *vt = &d->vidt[entries[i].vector];
		vt->address = entries[i].address;
		vt->cs = entries[i].cs;
		vt->flags = entries[i].flags;
	}
	d->vidtr.base = count ? table : 0;
	d->vidtr.limit = count ? (uint16_t)(count * sizeof(entries[0]) - 1) : 0;
	fast_trap_sync(d);
	return 0;
}

long hc_store_idt(guest_addr_t out)
{
	const struct pv_desc_ptr idtr = current->vidtr; /* _pad is 0: nothing of hv leaks */
	return copy_to_guest(out, &idtr, sizeof(idtr));
}

long hc_stack_switch(uint32_t ss, uint32_t esp)
{
	if ((ss & 3) == 0)
		ss |= 1;
	if (ss != PV_SEL_KERNEL_DS || esp > PV_HV_START)
		return -PV_EINVAL;
	current->kernel_ss = ss;
	current->kernel_esp = esp;
	fast_trap_sync(current);
	return 0;
}
