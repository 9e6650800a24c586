/* hostile-no-handler: a fault with no handler registered kills only its domain.
 *
 * Attack: the guest first registers a handler for every vector, then empties its
 * virtual IDT with set_trap_table(NULL, 0), and executes ud2. hv has nowhere to
 * deliver the #UD; a hypervisor that delivered it anyway (to the stale handler or
 * to address 0) or panicked would let one guest break the machine.
 *
 * Expected: hv kills this domain with "no handler registered for vector 6 (#UD)"
 * and the witness domain after it still runs and prints the only result line. If
 * this guest ever gets past the ud2, it prints a FAILURE line of its own, and the
 * run then has two result lines, which the runner counts as a failure. */
#include "test.h"

int main(void)
{
	test_traps_catch_all(); /* a handler for #UD that emptying must remove */
	long r = hv_set_trap_table(0, 0);
	TEST_EQ(r, 0, "set_trap_table(NULL, 0) empties the table");

	__asm__ volatile("ud2");

	test_check(0, "the guest survived ud2 with an empty trap table");
	test_finish();
}
