/* hostile-mmu-batch: the batch rules of mmu_update and mmuext_op hold at every
 * edge.
 *
 * Attack and expected result:
 *   - count 0: returns 0, *done = 0; count 1: 1, *done = 1;
 *   - count PV_MMU_BATCH_MAX: every request applied; PV_MMU_BATCH_MAX + 1 with a
 *     readable array: -PV_EINVAL, nothing applied;
 *   - counts whose byte size wraps or reaches hv (0x20000000, 0x20000001,
 *     0x80000000, 0xFFFFFFFF): -PV_EFAULT, since the range is checked first;
 *   - a bad request third, and bad requests at indexes 64 and 130 (across hv's
 *     copy-in chunks): the bad request's error (-PV_EPERM) with *done = its index;
 *     the ones before it applied, the ones after it not;
 *   - reqs NULL, in hv, or straddling into an unmapped page; done in hv, read-only
 *     (the page directory), unmapped or straddling: -PV_EFAULT and nothing applied
 *     (a bad argument changes nothing);
 *   - 100 requests of which 70..99 lie in an unmapped page: -PV_EFAULT, and *done
 *     says truthfully how many of the first 70 were applied;
 *   - done NULL is allowed.
 * The same for mmuext_op, whose requests are pins here. */
#include "mmu.h"

#define RW_FLAGS (PV_PTE_P | PV_PTE_RW | PV_PTE_US)
#define SENTINEL 0xD0D0D0D0u
#define WINDOWS 4

/* Pages whose PTEs the batches rewrite, and two frames each gets pointed at. */
static volatile uint32_t *window[WINDOWS];
static uint32_t window_pte[WINDOWS], target[WINDOWS], third[WINDOWS];

/* A request pointing window w at its target frame. */
static struct pv_mmu_update retarget(uint32_t w)
{
	struct pv_mmu_update r = { mmu_pte_maddr((uint32_t)window[w]), target[w] };
	return r;
}

static int window_moved(uint32_t w)
{
	return mmu_pte((uint32_t)window[w]) != window_pte[w];
}

static void windows_restore(void)
{
	for (uint32_t w = 0; w < WINDOWS; w++)
		if (window_moved(w) &&
		    hv_update_va_mapping((uint32_t)window[w], window_pte[w], PV_UVMF_INVLPG) != 0)
			test_error("cannot restore a window");
}

/* One call: expect result and done, and which windows moved (bit w = window w). */
static void expect_batch(const char *what, const struct pv_mmu_update *reqs, uint32_t count,
			 long result, uint32_t done_want, uint32_t moved_want)
{
	uint32_t done = SENTINEL, moved = 0;
	long r = hv_mmu_update(reqs, count, &done);
	for (uint32_t w = 0; w < WINDOWS; w++)
		moved |= (uint32_t)window_moved(w) << w;
	test_check(r == result && done == done_want && moved == moved_want,
		   "%s: got %ld done %lx moved %lx, expected %ld done %lx moved %lx", what, r,
		   (unsigned long)done, (unsigned long)moved, result, (unsigned long)done_want,
		   (unsigned long)moved_want);
	windows_restore();
}

/* A call that fails before doing anything: result, no window moved, and done left
 * alone or 0. */
static void expect_refused(const char *what, const struct pv_mmu_update *reqs, uint32_t count,
			   uint32_t *done, long result)
{
	long r = hv_mmu_update(reqs, count, done);
	int moved = 0;
	for (uint32_t w = 0; w < WINDOWS; w++)
		moved |= window_moved(w);
	test_check(r == result && !moved, "%s: got %ld, windows moved %d; expected %ld", what, r,
		   moved, result);
	windows_restore();
}

static void counts(struct pv_mmu_update *big)
{
	struct pv_mmu_update one = retarget(0);
	expect_batch("count 0", &one, 0, 0, 0, 0);
	expect_batch("count 1", &one, 1, 1, 1, 0x1);

	/* PV_MMU_BATCH_MAX requests, each rewriting window 1's PTE with its own value. */
	for (uint32_t i = 0; i <= PV_MMU_BATCH_MAX; i++)
		big[i] =
			(struct pv_mmu_update){ mmu_pte_maddr((uint32_t)window[1]), window_pte[1] };
	expect_batch("count PV_MMU_BATCH_MAX", big, PV_MMU_BATCH_MAX, PV_MMU_BATCH_MAX,
		     PV_MMU_BATCH_MAX, 0);
	for (uint32_t i = 0; i <= PV_MMU_BATCH_MAX; i++)
		big[i] = retarget(1);
	uint32_t done = SENTINEL;
	expect_refused("count PV_MMU_BATCH_MAX + 1", big, PV_MMU_BATCH_MAX + 1, &done, -PV_EINVAL);
	test_check(done == SENTINEL || done == 0, "count PV_MMU_BATCH_MAX + 1: done = %lx",
		   (unsigned long)done);

	static const uint32_t huge[] = { 0x20000000u, 0x20000001u, 0x80000000u, 0xFFFFFFFFu };
	for (uint32_t i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
		done = SENTINEL;
		char what[40];
		snprintf(what, sizeof(what), "count %08lx", (unsigned long)huge[i]);
		expect_refused(what, big, huge[i], &done, -PV_EFAULT);
		test_check(done == SENTINEL || done == 0, "%s: done = %lx", what,
			   (unsigned long)done);
	}
}

