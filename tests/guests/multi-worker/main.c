/* multi-worker: a domain that does real work and checks its own answer.
 *
 * One of the workers of `make run-multi`. The command line picks the job
 * (case=primes, case=collatz or case=fib); each computes a value whose right
 * answer is known, prints `<name>: result <value> ok` only if it matches, and
 * exits with a failure otherwise. It makes no hypercall while it computes, so it
 * only gets the CPU if hv's scheduler takes it from the attackers running next to
 * it. */
#include <string.h>

#include "test.h"

/* The expected values are known answers, computed independently of this code. */

/* The number of primes below n (a sieve). */
static uint32_t count_primes(uint32_t n)
{
	static uint8_t composite[200000];
	uint32_t count = 0;
	memset(composite, 0, n);
	for (uint32_t i = 2; i < n; i++) {
		if (composite[i])
			continue;
		count++;
		for (uint32_t j = i * 2; j < n; j += i)
			composite[j] = 1;
	}
	return count;
}

/* The start below n whose Collatz sequence is longest. */
static uint32_t longest_collatz(uint32_t n)
{
	uint32_t best = 1, best_len = 0;
	for (uint32_t start = 1; start < n; start++) {
		uint64_t x = start;
		uint32_t len = 1;
		while (x != 1) {
			x = (x & 1) ? 3 * x + 1 : x / 2;
			len++;
		}
		if (len > best_len) {
			best_len = len;
			best = start;
		}
	}
	return best;
}

/* Fibonacci(n) modulo 1000000007, the slow way. */
static uint32_t fib_mod(uint32_t n)
{
	uint64_t a = 0, b = 1;
	for (uint32_t i = 0; i < n; i++) {
		uint64_t c = (a + b) % 1000000007u;
		a = b;
		b = c;
	}
	return (uint32_t)a;
}

int main(void)
{
	const char *name = "worker";
	uint32_t value, expected;
	if (test_case_is("primes")) {
		name = "primes";
		value = count_primes(200000);
		expected = 17984;
	} else if (test_case_is("collatz")) {
		name = "collatz";
		value = longest_collatz(100000);
		expected = 77031;
	} else if (test_case_is("fib")) {
		name = "fib";
		value = fib_mod(5000000);
		expected = 416450835;
	} else {
		test_error("the command line must say case=primes, case=collatz or case=fib");
	}
	if (value != expected) {
		printf("%s: result %lu WRONG (expected %lu)\n", name, (unsigned long)value,
		       (unsigned long)expected);
		return 1;
	}
	printf("%s: result %lu ok\n", name, (unsigned long)value);
	return 0;
}
