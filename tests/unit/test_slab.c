/*
 * tests/unit/test_slab.c - the slab allocator (mm/slab.c): the geometry
 * of the caches, the per-CPU arrays and private caches.  kmalloc() and
 * kfree() (mm/kmalloc.c) are tested in test_kmalloc.c, the debug reports
 * in test_slab_debug.c, exhaustion and the randomized runs in
 * test_slab_random.c; the machine they all boot, and the free-list
 * snapshots most tests end with, are in slab_harness.c.
 *
 * The host is 64-bit: struct slab is 40 bytes here, 24 on i386, which
 * changes one number of 2.6.11's /proc/slabinfo (size-32, noted where it
 * is checked).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/gfp.h>
#include "slab_harness.h"

/* ---- geometry ---- */

/*
 * 2.6.11's /proc/slabinfo on i386 (over 32 MB of RAM, no debug), for the
 * general caches: objects per slab, pages per slab, and the per-CPU
 * array's limit and batchcount (limit 120 up to 256 bytes, 54 to 1 KB,
 * 24 to a page, 8 above).  A small cache keeps struct slab and one bufctl
 * per object at the start of its one-page slab:
 *
 *   size-64:  | struct slab | bufctl[59] |pad| obj 0 | obj 1 | ... | obj 58 |
 *             0                              288                        4064
 *   59 * 64 + ALIGN(sizeof(struct slab) + 59 * 4, 32) <= 4096, 60 do not fit.
 *
 * From 512 bytes on, the descriptor lives off the slab and the slab is all
 * objects.  size-32 fits 113 objects with i386's 24-byte struct slab,
 * 112 with the host's 40 bytes (ALIGN(40 + 113 * 4, 32) = 512 > 480).
 *
 * The sizes come from linux/kmalloc_sizes.h, the list the kernel builds
 * its caches from; the rows below follow it, one per line, and there must
 * be as many.
 */
static const unsigned int kmalloc_sizes[] = {
#define CACHE(x) x,
#include <linux/kmalloc_sizes.h>
#undef CACHE
};

struct geometry {
	unsigned int num, pages, limit, batchcount;
	bool off_slab;
};

static const struct geometry linux_2_6_11_geometry[] = {
	/* size-32 */     { sizeof(void *) == 4 ? 113 : 112, 1, 120, 60, false },
	/* size-64 */     { 59,  1, 120, 60, false },
	/* size-96 */     { 40,  1, 120, 60, false },
	/* size-128 */    { 30,  1, 120, 60, false },
	/* size-192 */    { 20,  1, 120, 60, false },
	/* size-256 */    { 15,  1, 120, 60, false },
	/* size-512 */    {  8,  1,  54, 27, true },
	/* size-1024 */   {  4,  1,  54, 27, true },
	/* size-2048 */   {  2,  1,  24, 12, true },
	/* size-4096 */   {  1,  1,  24, 12, true },
	/* size-8192 */   {  1,  2,   8,  4, true },
	/* size-16384 */  {  1,  4,   8,  4, true },
	/* size-32768 */  {  1,  8,   8,  4, true },
	/* size-65536 */  {  1, 16,   8,  4, true },
	/* size-131072 */ {  1, 32,   8,  4, true },
};
_Static_assert(ARRAY_SIZE(linux_2_6_11_geometry) == ARRAY_SIZE(kmalloc_sizes) &&
	       ARRAY_SIZE(kmalloc_sizes) == KMALLOC_CACHES,
	       "one geometry row per line of linux/kmalloc_sizes.h");

/*
 * Boot with slab_debug off.  Expect every general cache and its DMA twin
 * to show 2.6.11's geometry in /proc/slabinfo and in its struct, with
 * objects a whole number of cache lines, and kmem_cache_init() silent.
 */
