/*
 * tests/kernel/slab_debug_test.c - the slab allocator seen from inside:
 * the empty slabs it keeps (free_limit), /proc/slabinfo, and its debug
 * reports (mm/slab_debug.c, mm/kmalloc.c), each mistake made on purpose: a
 * double free, kfree() of what kmalloc() did not return, writes before,
 * past the end of and after the free of an object, and kmem_cache_free()
 * to the wrong cache.
 *
 * The self-tests boot with `selftest`, which makes the general caches
 * debug caches (red zones, poison, last user).  Each report test checks
 * that the report names the cache and the object's address, that
 * slab_error_count rose by exactly one per mistake, and that the allocator
 * is intact: the bad call was ignored or repaired, the objects still work,
 * and after kmem_cache_shrink_all() (no cache then holds a free slab) the
 * buddy free lists are exactly as at the start.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include "selftest.h"

#define BIG_SIZE  (200u << 10)    /* over 128 KB: a buddy block, not a slab object */

/*
 * A mistake just made: expect slab_error_count one above @errors and the
 * text @fmt, its %p filled in with @a (and @b), printed since @since.
 */
static const char *expect_report(unsigned long errors, unsigned long since,
				 const char *fmt, const void *a, const void *b)
{
	char line[160];

	snprintf(line, sizeof(line), fmt, a, b);
	if (slab_error_count != errors + 1)
		return ktest_fail("slab_error_count rose by %lu for \"%s\"",
				  slab_error_count - errors, line);
	if (!log_contains_since(since, line))
		return ktest_fail("no \"%s\"", line);
	return NULL;
}

static bool all_bytes(const u8 *p, size_t n, u8 val)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != val)
			return false;
	return true;
}

static struct kmem_cache *general_cache(size_t size)
{
	return malloc_sizes[kmalloc_index(size)].cs_cachep;
}

/* Free pages in all zones, the per-CPU lists drained first. */
static unsigned long free_pages_now(void)
{
	drain_all_pages();
	return nr_free_pages();
}

/* Objects kept by a test are chained through their first word. */
static void kfree_chain(void *chain)
{
	while (chain) {
		void *next = *(void **)chain;

		kfree(chain);
		chain = next;
	}
}

/* ---- empty slabs go back ---- */

#define MANY_OBJECTS 1000

static unsigned long count_slabs(const struct list_head *list)
{
	unsigned long n = 0;

	for (const struct list_head *pos = list->next; pos != list; pos = pos->next)
		n++;
	return n;
}

static unsigned long cache_slabs(const struct kmem_cache *cachep)
{
	return count_slabs(&cachep->slabs_full) + count_slabs(&cachep->slabs_partial) +
	       count_slabs(&cachep->slabs_free);
}

/*
 * kmalloc(256) MANY_OBJECTS times (size-256: some 70 slabs), then kfree()
 * them all, without kmem_cache_shrink().  free_block() keeps an empty slab
 * only while the cache has no more than free_limit free objects.  Expect
 * at most free_limit objects' worth of slabs on slabs_free, no other new
 * slab but those holding objects of this CPU's array, and every other
 * slab's pages back on the buddy lists (the free page count up by
 * exactly those).
 */
static const char *test_empty_slabs_go_back(void)
{
	struct kmem_cache *cachep = general_cache(256);
	unsigned long slabs0, peak, kept, free_slabs, at_peak;
	struct free_snapshot before;
	void *chain = NULL;

	snapshot_free_shrunk(&before);
	slabs0 = cache_slabs(cachep);
	for (int i = 0; i < MANY_OBJECTS; i++) {
		void **p = kmalloc(256, GFP_KERNEL);

		if (!p)
			break;
		*p = chain;
		chain = p;
	}
	peak = cache_slabs(cachep);
	at_peak = free_pages_now();
	kfree_chain(chain);
	kept = cache_slabs(cachep) - slabs0;
	free_slabs = count_slabs(&cachep->slabs_free);
	KTEST_EXPECT(peak - slabs0 >= MANY_OBJECTS / cachep->num);
	KTEST_EXPECT(free_slabs * cachep->num <= cachep->free_limit);
	KTEST_EXPECT(kept <= free_slabs + cpu_cache(cachep)->avail);
	KTEST_EXPECT_EQ(free_pages_now() - at_peak,
			(peak - slabs0 - kept) << cachep->gfporder);
	printk("# %d objects of `%s' took %lu slabs; freed, %lu stay (%lu free, free_limit "
	       "%lu objects, %u per slab)\n", MANY_OBJECTS, cachep->name, peak - slabs0, kept,
	       free_slabs, cachep->free_limit, cachep->num);
	return free_lists_unchanged_shrunk(&before);
}

