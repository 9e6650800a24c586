/* console.c: console_io, the guest's way to print before it has drivers.
 *
 * TOUR 10: a handler, decode then apply. Decode checks every argument and copies
 * the guest's buffer into hv once (copy_from_guest); any failure returns an error
 * and changes nothing. Apply, which cannot fail, writes the bytes to the UART. */
#include <pv/abi_gen.h>

#include "dev/uart.h"
#include "hc/hc_handlers.h"
#include "mm/guest_copy.h"
#include "mm/guest_range.h"

long hc_console_io(uint32_t cmd, uint32_t count, guest_addr_t buffer)
{
	static char staging[PV_CONSOLEIO_MAX];

	/* Decode: check the range before the count, then copy everything in once. */
	if (cmd == PV_CONSOLEIO_READ)
		return -PV_ENOSYS;
	if (cmd != PV_CONSOLEIO_WRITE)
		return -PV_EINVAL;
	if (!guest_range_ok(buffer, count))
		return -PV_EFAULT;
	if (count > PV_CONSOLEIO_MAX)
		return -PV_EINVAL;
	if (copy_from_guest(staging, buffer, count))
		return -PV_EFAULT;

	/* Apply: cannot fail. */
	uart_write(staging, count);
	return count;
}
