/* trampoline.c: the sliver of hv that stays mapped while a guest runs. */
#include "arch/trampoline.h"

#include "mm/paging.h"

uint32_t tramp_hv_cr3 TRAMP_DATA;
uint32_t tramp_guest_cr3 TRAMP_DATA;

/* The entry stack, in trap_entry.S. */
extern char entry_stack_top[];

/* Maps the 4 MiB at PV_HV_START for guest views: trampoline pages only. */
static uint32_t tramp_l1[PD_ENTRIES] __attribute__((aligned(PAGE_SIZE)));

extern char __tramp_text_start[], __tramp_text_end[];
extern char __tramp_data_start[], __tramp_data_end[];
extern char __tramp_stack_start[], __tramp_stack_end[];

/* Map [start, end) of hv's image at its own address, with flags. */
static void map_range(const char *start, const char *end, uint32_t flags)
{
	for (const char *va = start; va < end; va += PAGE_SIZE) {
		uint32_t index = ((uint32_t)va >> PAGE_SHIFT) & (PD_ENTRIES - 1);
		tramp_l1[index] = virt_to_phys(va) | flags;
	}
}

void tramp_init(void)
{
	map_range(__tramp_text_start, __tramp_text_end, PTE_P);
	map_range(__tramp_data_start, __tramp_data_end, PTE_P);
	map_range(__tramp_stack_start, __tramp_stack_end, PTE_P | PTE_RW);
	tramp_hv_cr3 = virt_to_phys(hv_master_pd);
	tramp_guest_cr3 = tramp_hv_cr3; /* no domain yet */
}

uint32_t tramp_pde(void)
{
	/* RW here lets the stack's PTE decide; supervisor only. */
	return virt_to_phys(tramp_l1) | PDE_P | PDE_RW;
}

void tramp_set_guest_cr3(uint32_t guest_cr3)
{
	tramp_guest_cr3 = guest_cr3;
}

uint32_t tramp_entry_stack_top(void)
{
	return (uint32_t)entry_stack_top;
}