/* ---- /proc/slabinfo ---- */

/* Objects in use in @cachep's slabs: those in the CPU arrays count too. */
static unsigned long active_objs(const struct kmem_cache *cachep)
{
	unsigned long n = count_slabs(&cachep->slabs_full) * cachep->num;
	struct slab *slabp;

	list_for_each_entry(slabp, &cachep->slabs_partial, list)
		n += slabp->inuse;
	return n;
}

/* Expect @cachep's line since @since, its counts from the lists. */
static const char *expect_slabinfo_line(unsigned long since, const struct kmem_cache *cachep)
{
	unsigned long full = count_slabs(&cachep->slabs_full);
	unsigned long active_slabs = full + count_slabs(&cachep->slabs_partial);
	unsigned long num_slabs = active_slabs + count_slabs(&cachep->slabs_free);
	char line[160];

	snprintf(line, sizeof(line), "] %-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u %4u "
		 ": slabdata %6lu %6lu %6u\n", cachep->name, active_objs(cachep),
		 num_slabs * cachep->num, cachep->buffer_size, cachep->num,
		 1u << cachep->gfporder, cachep->limit, cachep->batchcount, 0u,
		 active_slabs, num_slabs, 0u);
	if (!log_contains_since(since, "] slabinfo - version: 2.1\n") ||
	    !log_contains_since(since, "] # name            <active_objs> <num_objs> <objsize> "
				"<objperslab> <pagesperslab> : tunables <limit> <batchcount> "
				"<sharedfactor> : slabdata <active_slabs> <num_slabs> "
				"<sharedavail>\n"))
		return "no slabinfo header";
	if (!log_contains_since(since, line))
		return ktest_fail("no line \"%s\"", line + 2);
	return NULL;
}

/*
 * show_slabinfo() with size-64's array emptied by kmem_cache_shrink(),
 * then N kmalloc(64)s and show_slabinfo() again, after a second shrink.
 * Expect the 2.1 header and a size-64 line with 2.6.11's numbers for a
 * debug cache (objsize 64 + 12 for the red zones and last user, limit 120,
 * batchcount 60), the objects and pages per slab and the counts the cache
 * has; right after the kmallocs, active_objs up by N plus the objects the
 * refill left in this CPU's array (they count as active); once the second
 * shrink has emptied the array, up by exactly N.
 */
static const char *test_slabinfo(void)
{
	struct kmem_cache *cachep = general_cache(64);
	unsigned long since, active0;
	const unsigned int n = 10;
	void *chain = NULL;
	const char *err;

	KTEST_EXPECT_EQ(cachep->buffer_size, slab_debug ? 64 + 12 : 64);
	KTEST_EXPECT_EQ(cachep->limit, 120);
	KTEST_EXPECT_EQ(cachep->batchcount, 60);
	kmem_cache_shrink(cachep);
	active0 = active_objs(cachep);
	since = log_position();
	show_slabinfo();
	if ((err = expect_slabinfo_line(since, cachep)))
		return err;
	for (unsigned int i = 0; i < n; i++) {
		void **p = kmalloc(64, GFP_KERNEL);

		KTEST_EXPECT(p);
		*p = chain;
		chain = p;
	}
	KTEST_EXPECT_EQ(active_objs(cachep), active0 + n + cpu_cache(cachep)->avail);
	kmem_cache_shrink(cachep);
	if (active_objs(cachep) != active0 + n)
		err = ktest_fail("active_objs %lu after %u kmallocs, was %lu",
				 active_objs(cachep), n, active0);
	since = log_position();
	show_slabinfo();
	err = err ?: expect_slabinfo_line(since, cachep);
	kfree_chain(chain);
	kmem_cache_shrink(cachep);
	return err;
}

