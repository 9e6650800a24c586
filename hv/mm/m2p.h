/* m2p.h: the machine-to-pseudo-physical table, which guests may read.
 *
 * m2p[mfn] is the pfn a domain uses for machine frame mfn, or PV_M2P_INVALID. hv
 * keeps it (the builder fills it, teardown clears it, mmu_update's
 * PV_MMU_MACHPHYS_UPDATE lets a guest change its own entries), and every guest
 * address space maps it read-only at PV_M2P_START, next to the trampoline. */
#ifndef HV_MM_M2P_H
#define HV_MM_M2P_H

#include <stdint.h>

void m2p_init(void);
void m2p_set(uint32_t mfn, uint32_t pfn);

/* The page-directory entry that maps the table into a guest's address space. */
uint32_t m2p_pde(void);

#endif
