/* test.h: the tiny framework every in-guest test uses (XTF style).
 *
 * A test guest proves one property. It calls test_check() for each fact, then
 * test_finish(), which prints exactly one line
 *
 *     Test result: SUCCESS        (or FAILURE, ERROR, SKIP)
 *
 * and shuts the domain down: exit code 0 for SUCCESS and SKIP, 1 otherwise, so hv
 * reports a failed domain and QEMU's status shows it too. The runner
 * (tests/run-guests.sh) checks the line, the status and any hv lines the test's
 * test.conf expects.
 *
 * Expected traps: test_traps_catch_all() registers a recording handler for every
 * vector 0..31. TEST_EXPECT_TRAP(asm) runs one instruction sequence, and if it
 * traps, the handler records what hv delivered in test_trap and resumes right
 * after the sequence. */
#ifndef TEST_H
#define TEST_H

#include <pv/guest.h>
#include <stdio.h>

/* Record a fact; on failure print why (printf format) and remember it. */
void test_check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A fact about two integers, printed with both values when it fails. Each
 * argument is evaluated exactly once, so `actual` may be a hypercall. */
#define TEST_EQ(actual, expected, what)                                                       \
	do {                                                                                  \
		long actual_ = (long)(actual), expected_ = (long)(expected);                  \
		test_check(actual_ == expected_, "%s: got %ld (0x%lx), expected %ld (0x%lx)", \
			   (what), actual_, (unsigned long)actual_, expected_,                \
			   (unsigned long)expected_);                                         \
	} while (0)

/* Run ring-3 code at eip with stack esp (after hv_stack_switch gave the kernel a
 * stack). It returns when a trap handler calls test_resume_ring1() (user_trip.S). */
void test_run_user(uint32_t eip, uint32_t esp);

/* In a trap handler: resume ring 1 where test_run_user was called. */
void test_resume_ring1(struct pv_trap_regs *regs);

/* Whether the module command line holds the word "case=name": one guest, several
 * test.conf variants. */
int test_case_is(const char *name);

/* How many checks have failed so far (for a domain that reports by exit code). */
unsigned test_failure_count(void);

/* Print the single result line and shut down. */
__attribute__((noreturn)) void test_finish(void);
/* The test could not run its checks for a reason outside the property: ERROR. */
__attribute__((noreturn)) void test_error(const char *why);
/* The property does not apply here: SKIP. */
__attribute__((noreturn)) void test_skip(const char *why);

/* What the recording trap handler saw last. */
struct test_trap {
	volatile uint32_t count; /* traps caught so far */
	volatile uint32_t vector, error_code, eip, cs, eflags, esp, ss, cr2;
};
extern struct test_trap test_trap;
/* Where the recording handler resumes: set by TEST_EXPECT_TRAP. */
extern volatile uint32_t test_resume_eip;

/* Register the recording handler for vectors 0..31 and install them. */
void test_traps_catch_all(void);

/* The recording handler itself, for pv_trap_set on other vectors (e.g. 0x80). */
void test_record_trap(struct pv_trap_regs *regs);

/* Run the instructions in asm_text; if they trap, resume just after them. The
 * trap (if any) is in test_trap; compare test_trap.count before and after. */
#define TEST_EXPECT_TRAP(asm_text, ...)                                      \
	__asm__ volatile("movl $1f, test_resume_eip\n\t" asm_text "\n1:\n\t" \
			 "movl $0, test_resume_eip" __VA_ARGS__)

#endif
