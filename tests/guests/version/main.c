/* version: the version hypercall reports the ABI this guest was built against.
 *
 * Property: version(PV_VERSION_ABI) equals the PV_ABI_VERSION compiled into the
 * guest and into start_info, version(PV_VERSION_FEATURES) reports all three
 * transports, and an unknown command is -PV_EINVAL. */
#include "test.h"

int main(void)
{
	TEST_EQ(hv_version(PV_VERSION_ABI), PV_ABI_VERSION, "version(ABI)");
	TEST_EQ(pv_start_info->abi_version, PV_ABI_VERSION, "start_info.abi_version");
	uint32_t all = PV_FEAT_INT82 | PV_FEAT_VMCALL | PV_FEAT_HYPERCALL_PAGE |
		       PV_FEAT_DIRECT_PAGING | PV_FEAT_GUEST_GDT | PV_FEAT_EVENTS | PV_FEAT_TIMERS;
	TEST_EQ(hv_version(PV_VERSION_FEATURES), all, "version(FEATURES)");
	TEST_EQ(hv_version(2), -PV_EINVAL, "version(2)");
	TEST_EQ(hv_version(0xFFFFFFFFu), -PV_EINVAL, "version(~0)");
	test_finish();
}