/* ---- double free ---- */

static const char *check_double_free(char *p, char *big)
{
	unsigned long errors = slab_error_count, since = log_position();
	const char *err;
	char *q, *r;

	kfree(p);
	if ((err = expect_report(errors, since, "slab error in cache_free_debugcheck(): "
				 "cache `size-64': double free of object %p\n", p, NULL)))
		return err;
	q = kmalloc(64, GFP_KERNEL);
	r = kmalloc(64, GFP_KERNEL);
	kfree(r);
	kfree(q);
	KTEST_EXPECT(q == p && r != p);        /* p was on this CPU's array once, not twice */
	errors = slab_error_count;
	since = log_position();
	kfree(big);
	return expect_report(errors, since, "kfree: %p was not returned by kmalloc() "
			     "(or was freed already); ignored", big, NULL);
}

/*
 * kfree() a kmalloc(64) object twice, then a 200 KB block twice.  The
 * object's red zones already say "free" (RED_INACTIVE) at the second
 * kfree(); the block's first page is no longer a PG_head.  Expect
 * "double free of object <p>" in cache `size-64', the object handed out
 * once, not twice, by the next two kmalloc(64)s, "kfree: <big> was not
 * returned by kmalloc() (or was freed already); ignored", and the free
 * lists as before.
 */
static const char *test_double_free(void)
{
	struct free_snapshot before;
	const char *err;
	char *p, *big;

	KTEST_EXPECT(slab_debug);
	snapshot_free_shrunk(&before);
	p = kmalloc(64, GFP_KERNEL);
	big = kmalloc(BIG_SIZE, GFP_KERNEL);
	KTEST_EXPECT(p && big);
	kfree(p);
	kfree(big);
	if ((err = check_double_free(p, big)))
		return err;
	return free_lists_unchanged_shrunk(&before);
}

/* ---- kfree() of what kmalloc() did not return ---- */

static const char *check_bad_kfrees(char *p, char *big, char *page, char *v)
{
	unsigned long errors = slab_error_count, since = log_position();
	const char *err;

	kfree(p + 8);
	if ((err = expect_report(errors, since, "slab error in cache_free_debugcheck(): "
				 "cache `size-64': %p is not an object", p + 8, NULL)) ||
	    (err = expect_report(errors, since, "starts at %p\n", p, NULL)))
		return err;
	errors = slab_error_count;
	since = log_position();
	kfree(v);
	if ((err = expect_report(errors, since, "kfree: %p is not a direct-map address "
				 "(vmalloc()ed? user?); ignored", v, NULL)))
		return err;
	errors = slab_error_count;
	since = log_position();
	kfree(page);
	if ((err = expect_report(errors, since, "kfree: %p was not returned by kmalloc() "
				 "(or was freed already); ignored", page, NULL)))
		return err;
	errors = slab_error_count;
	since = log_position();
	kfree(big + PAGE_SIZE);
	return expect_report(errors, since, "kfree: %p was not returned by kmalloc() "
			     "(or was freed already); ignored", big + PAGE_SIZE, NULL);
}

/*
 * A kmalloc(64) object p and a 200 KB block filled with 'k', a page from
 * alloc_page() and a vmalloc() page filled with 'a' and 'v'.  kfree() of
 * p + 8 (inside the object), of the vmalloc address, of the page, and of
 * the block's second page.  Expect each reported and ignored: "<p + 8> is
 * not an object ... starts at <p>" in cache `size-64', "not a direct-map
 * address" for the vmalloc one, "was not returned by kmalloc()" for the
 * other two; all four still allocated and unchanged, p and the block then
 * freed without a report, and the free lists as before.
 */