START_TEST(general_caches_have_the_geometry_of_2_6_11)
{
	expect_log_empty();
	for (unsigned int i = 0; i < ARRAY_SIZE(linux_2_6_11_geometry); i++) {
		const struct geometry *g = &linux_2_6_11_geometry[i];
		unsigned int size = kmalloc_sizes[i];
		char name_normal[32], dma_name[32];
		struct slabinfo_row r;

		snprintf(name_normal, sizeof(name_normal), "size-%u", size);
		snprintf(dma_name, sizeof(dma_name), "size-%u(DMA)", size);
		for (int dma = 0; dma < 2; dma++) {
			const char *name = dma ? dma_name : name_normal;
			struct kmem_cache *c = dma ? malloc_sizes[i].cs_dmacachep
						   : malloc_sizes[i].cs_cachep;

			if (!read_slabinfo(name, &r))
				ck_abort_msg("no slabinfo line for %s in:\n%.600s", name, host_log());
			ck_assert_str_eq(kmem_cache_name(c), name);
			if (r.objsize != size || r.objperslab != g->num ||
			    r.pagesperslab != g->pages || r.limit != g->limit ||
			    r.batchcount != g->batchcount)
				ck_abort_msg("%s: objsize %u, %u objects in %u pages, tunables %u %u; "
					     "2.6.11: %u, %u in %u, %u %u", name, r.objsize,
					     r.objperslab, r.pagesperslab, r.limit, r.batchcount,
					     size, g->num, g->pages, g->limit, g->batchcount);
			ck_assert_uint_eq(c->buffer_size, size);
			ck_assert_uint_eq(kmem_cache_size(c), size);
			ck_assert_uint_eq(c->num, g->num);
			ck_assert_uint_eq(1u << c->gfporder, g->pages);
			ck_assert_uint_eq(c->buffer_size % CACHE_LINE, 0);
			ck_assert_int_eq(!!(c->flags & CFLGS_OFF_SLAB), g->off_slab);
			ck_assert_uint_eq(c->free_limit, 2 * g->batchcount + g->num);
			ck_assert_uint_eq(c->gfpflags, dma ? GFP_DMA : 0);
		}
	}
}
END_TEST

/*
 * Three objects of every general cache, normal and DMA.  Expect each to
 * start on a cache line (32 bytes), and its slab's pages to be PG_slab
 * pages pointing back at the cache.
 */
START_TEST(general_cache_objects_start_on_a_cache_line)
{
	void *p[KMALLOC_CACHES][2][3];
	struct free_lists start;

	settle(&start);
	for (int i = 0; i < KMALLOC_CACHES; i++)
		for (int dma = 0; dma < 2; dma++)
			for (int k = 0; k < 3; k++) {
				size_t size = malloc_sizes[i].cs_size;
				struct page *page;

				p[i][dma][k] = kmalloc(size, GFP_KERNEL | (dma ? GFP_DMA : 0));
				ck_assert_ptr_nonnull(p[i][dma][k]);
				if ((uintptr_t)p[i][dma][k] % CACHE_LINE)
					ck_abort_msg("%zu-byte object at %p", size, p[i][dma][k]);
				page = virt_to_page(p[i][dma][k]);
				ck_assert(PageSlab(page));
				ck_assert(PageSlab(virt_to_page((char *)p[i][dma][k] + size - 1)));
				ck_assert_ptr_eq(page_get_cache(page), dma ? malloc_sizes[i].cs_dmacachep
									   : malloc_sizes[i].cs_cachep);
			}
	for (int i = 0; i < KMALLOC_CACHES; i++)
		for (int dma = 0; dma < 2; dma++)
			for (int k = 0; k < 3; k++)
				kfree(p[i][dma][k]);
	expect_free_lists(&start);
}
END_TEST

/* Is @slabp one of the @n slabs of @list? */
static bool slab_in(struct slab *const *list, int n, const struct slab *slabp)
{
	for (int i = 0; i < n; i++)
		if (list[i] == slabp)
			return true;
	return false;
}

/*
 * size-256: 15 objects in a page leave `colour' spare cache lines, so the
 * descriptor and objects of successive slabs start 0, 32, 64 ... bytes
 * further into the page, then wrap:
 *
 *   slab k:     [slab|bufctl][obj 0] ...  [obj 14][spare lines ]
 *   slab k + 1: [32][slab|bufctl][obj 0] ...  [obj 14][spare  ]
 *
 * Shrunk first, the cache has only the slabs of boot-time objects; then
 * 180 allocations grow 12 new slabs, one after another.  Expect each new
 * slab's objects to start one cache line further than the last new slab's,
 * modulo `colour' lines.
 */
