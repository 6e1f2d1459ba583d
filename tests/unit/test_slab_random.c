/*
 * tests/unit/test_slab_random.c - kmalloc() under pressure: every scrap of
 * lowmem allocated until NULL, then a million random kmalloc()s and
 * kfree()s (and fewer with slab_debug), each object checked and filled
 * with its own pattern.  Expect no overlap, nothing overwritten, no report,
 * and at the end the free lists exactly as at the start (slab_harness.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/gfp.h>
#include "slab_harness.h"

/* ---- exhaustion ---- */

static int compare_addresses(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(void *const *)a, y = (uintptr_t)*(void *const *)b;

	return x < y ? -1 : x > y;
}

/*
 * kmalloc(GFP_KERNEL | __GFP_NOWARN) of 200000 bytes until NULL, then of
 * each general size from 128 KB down to 32 until NULL: every scrap of
 * lowmem down to the watermark.  Expect no two objects to overlap, none in
 * HighMem, no message, a plain page allocation to fail too, and after
 * freeing everything the free lists exactly as at the start.
 */
START_TEST(kmalloc_until_null_then_free_everything_restores_the_free_lists)
{
	unsigned long n = 0, cap = 1 << 16;
	void **p = malloc(cap * sizeof(*p));
	struct free_lists start, full;

	ck_assert_ptr_nonnull(p);
	settle(&start);
	for (int i = KMALLOC_CACHES; i >= 0; i--) {
		volatile size_t size = i == KMALLOC_CACHES ? 200000 : malloc_sizes[i].cs_size;

		for (;;) {
			if (n == cap) {
				cap *= 2;
				p = realloc(p, cap * sizeof(*p));
				ck_assert_ptr_nonnull(p);
			}
			p[n] = kmalloc(size, GFP_KERNEL | __GFP_NOWARN);
			if (!p[n])
				break;
			n++;
		}
	}
	ck_assert_ptr_null(alloc_page(GFP_KERNEL | __GFP_NOWARN));
	expect_log_empty();
	read_free_lists(&full);
	ck_assert_uint_eq(full.free_pages[ZONE_HIGHMEM], start.free_pages[ZONE_HIGHMEM]);
	qsort(p, n, sizeof(*p), compare_addresses);
	for (unsigned long k = 0; k < n; k++) {
		ck_assert(virt_addr_valid(p[k]));
		if (k + 1 < n && (char *)p[k] + ksize(p[k]) > (char *)p[k + 1])
			ck_abort_msg("object %p (%zu bytes) overlaps %p", p[k], ksize(p[k]), p[k + 1]);
	}
	for (unsigned long k = 1; k < n; k += 2)      /* every other object, then the rest */
		kfree(p[k]);
	for (unsigned long k = 0; k < n; k += 2)
		kfree(p[k]);
	expect_free_lists(&start);
	ck_assert_uint_eq(slab_error_count, 0);
	free(p);
}
END_TEST

/* ---- randomized ---- */

#define RANDOM_STEPS        1000000
#define RANDOM_DEBUG_STEPS  100000
#define MAX_LIVE            2000
#define PHASE_STEPS         50000     /* filling (70% allocs), then draining (30%) */
#define CHECK_EVERY         100000    /* check every live object, shrink every cache */
#define GRANULE             8         /* the owner map's unit: objects are word-aligned */

static u64 rng = 0x2545f4914f6cdd1dULL;

static u64 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

struct live_object {
	unsigned char *p;
	size_t size;            /* ksize(p): all of it is the test's to fill */
	u32 id;
};

struct random_run {
	struct live_object live[MAX_LIVE];
	unsigned long nr_live;
	u8 *used;               /* per GRANULE bytes of lowmem: 1 under a live object, else 0 */
	unsigned long step, nr_failed, nr_dma, nr_zero;
	u32 next_id;
};

/* A general cache uniformly, then a size inside it: most sizes are small. */
static size_t random_size(void)
{
	unsigned int i = rnd() % KMALLOC_CACHES;
	size_t lo = i ? malloc_sizes[i - 1].cs_size + 1 : 1;

	return lo + rnd() % (malloc_sizes[i].cs_size - lo + 1);
}