static const char *test_kfree_of_a_bad_pointer(void)
{
	char *v = vmalloc(PAGE_SIZE);     /* before the snapshot: its page table stays */
	struct free_snapshot before;
	struct page *pg;
	const char *err = NULL;
	unsigned long errors;
	char *p, *big, *page;

	KTEST_EXPECT(v);
	memset(v, 'v', PAGE_SIZE);
	snapshot_free_shrunk(&before);
	p = kmalloc(64, GFP_KERNEL);
	big = kmalloc(BIG_SIZE, GFP_KERNEL);
	pg = alloc_page(GFP_KERNEL);
	KTEST_EXPECT(p && big && pg);
	page = page_address(pg);
	memset(p, 'k', 64);
	memset(big, 'k', BIG_SIZE);
	memset(page, 'a', PAGE_SIZE);
	err = check_bad_kfrees(p, big, page, v);
	if (!err && (!all_bytes((u8 *)p, 64, 'k') || !all_bytes((u8 *)big, BIG_SIZE, 'k') ||
		     !all_bytes((u8 *)page, PAGE_SIZE, 'a') || !all_bytes((u8 *)v, PAGE_SIZE, 'v') ||
		     page_count(pg) != 1))
		err = "a bad kfree() changed memory";
	errors = slab_error_count;
	kfree(p);
	kfree(big);
	__free_page(pg);
	if (!err && slab_error_count != errors)
		err = "kfree() of the object or the block after the bad ones was reported";
	err = err ?: free_lists_unchanged_shrunk(&before);
	vfree(v);
	return err;
}

/* ---- writes outside the object ---- */

/* kmalloc(64), write one byte at @offset, kfree(): the report must say @fmt. */
static const char *check_overwrite(int offset, const char *fmt)
{
	char *p = kmalloc(64, GFP_KERNEL), *q;
	unsigned long errors, since;
	const char *err;

	KTEST_EXPECT(p);
	memset(p, 'o', 64);
	errors = slab_error_count;
	since = log_position();
	((volatile char *)p)[offset] = 'o';
	kfree(p);
	if ((err = expect_report(errors, since, fmt, p, NULL)))
		return err;
	/* The free went through and the red zone was repaired: p comes back clean. */
	q = kmalloc(64, GFP_KERNEL);
	kfree(q);
	KTEST_EXPECT(q == p);
	KTEST_EXPECT_EQ(slab_error_count, errors + 1);
	return NULL;
}

/*
 * kmalloc(64) (buffer: red zone word, 64 bytes, red zone word, last user),
 * write all 64 bytes and one more: the first byte of red zone 2; then
 * again, the byte before the object (red zone 1).  kfree() sees the red
 * zone no longer RED_ACTIVE.  Expect "memory past the end of object <p>
 * (64 bytes) was overwritten" and "memory before object <p> ..." in cache
 * `size-64', the object freed anyway and its red zone repaired (it comes
 * back with no further report), and the free lists as before.
 */
static const char *test_write_past_the_end(void)
{
	struct free_snapshot before;
	const char *err;

	snapshot_free_shrunk(&before);
	if ((err = check_overwrite(64, "slab error in cache_free_debugcheck(): cache `size-64': "
				   "memory past the end of object %p (64 bytes) was overwritten")) ||
	    (err = check_overwrite(-1, "slab error in cache_free_debugcheck(): cache `size-64': "
				   "memory before object %p (64 bytes) was overwritten")))
		return err;
	return free_lists_unchanged_shrunk(&before);
}

static const char *check_write_after_free(char *p, unsigned long errors, unsigned long since,
					  char *q)
{
	const char *err;

	KTEST_EXPECT(q == p);
	if ((err = expect_report(errors, since, "slab error in cache_alloc_debugcheck_after(): "
				 "cache `size-64': object %p was written after it was freed "
				 "(first at offset 10)\n", p, NULL)) ||
	    (err = expect_report(errors, since, "Slab corruption: start=%p, len=64\n", p, NULL)) ||
	    (err = expect_report(errors, since, "000: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 42 6b 6b 6b "
				 "6b 6b\n", NULL, NULL)) ||
	    (err = expect_report(errors, since, "](test_write_after_free+0x", NULL, NULL)))
		return err;
	KTEST_EXPECT(all_bytes((u8 *)q, 63, POISON_INUSE) && (u8)q[63] == POISON_END);
	return NULL;
}