START_TEST(successive_slabs_are_coloured_a_cache_line_apart)
{
	struct kmem_cache *c = general_cache(256);
	unsigned long left_over = PG - 15 * 256 - c->slab_size;
	struct slab *old[16], *new[16], *slabp;
	int nr_old = 0, nr_new = 0;
	void *p[15 * 12];

	ck_assert_uint_eq(c->colour_off, CACHE_LINE);
	ck_assert_uint_eq(c->colour, left_over / CACHE_LINE);
	ck_assert_uint_ge(c->colour, 2);
	kmem_cache_shrink(c);
	ck_assert(list_empty(&c->slabs_free));
	list_for_each_entry(slabp, &c->slabs_partial, list) {
		ck_assert_int_lt(nr_old, 16);
		old[nr_old++] = slabp;
	}
	list_for_each_entry(slabp, &c->slabs_full, list) {
		ck_assert_int_lt(nr_old, 16);
		old[nr_old++] = slabp;
	}
	for (int k = 0; k < 15 * 12; k++) {
		p[k] = kmalloc(256, GFP_KERNEL);
		ck_assert_ptr_nonnull(p[k]);
		slabp = slab_of(p[k]);
		if (!slab_in(old, nr_old, slabp) && !slab_in(new, nr_new, slabp)) {
			ck_assert_int_lt(nr_new, 16);
			new[nr_new++] = slabp;
		}
	}
	ck_assert_int_ge(nr_new, 11);
	for (int k = 1; k < nr_new; k++) {
		unsigned long prev = new[k - 1]->colouroff - c->slab_size;
		unsigned long now = new[k]->colouroff - c->slab_size;

		if (now != (prev + CACHE_LINE) % (c->colour * CACHE_LINE))
			ck_abort_msg("slab %d starts its objects at colour offset %lu, the slab "
				     "before at %lu (%u colours)", k, now, prev, c->colour);
	}
	for (int k = 0; k < 15 * 12; k++)
		kfree(p[k]);
}
END_TEST

/*
 * A private cache of 3000-byte objects, over 32 MB of RAM.  2.6.11 stops
 * at slab_break_gfp_order = 1 (BREAK_GFP_ORDER_HI; 0 below 32 MB): one
 * page holds 1 object and wastes 1096 bytes (> 1/8), so it takes two pages,
 * 2 objects, and stops there though 2192 bytes are left over.
 * Expect 2 objects in 2-page slabs.
 */
START_TEST(private_cache_slabs_stop_at_order_1_as_in_2_6_11)
{
	struct kmem_cache *c = kmem_cache_create("test-3000", 3000, 0, 0);
	struct slabinfo_row r;

	ck_assert_ptr_nonnull(c);
	ck_assert(read_slabinfo("test-3000", &r));
	if (r.objperslab != 2 || r.pagesperslab != 2)
		ck_abort_msg("test-3000: %u objects in %u pages; 2.6.11: 2 in 2",
			     r.objperslab, r.pagesperslab);
	ck_assert_int_eq(kmem_cache_destroy(c), 0);
}
END_TEST

/* ---- the per-CPU arrays ---- */

/*
 * a, b, c of 64 bytes allocated, then freed in that order: the array is
 * a stack, [.. a b c] with c on top.  Expect the next three allocations
 * to be c, b, a, and a freed object to be the very next one handed out.
 */
START_TEST(per_cpu_array_hands_back_the_last_freed_object_first)
{
	void *a = kmalloc(64, GFP_KERNEL), *b = kmalloc(64, GFP_KERNEL), *c = kmalloc(64, GFP_KERNEL);
	void *p;

	ck_assert(a && b && c);
	kfree(a);
	kfree(b);
	kfree(c);
	ck_assert_ptr_eq(kmalloc(64, GFP_KERNEL), c);
	ck_assert_ptr_eq(kmalloc(64, GFP_KERNEL), b);
	ck_assert_ptr_eq(kmalloc(64, GFP_KERNEL), a);
	for (int i = 0; i < 100; i++) {
		p = kmalloc(700, GFP_KERNEL);
		kfree(p);
		ck_assert_ptr_eq(kmalloc(700, GFP_KERNEL), p);
		kfree(p);
	}
	kfree(a);
	kfree(b);
	kfree(c);
}
END_TEST

