/* test_dispatch.c: from the guest's registers to the right handler and back.
 *
 * hc_dispatch and the generated hc_table run here on the host, with every hv
 * handler replaced by a recorder: the test proves the number in EAX picks the
 * handler, the arguments arrive in ABI order (EBX ECX EDX ESI EDI), pointer
 * arguments pass unchanged, the result lands in EAX, no other register changes,
 * and numbers without a handler get -PV_ENOSYS. */
#include <criterion/criterion.h>
#include <pv/abi_gen.h>
#include <string.h>

#include "arch/regs.h"
#include "hc/hc_handlers.h"

static struct {
	const char *name;
	uint32_t args[5];
} last;

static long record(const char *name, uint32_t a, uint32_t b, uint32_t c)
{
	last.name = name;
	last.args[0] = a;
	last.args[1] = b;
	last.args[2] = c;
	return 0x1234;
}

long hc_version(uint32_t cmd)
{
	return record("version", cmd, 0, 0);
}
long hc_console_io(uint32_t cmd, uint32_t count, guest_addr_t buffer)
{
	return record("console_io", cmd, count, buffer);
}
long hc_set_trap_table(guest_addr_t table, uint32_t count)
{
	return record("set_trap_table", table, count, 0);
}
long hc_store_idt(guest_addr_t out)
{
	return record("store_idt", out, 0, 0);
}
long hc_stack_switch(uint32_t ss, uint32_t esp)
{
	return record("stack_switch", ss, esp, 0);
}
long hc_iret(void)
{
	return record("iret", 0, 0, 0);
}
long hc_sched_op(uint32_t cmd, uint32_t reason, uint32_t code)
{
	return record("sched_op", cmd, reason, code);
}
long hc_mmu_update(guest_addr_t reqs, uint32_t count, guest_addr_t done)
{
	return record("mmu_update", reqs, count, done);
}
long hc_update_va_mapping(uint32_t va, uint32_t val, uint32_t flags)
{
	return record("update_va_mapping", va, val, flags);
}
long hc_mmuext_op(guest_addr_t ops, uint32_t count, guest_addr_t done)
{
	return record("mmuext_op", ops, count, done);
}
long hc_set_gdt(guest_addr_t frames, uint32_t entries)
{
	return record("set_gdt", frames, entries, 0);
}
long hc_update_descriptor(uint32_t maddr, uint32_t lo, uint32_t hi)
{
	return record("update_descriptor", maddr, lo, hi);
}
long hc_evtchn_op(uint32_t cmd, uint32_t a1, uint32_t a2)
{
	return record("evtchn_op", cmd, a1, a2);
}
long hc_set_callbacks(uint32_t event_address, uint32_t failsafe_address)
{
	return record("set_callbacks", event_address, failsafe_address, 0);
}
long hc_set_timer_op(uint32_t deadline_lo, uint32_t deadline_hi)
{
	return record("set_timer_op", deadline_lo, deadline_hi, 0);
}

static struct cpu_regs call(uint32_t nr)
{
	struct cpu_regs r;
	memset(&r, 0x5A, sizeof(r));
	r.eax = nr;
	r.ebx = 0x11111111;
	r.ecx = 0x22222222;
	r.edx = 0x33333333;
	r.esi = 0x44444444;
	r.edi = 0x55555555;
	memset(&last, 0, sizeof(last));
	hc_dispatch(&r);
	return r;
}

Test(dispatch, number_selects_the_handler_and_result_lands_in_eax)
{
	struct {
		uint32_t nr;
		const char *name;
	} calls[] = { { PV_HC_VERSION, "version" },
		      { PV_HC_CONSOLE_IO, "console_io" },
		      { PV_HC_SET_TRAP_TABLE, "set_trap_table" },
		      { PV_HC_STORE_IDT, "store_idt" },
		      { PV_HC_STACK_SWITCH, "stack_switch" },
		      { PV_HC_IRET, "iret" },
		      { PV_HC_SCHED_OP, "sched_op" },
		      { PV_HC_MMU_UPDATE, "mmu_update" },
		      { PV_HC_UPDATE_VA_MAPPING, "update_va_mapping" },
		      { PV_HC_MMUEXT_OP, "mmuext_op" },
		      { PV_HC_SET_GDT, "set_gdt" },
		      { PV_HC_UPDATE_DESCRIPTOR, "update_descriptor" },
		      { PV_HC_EVTCHN_OP, "evtchn_op" },
		      { PV_HC_SET_CALLBACKS, "set_callbacks" },
		      { PV_HC_SET_TIMER_OP, "set_timer_op" } };
	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		struct cpu_regs r = call(calls[i].nr);
		cr_assert_str_eq(last.name, calls[i].name);
		cr_assert_eq(r.eax, 0x1234);
	}
}

Test(dispatch, arguments_arrive_in_abi_order)
{
	call(PV_HC_SCHED_OP);
	cr_assert_eq(last.args[0], 0x11111111, "arg 1 is EBX");
	cr_assert_eq(last.args[1], 0x22222222, "arg 2 is ECX");
	cr_assert_eq(last.args[2], 0x33333333, "arg 3 is EDX");
	call(PV_HC_CONSOLE_IO);
	cr_assert_eq(last.args[2], 0x33333333, "a pointer argument passes unchanged");
}

Test(dispatch, only_eax_changes)
{
	struct cpu_regs before;
	memset(&before, 0x5A, sizeof(before));
	struct cpu_regs r = call(PV_HC_VERSION);
	cr_assert_eq(r.ebx, 0x11111111);
	cr_assert_eq(r.edi, 0x55555555);
	cr_assert_eq(r.eip, before.eip);
	cr_assert_eq(r.eflags, before.eflags);
	cr_assert_eq(r.esp, before.esp);
}

Test(dispatch, unknown_numbers_are_enosys)
{
	const uint32_t unknown[] = { PV_HC_COUNT, 100, 127, 128, 0x80000000u, 0xFFFFFFFFu };
	for (unsigned i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		struct cpu_regs r = call(unknown[i]);
		cr_assert_null(last.name, "no handler may run for %x", unknown[i]);
		cr_assert_eq((int32_t)r.eax, -PV_ENOSYS);
	}
}