/*
 * kmalloc(64), kfree() (the object is filled with POISON_FREE, 0x6b, and
 * goes onto this CPU's array), then a write of 0x42 at offset 10 through
 * the stale pointer, and kmalloc(64), which gets the same object back.
 * Expect "object <p> was written after it was freed (first at offset 10)"
 * in cache `size-64', "Slab corruption: start=<p>, len=64", the row
 * "000: 6b ... 42 ...", the last user (the kfree() in this test), one
 * report only, the object handed out clean (POISON_INUSE), and the free
 * lists as before.
 */
static const char *test_write_after_free(void)
{
	struct free_snapshot before;
	unsigned long errors, since;
	const char *err;
	char *p, *q;

	snapshot_free_shrunk(&before);
	p = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT(p);
	kfree(p);
	errors = slab_error_count;
	since = log_position();
	((volatile char *)p)[10] = 0x42;
	q = kmalloc(64, GFP_KERNEL);
	err = check_write_after_free(p, errors, since, q);
	kfree(q);
	return err ?: free_lists_unchanged_shrunk(&before);
}

/* ---- kmem_cache_free() to the wrong cache ---- */

static const char *check_wrong_cache(struct kmem_cache *mine, void *obj, void *p)
{
	struct kmem_cache *size64 = general_cache(64);
	unsigned long errors = slab_error_count, since = log_position();
	const char *err;

	kmem_cache_free(size64, obj);
	if ((err = expect_report(errors, since, "slab error in kmem_cache_free(): cache "
				 "`size-64': %p is not one of its objects; ignored\n", obj, NULL)))
		return err;
	errors = slab_error_count;
	since = log_position();
	kmem_cache_free(mine, p);
	if ((err = expect_report(errors, since, "slab error in kmem_cache_free(): cache "
				 "`slab_test': %p is not one of its objects; ignored\n", p, NULL)))
		return err;
	KTEST_EXPECT(all_bytes(obj, 40, 'c') && all_bytes(p, 64, 'm'));
	return NULL;
}

/*
 * A cache of our own, `slab_test' (40-byte objects, debug flags), one
 * object of it filled with 'c' and a kmalloc(64) object filled with 'm'.
 * kmem_cache_free() each to the other's cache.  Expect "cache `size-64':
 * <obj> is not one of its objects; ignored" and the same for `slab_test'
 * and p; both objects untouched and still allocated (freed properly
 * afterwards with no report), kmem_cache_destroy() to succeed, and the
 * free lists as before.
 */
static const char *test_free_to_the_wrong_cache(void)
{
	struct kmem_cache *mine;
	struct free_snapshot before;
	unsigned long errors;
	const char *err;
	void *obj, *p;

	snapshot_free_shrunk(&before);
	mine = kmem_cache_create("slab_test", 40, 0, SLAB_DEBUG_FLAGS);
	KTEST_EXPECT(mine);
	obj = kmem_cache_alloc(mine, GFP_KERNEL);
	p = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT(obj && p);
	memset(obj, 'c', 40);
	memset(p, 'm', 64);
	err = check_wrong_cache(mine, obj, p);
	errors = slab_error_count;
	kmem_cache_free(mine, obj);
	kfree(p);
	if (!err && slab_error_count != errors)
		err = "the right frees were reported";
	if (kmem_cache_destroy(mine))
		return err ?: "kmem_cache_destroy(`slab_test') failed: objects left";
	return err ?: free_lists_unchanged_shrunk(&before);
}

static const struct selftest slab_debug_tests[] = {
	{ "empty_slabs_go_back_past_free_limit", "seeds: A1", test_empty_slabs_go_back },
	{ "slabinfo_lines_match_the_caches", NULL, test_slabinfo },
	{ "slab_double_free_reported_and_ignored", NULL, test_double_free },
	{ "kfree_of_a_bad_pointer_reported_and_ignored", NULL, test_kfree_of_a_bad_pointer },
	{ "slab_red_zones_catch_writes_past_the_end", NULL, test_write_past_the_end },
	{ "slab_poison_catches_a_write_after_free", NULL, test_write_after_free },
	{ "kmem_cache_free_to_the_wrong_cache_reported", NULL, test_free_to_the_wrong_cache },
};

const struct selftest_suite slab_debug_suite = {
	"slab_debug", slab_debug_tests, ARRAY_SIZE(slab_debug_tests),
};