/*
 * 4000 objects of sizes from 1 byte to 128 KB, freed in a scrambled order
 * (so objects cross between CPU arrays and slabs many times).  Expect,
 * once every cache is shrunk, the buddy free lists exactly as before.
 */
START_TEST(freeing_everything_and_shrinking_restores_the_free_lists)
{
	static void *p[4000];
	struct free_lists start;

	settle(&start);
	for (unsigned int k = 0; k < ARRAY_SIZE(p); k++) {
		volatile size_t size = 1 + (k * 7919u) % (k % 10 ? 2048 : KMALLOC_MAX_CACHE_SIZE);

		p[k] = kmalloc(size, GFP_KERNEL);
		ck_assert_ptr_nonnull(p[k]);
	}
	for (unsigned int k = 0; k < ARRAY_SIZE(p); k++)
		kfree(p[(k * 1237u) % ARRAY_SIZE(p)]);       /* 1237 is prime to 4000 */
	expect_free_lists(&start);
	expect_log_empty();
}
END_TEST

/*
 * 3000 objects of size-64 (59 per slab: 51 slabs), all freed, nothing
 * shrunk.  The frees fill the array and flush it batchcount at a time;
 * a slab left empty is kept only while the cache has at most free_limit
 * (2 * 60 + 59) free objects:
 *
 *   array [60..120 objects]   slabs_partial/full: only the slabs of
 *                             objects still in the array (and of what
 *                             was allocated before the test)
 *   slabs_free: <= free_limit / num + 1 = 4       the rest: buddy pages
 *
 * Expect at most 4 free slabs, no slab kept for nothing, and the buddy
 * allocator short of exactly the pages of the slabs left.
 */
START_TEST(empty_slabs_beyond_free_limit_go_back_to_the_buddy_allocator)
{
	struct kmem_cache *c = general_cache(64);
	unsigned long used_before, slabs_before, slabs_after;
	struct free_lists start, now;
	static void *p[3000];

	settle(&start);
	used_before = objects_in_use(c);
	slabs_before = nr_slabs(c);
	ck_assert_uint_eq(c->free_limit, 179);
	for (unsigned int k = 0; k < ARRAY_SIZE(p); k++) {
		p[k] = kmalloc(64, GFP_KERNEL);
		ck_assert_ptr_nonnull(p[k]);
	}
	ck_assert_uint_ge(nr_slabs(c), 3000 / 59);
	for (unsigned int k = 0; k < ARRAY_SIZE(p); k++)
		kfree(p[k]);
	if (list_length(&c->slabs_free) > c->free_limit / c->num + 1)
		ck_abort_msg("%lu free slabs kept; free_limit %lu allows %lu",
			     list_length(&c->slabs_free), c->free_limit, c->free_limit / c->num + 1);
	ck_assert_uint_le(c->free_objects, c->free_limit + c->num);
	/* Every object in a non-free slab is either old or waiting in the array. */
	ck_assert_uint_eq(objects_in_use(c), used_before + cpu_cache(c)->avail);
	ck_assert_uint_le(cpu_cache(c)->avail, c->limit);
	slabs_after = nr_slabs(c);
	read_free_lists(&now);
	ck_assert_uint_eq(start.free_pages[ZONE_NORMAL] + start.free_pages[ZONE_DMA] -
			  now.free_pages[ZONE_NORMAL] - now.free_pages[ZONE_DMA],
			  slabs_after - slabs_before);
	ck_assert_uint_eq(now.slab_pages - start.slab_pages, slabs_after - slabs_before);
	expect_free_lists(&start);
}
END_TEST

/* ---- private caches ---- */

/*
 * kmem_cache_create("test-72", 72, 8, 0): 72-byte objects 8-aligned, 53
 * to a page (53 * 72 + the descriptor fits, 54 do not).  Expect that
 * geometry, a fresh /proc/slabinfo line, objects 72 bytes apart; then
 * kmem_cache_destroy() refusing while 100 objects live ("Can't free all
 * objects"), the cache still working, and destroy succeeding once they are
 * freed: the cache gone from the chain, every page back.
 */