/* The object's bytes: its id, then one byte derived from the id. */
static u8 pattern_byte(u32 id)
{
	return (u8)((id * 2654435761u) >> 24);
}

/* Are all @n bytes at @p equal to @b?  (Equal to their neighbour, and the first is @b.) */
static bool all_bytes(const u8 *p, size_t n, u8 b)
{
	return p[0] == b && memcmp(p, p + 1, n - 1) == 0;
}

static bool pattern_intact(const struct live_object *o)
{
	return memcmp(o->p, &o->id, sizeof(o->id)) == 0 &&
	       all_bytes(o->p + sizeof(o->id), o->size - sizeof(o->id), pattern_byte(o->id));
}

/* The live object that overlaps [p, p + size), for the failure message. */
static const struct live_object *overlapping(const struct random_run *r, const u8 *p, size_t size)
{
	for (unsigned long i = 0; i < r->nr_live; i++)
		if (r->live[i].p < p + size && p < r->live[i].p + r->live[i].size)
			return &r->live[i];
	return NULL;
}

/* Mark @o's granules in the owner map; none may be marked already. */
static void claim(struct random_run *r, const struct live_object *o)
{
	size_t g = (o->p - host_page_arena) / GRANULE, n = o->size / GRANULE;

	if (!all_bytes(r->used + g, n, 0)) {
		const struct live_object *other = overlapping(r, o->p, o->size);

		ck_abort_msg("step %lu: new object %p (%zu bytes) overlaps live object %p "
			     "(%zu bytes)", r->step, o->p, o->size, other ? other->p : NULL,
			     other ? other->size : 0);
	}
	memset(r->used + g, 1, n);
}

static void random_alloc(struct random_run *r)
{
	size_t size = random_size();
	unsigned int kind = rnd() % 8;          /* 0: GFP_DMA, 1: __GFP_ZERO, else plain */
	gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | (kind == 0 ? GFP_DMA : kind == 1 ? __GFP_ZERO : 0);
	unsigned char *p = kmalloc(size, gfp);
	struct live_object *o;
	size_t expect = malloc_sizes[kmalloc_index(size)].cs_size;

	if (!p) {
		r->nr_failed++;
		return;
	}
	o = &r->live[r->nr_live];
	*o = (struct live_object){ p, ksize(p), ++r->next_id };
	if (o->size != expect)
		ck_abort_msg("step %lu: kmalloc(%zu) gave %p of ksize %zu, expected %zu", r->step,
			     size, p, o->size, expect);
	if ((uintptr_t)p % (slab_debug ? sizeof(void *) : CACHE_LINE) ||
	    p < host_page_arena || p + o->size > host_page_arena + max_low_pfn * PG)
		ck_abort_msg("step %lu: kmalloc(%zu) gave %p, misaligned or outside lowmem",
			     r->step, size, p);
	if (kind == 0 && (page_zonenum(virt_to_page(p)) != ZONE_DMA ||
			  page_zonenum(virt_to_page(p + o->size - 1)) != ZONE_DMA))
		ck_abort_msg("step %lu: GFP_DMA object %p (%zu bytes) outside ZONE_DMA", r->step,
			     p, o->size);
	if (kind == 1 && !all_bytes(p, o->size, 0))
		ck_abort_msg("step %lu: __GFP_ZERO object %p (%zu bytes) not zeroed", r->step, p,
			     o->size);
	r->nr_dma += kind == 0;
	r->nr_zero += kind == 1;
	claim(r, o);
	memcpy(p, &o->id, sizeof(o->id));
	memset(p + sizeof(o->id), pattern_byte(o->id), o->size - sizeof(o->id));
	r->nr_live++;
}

static void random_free(struct random_run *r, unsigned long i)
{
	struct live_object *o = &r->live[i];
	size_t g = (o->p - host_page_arena) / GRANULE;

	if (!pattern_intact(o))
		ck_abort_msg("step %lu: object %u at %p (%zu bytes) was overwritten while live",
			     r->step, o->id, o->p, o->size);
	ck_assert(all_bytes(r->used + g, o->size / GRANULE, 1));
	memset(r->used + g, 0, o->size / GRANULE);
	kfree(o->p);
	*o = r->live[--r->nr_live];
}

