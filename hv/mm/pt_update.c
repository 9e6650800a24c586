/* pt_update.c: changing one entry of a validated page table. Pure C. */
#include "mm/pt_update.h"

#include <pv/abi_gen.h>
#include <pv/mm.h>

int pt_update_entry(struct frame_table *ft, uint16_t owner, uint32_t maddr, uint32_t val)
{
	uint32_t mfn = maddr >> 12, index = (maddr & 0xFFF) >> 2;
	if (mfn >= ft->nr_frames || ft->info[mfn].owner != owner)
		return -PV_EPERM;
	const struct frame_info *fi = &ft->info[mfn];
	if (fi->type_count == 0 || (fi->type != FT_L1 && fi->type != FT_L2))
		return -PV_EINVAL;
	if (fi->type == FT_L2 && index >= FT_FIRST_HV_SLOT)
		return -PV_EPERM;

	uint32_t *entry = &ft->words(mfn)[index];
	uint32_t old = *entry;
	int err = fi->type == FT_L1 ? ft_get_l1e(ft, val, owner) : ft_get_l2e(ft, val, owner);
	if (err)
		return err;
	*entry = val;
	if (ft->info[mfn].type == FT_L1)
		ft_put_l1e(ft, old);
	else
		ft_put_l2e(ft, old);
	return 0;
}

uint32_t pt_l1e_address(struct frame_table *ft, uint32_t l2_mfn, uint32_t va)
{
	if (va >> 22 >= FT_FIRST_HV_SLOT || l2_mfn >= ft->nr_frames)
		return 0;
	uint32_t l2e = ft->words(l2_mfn)[va >> 22];
	if (!(l2e & PV_PTE_P))
		return 0;
	return (l2e & PV_PTE_FRAME) + ((va >> 12) & 0x3FF) * 4;
}