START_TEST(private_cache_is_destroyed_only_when_its_objects_are_freed)
{
	unsigned long caches = nr_caches();
	struct kmem_cache *c;
	struct free_lists start;
	char *p[100];

	settle(&start);
	c = kmem_cache_create("test-72", 72, 8, 0);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(nr_caches(), caches + 1);
	ck_assert_str_eq(kmem_cache_name(c), "test-72");
	ck_assert_uint_eq(kmem_cache_size(c), 72);
	ck_assert_uint_eq(c->buffer_size, 72);
	ck_assert_uint_eq(c->num, 53);
	ck_assert_uint_eq(c->gfporder, 0);
	show_slabinfo();
	ck_assert(host_log_contains("\ntest-72                0      0     72   53    1 : tunables "
				    " 120   60    0 : slabdata      0      0      0\n"));
	for (int k = 0; k < 100; k++) {
		p[k] = kmem_cache_alloc(c, GFP_KERNEL);
		ck_assert_ptr_nonnull(p[k]);
		ck_assert_uint_eq((uintptr_t)p[k] % 8, 0);
		ck_assert_ptr_eq(cache_of(p[k]), c);
		memset(p[k], k, 72);
	}
	ck_assert_int_eq(labs(p[1] - p[0]), 72);          /* neighbours in the first slab */
	host_log_reset();
	ck_assert_int_eq(kmem_cache_destroy(c), 1);
	ck_assert_str_eq(host_log(), "kmem_cache_destroy: Can't free all objects of cache `test-72'\n");
	ck_assert_uint_eq(nr_caches(), caches + 1);
	for (int k = 0; k < 100; k++)
		for (int i = 0; i < 72; i++)
			ck_assert_int_eq(p[k][i], k);
	for (int k = 0; k < 99; k++)
		kmem_cache_free(c, p[k]);
	ck_assert_ptr_eq(kmem_cache_alloc(c, GFP_KERNEL), p[98]);
	kmem_cache_free(c, p[98]);
	ck_assert_int_eq(kmem_cache_destroy(c), 1);
	kmem_cache_free(c, p[99]);
	host_log_reset();
	ck_assert_int_eq(kmem_cache_destroy(c), 0);
	expect_log_empty();
	ck_assert_uint_eq(nr_caches(), caches);
	ck_assert(!read_slabinfo("test-72", &(struct slabinfo_row){ 0 }));
	ck_assert_uint_eq(slab_error_count, 0);
	expect_free_lists(&start);
}
END_TEST

/*
 * Size 0, size one byte over 128 KB, an unknown flag, no name.  Expect
 * NULL and one line naming the cache, size and flags for each; no cache
 * added, no page taken, no slab error counted.
 */
START_TEST(kmem_cache_create_refuses_bad_arguments)
{
	static const struct {
		const char *name;
		size_t size;
		unsigned int flags;
		const char *message;
	} bad[] = {
		{ "bad-zero", 0, 0, "kmem_cache_create: refusing cache `bad-zero': size 0, flags 0x0\n" },
		{ "bad-big", 131073, 0,
		  "kmem_cache_create: refusing cache `bad-big': size 131073, flags 0x0\n" },
		{ "bad-flag", 64, 0x1,
		  "kmem_cache_create: refusing cache `bad-flag': size 64, flags 0x1\n" },
		{ "bad-flag2", 64, SLAB_HWCACHE_ALIGN | 0x80000000u,
		  "kmem_cache_create: refusing cache `bad-flag2': size 64, flags 0x80002000\n" },
		{ NULL, 64, 0, "kmem_cache_create: refusing cache `(null)': size 64, flags 0x0\n" },
	};
	unsigned long caches = nr_caches();
	struct free_lists start, now;

	settle(&start);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		host_log_reset();
		ck_assert_ptr_null(kmem_cache_create(bad[i].name, bad[i].size, 0, bad[i].flags));
		ck_assert_str_eq(host_log(), bad[i].message);
	}
	ck_assert_uint_eq(nr_caches(), caches);
	ck_assert_uint_eq(slab_error_count, 0);
	settle(&now);
	ck_assert_mem_eq(&now, &start, sizeof(now));
}
END_TEST