/* Fill reqs[0..count): requests cycle through the windows; those before index
 * split alternate between two frames, those from split on name a third, so each
 * window's final PTE tells which of its requests were applied. */
static void cycle(struct pv_mmu_update *reqs, uint32_t count, uint32_t split)
{
	for (uint32_t i = 0; i < count; i++) {
		uint32_t w = i % WINDOWS;
		reqs[i] = retarget(w);
		if (i >= split)
			reqs[i].val = third[w];
		else if ((i / WINDOWS) % 2)
			reqs[i].val = window_pte[w]; /* back to its own frame */
	}
}

/* Exactly reqs[0..applied) took effect (reqs as cycle() filled them). */
static void check_applied(const char *what, const struct pv_mmu_update *reqs, uint32_t applied)
{
	uint32_t want[WINDOWS];
	for (uint32_t w = 0; w < WINDOWS; w++)
		want[w] = window_pte[w];
	for (uint32_t i = 0; i < applied; i++)
		want[i % WINDOWS] = reqs[i].val;
	for (uint32_t w = 0; w < WINDOWS; w++)
		test_check(mmu_pte((uint32_t)window[w]) == want[w],
			   "%s: window %lu has PTE %08lx, expected %08lx", what, (unsigned long)w,
			   (unsigned long)mmu_pte((uint32_t)window[w]), (unsigned long)want[w]);
	windows_restore();
}

/* A batch of count requests with a bad one (a foreign frame) at index bad. */
static void bad_at(struct pv_mmu_update *reqs, uint32_t count, uint32_t bad)
{
	char what[48];
	snprintf(what, sizeof(what), "a bad request at index %lu of %lu", (unsigned long)bad,
		 (unsigned long)count);
	cycle(reqs, count, bad + 1);
	reqs[bad].val = (MMU_MFN_HV_IMAGE << 12) | RW_FLAGS;
	uint32_t done = SENTINEL;
	long r = hv_mmu_update(reqs, count, &done);
	test_check(r == -PV_EPERM && done == bad, "%s: got %ld done %lu, expected -EPERM done %lu",
		   what, r, (unsigned long)done, (unsigned long)bad);
	check_applied(what, reqs, bad);
}

static void partial(struct pv_mmu_update *reqs)
{
	bad_at(reqs, 4, 2);
	bad_at(reqs, 100, 64);
	bad_at(reqs, 200, 130);
}

static void pointers(struct pv_mmu_update *reqs)
{
	uint32_t done = SENTINEL;
	reqs[0] = retarget(0);
	expect_refused("reqs NULL", 0, 1, &done, -PV_EFAULT);
	expect_refused("reqs at PV_HV_START", (void *)PV_HV_START, 1, &done, -PV_EFAULT);
	expect_refused("reqs at 0xFFFFFFF8", (void *)0xFFFFFFF8u, 1, &done, -PV_EFAULT);

	/* reqs whose second request lies in a page the guest unmapped. */
	uint8_t *two = memalign(PV_PAGE_SIZE, 2 * PV_PAGE_SIZE);
	if (!two)
		test_error("out of heap pages");
	struct pv_mmu_update *edge = (struct pv_mmu_update *)(two + PV_PAGE_SIZE) - 1;
	edge[0] = retarget(0);
	uint32_t hole = (uint32_t)(two + PV_PAGE_SIZE), hole_pte = mmu_pte(hole);
	TEST_EQ(hv_update_va_mapping(hole, 0, PV_UVMF_INVLPG), 0, "unmap a heap page");
	expect_refused("reqs straddling into an unmapped page", edge, 2, &done, -PV_EFAULT);
	/* The same past hv's first copy-in chunk: whatever hv applied, done says so. */
	struct pv_mmu_update *far = (struct pv_mmu_update *)hole - 70;
	cycle(far, 70, 70);
	done = SENTINEL;
	long r = hv_mmu_update(far, 100, &done);
	test_check(r == -PV_EFAULT && done <= 70,
		   "reqs 70..99 in an unmapped page: got %ld done %lu, expected -EFAULT done <= 70",
		   r, (unsigned long)done);
	check_applied("reqs 70..99 in an unmapped page", far, done <= 70 ? done : 0);
	printf("hostile-mmu-batch: a batch reaching an unmapped page at 70 applied %lu\n",
	       (unsigned long)done);

	expect_refused("done at PV_HV_START", reqs, 1, (uint32_t *)PV_HV_START, -PV_EFAULT);
	expect_refused("done in the read-only page directory", reqs, 1,
		       (uint32_t *)pv_start_info->pt_base, -PV_EFAULT);
	expect_refused("done straddling into an unmapped page", reqs, 1, (uint32_t *)(hole - 2),
		       -PV_EFAULT);
	expect_refused("done in an unmapped page", reqs, 1, (uint32_t *)hole, -PV_EFAULT);
	TEST_EQ(hv_update_va_mapping(hole, hole_pte, PV_UVMF_INVLPG), 0, "remap the heap page");

	TEST_EQ(hv_mmu_update(reqs, 1, 0), 1, "done NULL");
	test_check(window_moved(0), "done NULL: the request was not applied");
	windows_restore();
}

