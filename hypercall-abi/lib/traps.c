/* traps.c: a C handler per vector, installed as the guest's virtual IDT. */
#include <pv/guest.h>

#define NR_STUBS 33 /* vectors 0..31 and 0x80 */

/* The stub addresses from trap_stubs.S: vectors 0..31, then 0x80. */
extern const uint32_t pv_trap_stubs[NR_STUBS];

static pv_trap_handler handlers[256];
static uint8_t handler_flags[256];
static struct pv_trap_info table[NR_STUBS];
static uint32_t table_count;

static uint32_t stub_address(uint32_t vector)
{
	return pv_trap_stubs[vector == 0x80 ? 32 : vector];
}

long pv_trap_set(uint32_t vector, pv_trap_handler handler, uint8_t flags)
{
	if (vector >= 32 && vector != 0x80)
		return -PV_EINVAL;
	handlers[vector] = handler;
	handler_flags[vector] = flags;
	return 0;
}

long pv_traps_install(void)
{
	table_count = 0;
	for (uint32_t v = 0; v < 256; v++) {
		if (!handlers[v])
			continue;
		table[table_count].vector = (uint8_t)v;
		table[table_count].flags = handler_flags[v];
		table[table_count].cs = PV_SEL_KERNEL_CS;
		table[table_count].address = stub_address(v);
		table_count++;
	}
	return hv_set_trap_table(table, table_count);
}

const struct pv_trap_info *pv_traps_table(uint32_t *count)
{
	*count = table_count;
	return table;
}

/* Called by pv_trap_common for every bounced trap. */
void pv_trap_dispatch(struct pv_trap_regs *regs)
{
	handlers[regs->vector & 0xFF](regs);
}
