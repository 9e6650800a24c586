/* abi.h: everything a guest needs to talk to hv, in one include.
 *
 * A toy OS that links libhypercall.a includes <pv/hypercalls.h> (which includes
 * this) and gets the ABI constants, the public structs and typed wrappers. */
#ifndef PV_ABI_H
#define PV_ABI_H

#include "abi_gen.h"
#include "elfnote.h"
#include "hypercall_raw.h"
#include "layout.h"
#include "mm.h"
#include "shared_info.h"
#include "start_info.h"
#include "trap.h"
#include "types.h"

#endif