/*
 * Without debug, a second kfree() of an object is not checked at once:
 * it is caught when the object goes back to its slab (its bufctl is no
 * longer BUFCTL_ACTIVE).  Object a is freed and flushed to its slab
 * (kmem_cache_shrink(); b keeps the slab alive), then freed again and
 * flushed again.  Expect one report naming size-64 and a, and nothing
 * else changed.
 */
START_TEST(double_free_is_caught_when_the_object_returns_to_its_slab)
{
	struct kmem_cache *c = general_cache(64);
	struct free_lists start;
	void *a, *b;
	char line[160];

	settle(&start);
	a = kmalloc(64, GFP_KERNEL);
	b = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(slab_of(a), slab_of(b));
	kfree(a);
	ck_assert_int_eq(kmem_cache_shrink(c), 1);
	host_log_reset();
	kfree(a);
	ck_assert_int_eq(kmem_cache_shrink(c), 1);
	snprintf(line, sizeof(line), "slab error in slab_put_obj(): cache `size-64': object %p "
		 "(index %u) freed twice; ignored\n", a,
		 (unsigned int)(((char *)a - (char *)slab_of(a)->s_mem) / 64));
	ck_assert_str_eq(host_log(), line);
	ck_assert_uint_eq(slab_error_count, 1);
	ck_assert_uint_eq(c->errors, 1);
	kfree(b);
	expect_allocator_intact(&start);
}
END_TEST

/*
 * A private cache with the debug flags on a machine booted without
 * slab_debug: 72-byte objects with a red zone word each side and the last
 * user after.  Expect a double free and a write past the end each
 * reported once, naming `test-dbg72' and the object.
 */
START_TEST(private_debug_cache_reports_double_free_and_overrun)
{
	struct kmem_cache *c = kmem_cache_create("test-dbg72", 72, 0, SLAB_DEBUG_FLAGS);
	struct free_lists start;
	unsigned char *p;
	char line[160];

	ck_assert_ptr_nonnull(c);
	settle(&start);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	kmem_cache_free(c, p);
	host_log_reset();
	kmem_cache_free(c, p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `test-dbg72': "
		 "double free of object %p\n", (void *)p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);

	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[72] = 0;
	host_log_reset();
	kmem_cache_free(c, p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `test-dbg72': "
		 "memory past the end of object %p (72 bytes) was overwritten\n", (void *)p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 2);
	ck_assert_uint_eq(c->errors, 2);
	expect_free_lists(&start);
	ck_assert_int_eq(kmem_cache_destroy(c), 0);
	ck_assert_uint_eq(slab_error_count, 2);
}
END_TEST

Suite *slab_suite(void)
{
	Suite *s = suite_create("slab");
	TCase *plain = tcase_create("plain");

	tcase_add_checked_fixture(plain, slab_setup_plain, slab_teardown);
	tcase_add_test(plain, general_caches_have_the_geometry_of_2_6_11);
	tcase_add_test(plain, general_cache_objects_start_on_a_cache_line);
	tcase_add_test(plain, successive_slabs_are_coloured_a_cache_line_apart);
	tcase_add_test(plain, private_cache_slabs_stop_at_order_1_as_in_2_6_11);
	tcase_add_test(plain, per_cpu_array_hands_back_the_last_freed_object_first);
	tcase_add_test(plain, freeing_everything_and_shrinking_restores_the_free_lists);
	tcase_add_test(plain, empty_slabs_beyond_free_limit_go_back_to_the_buddy_allocator);
	tcase_add_test(plain, private_cache_is_destroyed_only_when_its_objects_are_freed);
	tcase_add_test(plain, kmem_cache_create_refuses_bad_arguments);
	tcase_add_test(plain, double_free_is_caught_when_the_object_returns_to_its_slab);
	tcase_add_test(plain, private_debug_cache_reports_double_free_and_overrun);
	suite_add_tcase(s, plain);

	return s;
}
