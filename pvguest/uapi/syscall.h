/* syscall.h: pvguest's system-call ABI, shared by the kernel and its user programs.
 *
 * A user program (ring 3) calls the kernel (ring 1) with `int $0x80`:
 *
 *   EAX = the SYS_* number, EBX ECX EDX = arguments 1..3.
 *   Result in EAX: >= 0 on success, or a negative errno (newlib's <errno.h> values,
 *   so user code can set errno = -result). Every other register is preserved.
 *
 * Processes are preempted: on every timer tick (each 10 ms of system time) the
 * one running goes to the back of the queue, even from the middle of a loop that
 * makes no system call, so that no program can starve the others.
 *
 * Every process's address space:
 *
 *   0xFFFFFFFF +--------------------------+
 *              | hv                       |
 *   0xFC000000 +--------------------------+ PV_HV_START
 *              | kernel (supervisor-only, |  the very same L1s in every process
 *              | shared by every process) |
 *   0xC0000000 +--------------------------+ USER_TOP = USER_STACK_TOP = virt_base
 *              | user stack (16 KiB)      |  argc, argv[], NULL, the strings at the top
 *              +--------------------------+
 *              |          ...             |
 *   0x40000000 +--------------------------+ USER_HEAP_LIMIT
 *              | heap, grows with sbrk    |
 *   0x10000000 +--------------------------+ USER_HEAP_BASE
 *              | program image (ELF)      |  linked at USER_IMAGE_BASE (user/user.ld)
 *   0x08048000 +--------------------------+ USER_IMAGE_BASE
 *              | unmapped: null pointers  |
 *   0x00000000 +--------------------------+
 */
#ifndef PVGUEST_UAPI_SYSCALL_H
#define PVGUEST_UAPI_SYSCALL_H

#define SYSCALL_VECTOR 0x80

#define SYS_EXIT 0     /* exit(status): end the caller; the parent's wait gets status & 0xFF */
#define SYS_WRITE 1    /* write(fd, buf, len) -> len; fd 1 and 2 are the console */
#define SYS_GETPID 2   /* getpid() -> the caller's pid */
#define SYS_SBRK 3     /* sbrk(increment) -> the old break; new memory reads as zero */
#define SYS_SPAWN 4    /* spawn(name) -> the pid of a new child running program name */
#define SYS_WAIT 5     /* wait(pid) -> the exit status of child pid, once it has ended */
#define SYS_YIELD 6    /* yield() -> 0, after every other runnable process had its turn */
#define SYS_KILL 7     /* kill(pid) -> 0: end child pid now; its wait() gets KILL_STATUS */
#define SYS_SLEEP_MS 8 /* sleep_ms(ms) -> 0, after at least ms milliseconds of system time */
#define SYS_UPTIME 9   /* uptime(&ns) -> 0; the uint64_t ns := nanoseconds since hv booted */
#define SYS_COUNT 10

/* The status wait() reports for a process the kernel killed: 128 + the trap
 * vector (141 for a #GP, 142 for a #PF), as a Unix shell reports a signal. */
#define KILLED_STATUS(vector) (128 + (vector))

/* The status of a process ended by kill(): 137, what a shell reports for SIGKILL
 * (9). No trap gives it: vector 9 (coprocessor segment overrun) is raised by no
 * CPU after the 386, and pvguest has no handler for it. */
#define KILL_STATUS KILLED_STATUS(9)

#define USER_IMAGE_BASE 0x08048000u
#define USER_HEAP_BASE 0x10000000u
#define USER_HEAP_LIMIT 0x40000000u
#define USER_TOP 0xC0000000u
#define USER_STACK_TOP USER_TOP
#define USER_STACK_PAGES 4u

#define PROGRAM_NAME_MAX 16 /* including the NUL */

#endif