/* mmuext_op: the same rules, with pins. */
static void mmuext(void)
{
	uint32_t *l1[4];
	struct pv_mmuext_op ops[4];
	for (uint32_t i = 0; i < 4; i++) {
		l1[i] = mmu_page_alloc();
		if (mmu_set_readonly(l1[i]) != 0)
			test_error("cannot make a heap page read-only");
		ops[i] = (struct pv_mmuext_op){ PV_MMUEXT_PIN_L1, mmu_mfn_of(l1[i]) };
	}
	ops[2].arg = MMU_MFN_HV_IMAGE;
	uint32_t done = SENTINEL;
	TEST_EQ(hv_mmuext_op(ops, 0, &done), 0, "mmuext_op count 0");
	TEST_EQ(done, 0, "mmuext_op count 0: done");
	TEST_EQ(hv_mmuext_op(ops, 4, &done), -PV_EPERM, "mmuext_op with a bad third pin");
	TEST_EQ(done, 2, "mmuext_op with a bad third pin: done");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mmu_mfn_of(l1[0])), 1, "the first pin was applied");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mmu_mfn_of(l1[1])), 1, "the second pin was applied");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mmu_mfn_of(l1[3])), -PV_EINVAL,
		"the fourth pin was not applied");

	ops[2].arg = mmu_mfn_of(l1[2]);
	done = SENTINEL;
	TEST_EQ(hv_mmuext_op(ops, 1, (uint32_t *)PV_HV_START), -PV_EFAULT,
		"mmuext_op with done at PV_HV_START");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mmu_mfn_of(l1[0])), -PV_EINVAL,
		"the pin with a bad done was not applied");
	TEST_EQ(hv_mmuext_op(ops, 1, (uint32_t *)pv_start_info->pt_base), -PV_EFAULT,
		"mmuext_op with done in the read-only page directory");
	TEST_EQ(mmuext1(PV_MMUEXT_UNPIN, mmu_mfn_of(l1[0])), -PV_EINVAL,
		"the pin with a read-only done was not applied");
	TEST_EQ(hv_mmuext_op((void *)PV_HV_START, 1, &done), -PV_EFAULT,
		"mmuext_op with ops at PV_HV_START");
	TEST_EQ(hv_mmuext_op(ops, 0x80000000u, &done), -PV_EFAULT, "mmuext_op count 0x80000000");
	TEST_EQ(hv_mmuext_op(ops, 0xFFFFFFFFu, &done), -PV_EFAULT, "mmuext_op count 0xFFFFFFFF");

	static struct pv_mmuext_op flushes[PV_MMU_BATCH_MAX + 1];
	for (uint32_t i = 0; i <= PV_MMU_BATCH_MAX; i++)
		flushes[i] = (struct pv_mmuext_op){ PV_MMUEXT_TLB_FLUSH, 0 };
	TEST_EQ(hv_mmuext_op(flushes, PV_MMU_BATCH_MAX, &done), PV_MMU_BATCH_MAX,
		"mmuext_op count PV_MMU_BATCH_MAX");
	TEST_EQ(done, PV_MMU_BATCH_MAX, "mmuext_op count PV_MMU_BATCH_MAX: done");
	TEST_EQ(hv_mmuext_op(flushes, PV_MMU_BATCH_MAX + 1, &done), -PV_EINVAL,
		"mmuext_op count PV_MMU_BATCH_MAX + 1");
}

int main(void)
{
	test_traps_catch_all();
	for (uint32_t w = 0; w < WINDOWS; w++) {
		window[w] = mmu_page_alloc();
		window[w][0] = w;
		window_pte[w] = mmu_pte((uint32_t)window[w]);
		target[w] = mmu_entry(mmu_page_alloc(), RW_FLAGS);
		third[w] = mmu_entry(mmu_page_alloc(), RW_FLAGS);
	}
	struct pv_mmu_update *reqs = memalign(PV_PAGE_SIZE, (PV_MMU_BATCH_MAX + 1) * 8);
	if (!reqs)
		test_error("out of heap");

	counts(reqs);
	partial(reqs);
	pointers(reqs);
	mmuext();

	for (uint32_t w = 0; w < WINDOWS; w++)
		test_check(!window_moved(w) && window[w][0] == w, "window %lu at the end",
			   (unsigned long)w);
	mmu_check_alive("the batches");
	test_finish();
}
