/* user.S: the user code that faults in ring 3 (the trip there and back is the
 * framework's test_run_user). */
#include <pv/layout.h>

	.text
/* User code: each runs in ring 3 and faults on its first instruction. */
	.globl user_ud2
user_ud2:
	ud2

	.globl user_store
user_store:
	movl $0, 0x1000

	.section .note.GNU-stack, "", @progbits
