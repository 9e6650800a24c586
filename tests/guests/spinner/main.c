/* spinner: a hostile but legal domain: it masks events and spins forever.
 *
 * It is not a test on its own (no test.conf runs it alone): tests start it next
 * to a domain that must still finish, which proves hv preempts it. */
#include "test.h"

int main(void)
{
	pv_events_mask();
	printf("spinner: spinning with events masked\n");
	fflush(stdout);
	for (volatile uint32_t i = 0;; i++)
		;
}