/*
 * @steps random kmalloc()s and kfree()s, at most MAX_LIVE objects live,
 * in phases that fill to MAX_LIVE and drain to nearly nothing.  Each
 * object is checked when allocated (ksize, alignment, lowmem, zone for
 * GFP_DMA, zeroes for __GFP_ZERO, no overlap with a live object) and
 * filled with its own pattern, which must be intact when it is freed.
 */
static void random_run(unsigned long steps)
{
	struct random_run *r = calloc(1, sizeof(*r));
	struct free_lists start;

	ck_assert_ptr_nonnull(r);
	r->used = calloc(max_low_pfn * PG / GRANULE, 1);
	ck_assert_ptr_nonnull(r->used);
	settle(&start);
	for (r->step = 0; r->step < steps; r->step++) {
		bool filling = (r->step / PHASE_STEPS) % 2 == 0;

		if (r->nr_live == 0 ||
		    (r->nr_live < MAX_LIVE && rnd() % 100 < (filling ? 70u : 30u)))
			random_alloc(r);
		else
			random_free(r, rnd() % r->nr_live);
		if ((r->step + 1) % CHECK_EVERY == 0) {
			for (unsigned long i = 0; i < r->nr_live; i++)
				if (!pattern_intact(&r->live[i]))
					ck_abort_msg("step %lu: object %u at %p overwritten", r->step,
						     r->live[i].id, r->live[i].p);
			kmem_cache_shrink_all();
		}
	}
	ck_assert_uint_eq(r->nr_failed, 0);
	ck_assert_uint_gt(r->nr_dma, steps / 40);
	ck_assert_uint_gt(r->nr_zero, steps / 40);
	while (r->nr_live)
		random_free(r, r->nr_live - 1);
	ck_assert_uint_eq(slab_error_count, 0);
	expect_log_empty();
	expect_free_lists(&start);
	free(r->used);
	free(r);
}

/*
 * A million steps, sizes 1 byte to 128 KB, slab_debug off.  Expect no
 * overlap, no pattern broken, no failure, no report, and at the end, with
 * everything freed and shrunk, the free lists exactly as at the start.
 */
START_TEST(random_kmalloc_and_kfree_keep_objects_apart_and_intact)
{
	random_run(RANDOM_STEPS);
}
END_TEST

/*
 * The same with slab_debug, for fewer steps (every allocation checks the
 * poison of the whole object).  Expect in addition no debug report: the
 * red zones, poison and last-user words never touch a live object.
 */
START_TEST(random_kmalloc_and_kfree_with_debug_caches_report_nothing)
{
	random_run(RANDOM_DEBUG_STEPS);
}
END_TEST

Suite *slab_random_suite(void)
{
	Suite *s = suite_create("slab-random");
	TCase *plain = tcase_create("plain");
	TCase *slow = tcase_create("random");
	TCase *slow_debug = tcase_create("random-debug");

	tcase_add_checked_fixture(plain, slab_setup_plain, slab_teardown);
	tcase_add_test(plain, kmalloc_until_null_then_free_everything_restores_the_free_lists);
	suite_add_tcase(s, plain);

	/* Under AddressSanitizer: room beyond check's default 4 seconds. */
	tcase_add_checked_fixture(slow, slab_setup_plain, slab_teardown);
	tcase_set_timeout(slow, 60);
	tcase_add_test(slow, random_kmalloc_and_kfree_keep_objects_apart_and_intact);
	suite_add_tcase(s, slow);

	tcase_add_checked_fixture(slow_debug, slab_setup_debug, slab_teardown);
	tcase_set_timeout(slow_debug, 60);
	tcase_add_test(slow_debug, random_kmalloc_and_kfree_with_debug_caches_report_nothing);
	suite_add_tcase(s, slow_debug);

	return s;
}
