/*
 * tests/unit/test_slab.c - the slab allocator (mm/slab.c, mm/slab_debug.c)
 * and kmalloc() on top of it (mm/kmalloc.c).
 *
 * Each test boots one machine, 16 MB of DMA, 48 MB of Normal and 8 MB of
 * HighMem, over a malloc'ed mem_map; its "RAM" is a malloc'ed arena, which
 * host_stubs.c treats as the direct map (page_address(), virt_to_page()).
 * Then kmem_cache_init() builds cache_cache and the general caches, with
 * slab_debug off ("plain" tests) or on ("debug" tests: red zones, poison
 * and the last user on every general cache).
 *
 * mm/slab.c keeps its bootstrap state in statics (cache_cache, the cache
 * chain) that only a new process resets: the suite relies on check's
 * default of running each test in its own fork.
 *
 * Most tests end by giving everything back: every object freed, every
 * cache shrunk (kmem_cache_shrink_all()) and the per-CPU page lists
 * drained; then the buddy free lists must be exactly as they were before
 * the test allocated anything (settle() and expect_free_lists()).  A slab
 * allocator that leaked one page, or kept one empty slab, fails there.
 *
 * The host is 64-bit: struct slab is 40 bytes here, 24 on i386, which
 * changes one number of 2.6.11's /proc/slabinfo (size-32, noted where it
 * is checked).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include "unit.h"

#define PG            ((unsigned long)PAGE_SIZE)
#define DMA_PAGES     4096         /* 16 MB */
#define NORMAL_PAGES  12288        /* 48 MB */
#define HIGHMEM_PAGES 2048         /*  8 MB */
#define CACHE_LINE    32           /* i686's L1 line: SLAB_HWCACHE_ALIGN */

extern unsigned char *host_page_arena;       /* host_stubs.c: the direct map */

static struct page *map;

static struct zone *zone_of(enum zone_type z)
{
	return &contig_page_data.node_zones[z];
}

/* The machine, its RAM all free, then the slab allocator on it. */
static void boot(bool debug)
{
	unsigned long zones[MAX_NR_ZONES] = { DMA_PAGES, NORMAL_PAGES, HIGHMEM_PAGES };
	unsigned long holes[MAX_NR_ZONES] = { 0 };

	totalram_pages = totalhigh_pages = nr_bad_pages = 0;
	max_low_pfn = DMA_PAGES + NORMAL_PAGES;
	max_pfn = max_low_pfn + HIGHMEM_PAGES;
	map = calloc(max_pfn, sizeof(*map));
	host_page_arena = aligned_alloc(PAGE_SIZE, max_pfn * PG);
	ck_assert(map && host_page_arena);
	free_area_init_node(&contig_page_data, map, zones, holes);
	free_bootmem_range(0, max_pfn);
	init_per_zone_pages_min();
	host_log_reset();
	slab_error_count = 0;
	slab_debug = debug;
	kmem_cache_init();
}

static void setup_plain(void)
{
	boot(false);
}

static void setup_debug(void)
{
	boot(true);
}

static void teardown(void)
{
	free(map);
	free(host_page_arena);
	host_page_arena = NULL;
	mem_map = map = NULL;
}

/* Nothing printed since the last host_log_reset() (a long log is cut short). */
static void expect_log_empty(void)
{
	if (*host_log())
		ck_abort_msg("expected no output, got:\n%.600s", host_log());
}

/* Expect the first line of the log to be @line (more may follow). */
static void expect_first_line(const char *line)
{
	if (strncmp(host_log(), line, strlen(line)))
		ck_abort_msg("expected first:\n%sgot:\n%.600s", line, host_log());
}

/* ---- the buddy free lists before and after ---- */

struct free_lists {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
	unsigned long slab_pages;       /* nr_slab_pages */
};

/* The free lists now, the per-CPU page lists drained into them first. */
static void read_free_lists(struct free_lists *f)
{
	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int o = 0; o < MAX_ORDER; o++)
			f->nr_free[z][o] = zone_of(z)->free_area[o].nr_free;
		f->free_pages[z] = zone_of(z)->free_pages;
	}
	f->slab_pages = nr_slab_pages;
}

/* Every cache shrunk, then the free lists: the state a test returns to. */
static void settle(struct free_lists *f)
{
	kmem_cache_shrink_all();
	read_free_lists(f);
}

/* Shrink everything: expect exactly the free blocks of @start. */
static void expect_free_lists(const struct free_lists *start)
{
	struct free_lists now;

	settle(&now);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int o = 0; o < MAX_ORDER; o++)
			if (now.nr_free[z][o] != start->nr_free[z][o])
				ck_abort_msg("zone %s: %lu free blocks of order %d, %lu at the start",
					     zone_of(z)->name, now.nr_free[z][o], o,
					     start->nr_free[z][o]);
		ck_assert_uint_eq(now.free_pages[z], start->free_pages[z]);
	}
	ck_assert_uint_eq(now.slab_pages, start->slab_pages);
	ck_assert_uint_eq(nr_bad_pages, 0);
}

/*
 * After a reported misuse: one object of every general size can still be
 * allocated, written and freed without a report, and with them gone the
 * free lists are exactly @start again.
 */
static void expect_allocator_intact(const struct free_lists *start)
{
	unsigned long errors = slab_error_count;
	void *p[KMALLOC_CACHES];

	for (int i = 0; i < KMALLOC_CACHES; i++) {
		p[i] = kmalloc(malloc_sizes[i].cs_size, GFP_KERNEL);
		ck_assert_ptr_nonnull(p[i]);
		memset(p[i], i, malloc_sizes[i].cs_size);
	}
	for (int i = 0; i < KMALLOC_CACHES; i++)
		kfree(p[i]);
	expect_free_lists(start);
	ck_assert_uint_eq(slab_error_count, errors);
}

/* ---- looking inside caches ---- */

static struct kmem_cache *general_cache(size_t size)
{
	return malloc_sizes[kmalloc_index(size)].cs_cachep;
}

/* The cache whose slab holds @objp. */
static struct kmem_cache *cache_of(const void *objp)
{
	struct page *page = virt_to_page(objp);

	ck_assert(PageSlab(page));
	return page_get_cache(page);
}

static struct slab *slab_of(const void *objp)
{
	return page_get_slab(virt_to_page(objp));
}

static unsigned long list_length(const struct list_head *head)
{
	unsigned long n = 0;

	for (const struct list_head *pos = head->next; pos != head; pos = pos->next)
		n++;
	return n;
}

static unsigned long nr_slabs(const struct kmem_cache *c)
{
	return list_length(&c->slabs_full) + list_length(&c->slabs_partial) +
	       list_length(&c->slabs_free);
}

/* Objects allocated in @c's slabs (those in a CPU array included). */
static unsigned long objects_in_use(struct kmem_cache *c)
{
	unsigned long n = list_length(&c->slabs_full) * c->num;
	struct slab *slabp;

	list_for_each_entry(slabp, &c->slabs_partial, list)
		n += slabp->inuse;
	return n;
}

static unsigned long nr_caches(void)
{
	return list_length(&cache_chain);
}

/* One line of /proc/slabinfo 2.1, its numbers. */
struct slabinfo_row {
	unsigned long active_objs, num_objs;
	unsigned int objsize, objperslab, pagesperslab;
	unsigned int limit, batchcount, sharedfactor;
	unsigned long active_slabs, num_slabs;
	unsigned int sharedavail;
};

/* The line after @s's first newline, or NULL if there is none. */
static const char *next_line(const char *s)
{
	s = strchr(s, '\n');
	return s ? s + 1 : NULL;
}

/* Print /proc/slabinfo and read the line of cache @name; false if none. */
static bool read_slabinfo(const char *name, struct slabinfo_row *r)
{
	size_t len = strlen(name);

	host_log_reset();
	show_slabinfo();
	ck_assert(strncmp(host_log(), "slabinfo - version: 2.1\n", 24) == 0);
	for (const char *line = host_log(); line; line = next_line(line)) {
		if (strncmp(line, name, len) || line[len] != ' ')
			continue;
		return sscanf(line + len, " %lu %lu %u %u %u : tunables %u %u %u : slabdata %lu %lu %u",
			      &r->active_objs, &r->num_objs, &r->objsize, &r->objperslab,
			      &r->pagesperslab, &r->limit, &r->batchcount, &r->sharedfactor,
			      &r->active_slabs, &r->num_slabs, &r->sharedavail) == 11;
	}
	return false;
}

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
 */
struct geometry {
	const char *name;
	unsigned int size, num, pages, limit, batchcount;
	bool off_slab;
};

static const struct geometry linux_2_6_11_geometry[] = {
	{ "size-32",     32,    sizeof(void *) == 4 ? 113 : 112, 1, 120, 60, false },
	{ "size-64",     64,     59,  1, 120, 60, false },
	{ "size-96",     96,     40,  1, 120, 60, false },
	{ "size-128",    128,    30,  1, 120, 60, false },
	{ "size-192",    192,    20,  1, 120, 60, false },
	{ "size-256",    256,    15,  1, 120, 60, false },
	{ "size-512",    512,     8,  1,  54, 27, true },
	{ "size-1024",   1024,    4,  1,  54, 27, true },
	{ "size-2048",   2048,    2,  1,  24, 12, true },
	{ "size-4096",   4096,    1,  1,  24, 12, true },
	{ "size-8192",   8192,    1,  2,   8,  4, true },
	{ "size-16384",  16384,   1,  4,   8,  4, true },
	{ "size-32768",  32768,   1,  8,   8,  4, true },
	{ "size-65536",  65536,   1, 16,   8,  4, true },
	{ "size-131072", 131072,  1, 32,   8,  4, true },
};

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
		char dma_name[32];
		struct slabinfo_row r;

		snprintf(dma_name, sizeof(dma_name), "%s(DMA)", g->name);
		for (int dma = 0; dma < 2; dma++) {
			const char *name = dma ? dma_name : g->name;
			struct kmem_cache *c = dma ? malloc_sizes[i].cs_dmacachep
						   : malloc_sizes[i].cs_cachep;

			if (!read_slabinfo(name, &r))
				ck_abort_msg("no slabinfo line for %s in:\n%.600s", name, host_log());
			ck_assert_str_eq(kmem_cache_name(c), name);
			if (r.objsize != g->size || r.objperslab != g->num ||
			    r.pagesperslab != g->pages || r.limit != g->limit ||
			    r.batchcount != g->batchcount)
				ck_abort_msg("%s: objsize %u, %u objects in %u pages, tunables %u %u; "
					     "2.6.11: %u, %u in %u, %u %u", name, r.objsize,
					     r.objperslab, r.pagesperslab, r.limit, r.batchcount,
					     g->size, g->num, g->pages, g->limit, g->batchcount);
			ck_assert_uint_eq(c->buffer_size, g->size);
			ck_assert_uint_eq(kmem_cache_size(c), g->size);
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

/* ---- kmalloc ---- */

/*
 * Sizes on both sides of each boundary, through __kmalloc() (a size only
 * known at run time) and through the inline path (a constant size).
 * Expect ksize() to be the smallest general size that holds the request
 * (96 and 192 included), the object to come from that cache, and
 * kmalloc(0) to give a size-32 object, as 2.6.11 does.
 */
START_TEST(kmalloc_rounds_up_to_the_smallest_general_cache_that_fits)
{
	static const size_t sizes[][2] = {
		{ 0, 32 }, { 1, 32 }, { 32, 32 }, { 33, 64 }, { 64, 64 }, { 65, 96 },
		{ 96, 96 }, { 97, 128 }, { 129, 192 }, { 192, 192 }, { 193, 256 },
		{ 257, 512 }, { 1000, 1024 }, { 2049, 4096 }, { 4097, 8192 },
		{ 65537, 131072 }, { 131072, 131072 },
	};
	volatile size_t runtime;
	struct free_lists start;
	void *p;

	settle(&start);
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		char name[32];

		runtime = sizes[i][0];
		p = kmalloc(runtime, GFP_KERNEL);
		ck_assert_ptr_nonnull(p);
		if (ksize(p) != sizes[i][1])
			ck_abort_msg("kmalloc(%zu): ksize %zu, expected %zu", sizes[i][0], ksize(p),
				     sizes[i][1]);
		snprintf(name, sizeof(name), "size-%zu", sizes[i][1]);
		ck_assert_str_eq(kmem_cache_name(cache_of(p)), name);
		memset(p, 0xab, ksize(p));
		kfree(p);
	}
	p = kmalloc(33, GFP_KERNEL);
	ck_assert_uint_eq(ksize(p), 64);
	kfree(p);
	p = kmalloc(65, GFP_KERNEL);
	ck_assert_uint_eq(ksize(p), 96);
	kfree(p);
	p = kmalloc(129, GFP_KERNEL);
	ck_assert_uint_eq(ksize(p), 192);
	kfree(p);
	p = kmalloc(131072, GFP_KERNEL);
	ck_assert_uint_eq(ksize(p), 131072);
	kfree(p);
	ck_assert_uint_eq(ksize(NULL), 0);
	expect_log_empty();
	expect_free_lists(&start);
}
END_TEST

/*
 * kmalloc(200000): over 128 KB, so 2^6 pages straight from the buddy
 * allocator, not a slab.  Expect ksize() 256 KB, a PG_head page that is
 * not PG_slab, lowmem, and kfree() giving the whole block back.  Past the
 * largest block (4 MB), expect NULL and a message naming vmalloc().
 */
START_TEST(kmalloc_over_128k_takes_a_block_from_the_buddy_allocator)
{
	struct free_lists start, during;
	struct page *page;
	void *p;

	settle(&start);
	p = kmalloc(200000, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	page = virt_to_page(p);
	ck_assert_ptr_eq(page_address(page), p);
	ck_assert_uint_eq(ksize(p), 256u << 10);
	ck_assert(PageHead(page));
	ck_assert(!PageSlab(page));
	ck_assert_uint_eq(page_order(page), 6);
	ck_assert_int_ne(page_zonenum(page), ZONE_HIGHMEM);
	memset(p, 0xcd, 200000);
	read_free_lists(&during);
	ck_assert_uint_eq(start.free_pages[ZONE_NORMAL] + start.free_pages[ZONE_DMA] -
			  during.free_pages[ZONE_NORMAL] - during.free_pages[ZONE_DMA], 64);
	kfree(p);
	expect_log_empty();
	expect_free_lists(&start);

	ck_assert_ptr_null(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	ck_assert(host_log_contains("kmalloc: 4194305 bytes is more than the largest block "
				    "(4194304 bytes); use vmalloc()\n"));
	host_log_reset();
	ck_assert_ptr_null(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
	expect_log_empty();
}
END_TEST

/* Expect kfree(NULL) to print nothing, count no error and change no page. */
START_TEST(kfree_of_null_does_nothing)
{
	struct free_lists start, now;

	settle(&start);
	host_log_reset();
	kfree(NULL);
	expect_log_empty();
	ck_assert_uint_eq(slab_error_count, 0);
	settle(&now);
	ck_assert_mem_eq(&now, &start, sizeof(now));
}
END_TEST

/*
 * An object (then a large block) filled with 0xff and freed; kzalloc() of
 * the same size gets the same memory back (the per-CPU array is LIFO; the
 * block is the buddy list's first).  Expect every byte of it zero.
 */
START_TEST(kzalloc_returns_zeroed_memory)
{
	static const size_t sizes[] = { 100, 3000, 200000 };

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *p = kmalloc(sizes[i], GFP_KERNEL), *q;

		ck_assert_ptr_nonnull(p);
		memset(p, 0xff, ksize(p));
		kfree(p);
		q = kzalloc(sizes[i], GFP_KERNEL);
		ck_assert_ptr_eq(q, p);
		for (size_t k = 0; k < ksize(q); k++)
			if (q[k])
				ck_abort_msg("kzalloc(%zu): byte %zu is 0x%02x", sizes[i], k, q[k]);
		kfree(q);
	}
}
END_TEST

/*
 * Three GFP_DMA objects of every general size, and a GFP_DMA block over
 * 128 KB.  Expect all of each in ZONE_DMA (below 16 MB), from the
 * size-N(DMA) caches.
 */
START_TEST(gfp_dma_objects_lie_in_zone_dma)
{
	void *p[KMALLOC_CACHES * 3 + 1];
	struct free_lists start;
	int n = 0;

	settle(&start);
	for (int i = 0; i < KMALLOC_CACHES; i++)
		for (int k = 0; k < 3; k++) {
			p[n] = kmalloc(malloc_sizes[i].cs_size, GFP_DMA);
			ck_assert_ptr_nonnull(p[n]);
			ck_assert_ptr_eq(cache_of(p[n]), malloc_sizes[i].cs_dmacachep);
			n++;
		}
	p[n++] = kmalloc(200000, GFP_KERNEL | GFP_DMA);
	for (int k = 0; k < n; k++) {
		size_t last = ksize(p[k]) - 1;

		if (page_zonenum(virt_to_page(p[k])) != ZONE_DMA ||
		    page_zonenum(virt_to_page((char *)p[k] + last)) != ZONE_DMA)
			ck_abort_msg("GFP_DMA object %p (%zu bytes) is outside ZONE_DMA", p[k],
				     last + 1);
	}
	for (int k = 0; k < n; k++)
		kfree(p[k]);
	expect_free_lists(&start);
}
END_TEST

/*
 * 800 GFP_DMA objects of 1 KB: 200 slabs of size-1024(DMA), each with an
 * off-slab descriptor from a general cache (size-64).  Then 300 ordinary
 * kmalloc(64).  ZONE_NORMAL has plenty of room throughout, and 2.6.11
 * asks for the descriptor without __GFP_DMA (SLAB_LEVEL_MASK).  Expect
 * every descriptor, and every GFP_KERNEL object, in ZONE_NORMAL: the
 * 16 MB of DMA memory is kept for those who need it.
 */
START_TEST(gfp_kernel_objects_stay_out_of_zone_dma_while_normal_has_room)
{
	void *dma[800], *normal[300];
	struct free_lists start;

	settle(&start);
	for (int k = 0; k < 800; k++) {
		dma[k] = kmalloc(1024, GFP_DMA);
		ck_assert_ptr_nonnull(dma[k]);
		ck_assert_int_eq(page_zonenum(virt_to_page(dma[k])), ZONE_DMA);
		if (page_zonenum(virt_to_page(slab_of(dma[k]))) != ZONE_NORMAL)
			ck_abort_msg("object %d: the descriptor of its DMA slab, %p, is in ZONE_DMA",
				     k, (void *)slab_of(dma[k]));
	}
	for (int k = 0; k < 300; k++) {
		normal[k] = kmalloc(64, GFP_KERNEL);
		ck_assert_ptr_nonnull(normal[k]);
		if (page_zonenum(virt_to_page(normal[k])) != ZONE_NORMAL)
			ck_abort_msg("GFP_KERNEL object %d, %p, is in ZONE_DMA", k, normal[k]);
	}
	for (int k = 0; k < 800; k++)
		kfree(dma[k]);
	for (int k = 0; k < 300; k++)
		kfree(normal[k]);
	expect_free_lists(&start);
}
END_TEST

/*
 * kmalloc(GFP_KERNEL | __GFP_HIGHMEM) of 128 KB objects and 200000-byte
 * blocks until it fails.  Expect the flag reported and ignored: every
 * object lowmem with a direct-map address, HighMem untouched, and NULL
 * when lowmem runs out; then everything back.
 */
START_TEST(kmalloc_never_returns_highmem_even_when_asked)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_HIGHMEM | __GFP_NOWARN;
	unsigned long highmem_free, n = 0;
	static void *p[1024];
	struct free_lists start, end;

	settle(&start);
	highmem_free = start.free_pages[ZONE_HIGHMEM];
	for (;;) {
		ck_assert_uint_lt(n, ARRAY_SIZE(p));
		p[n] = kmalloc(n % 2 ? 131072 : 200000, gfp);
		if (!p[n])
			break;
		ck_assert(virt_addr_valid(p[n]));
		ck_assert_int_ne(page_zonenum(virt_to_page(p[n])), ZONE_HIGHMEM);
		n++;
	}
	ck_assert_uint_gt(n, 200);
	ck_assert(host_log_contains("kmalloc: __GFP_HIGHMEM ignored (from 0x"));
	ck_assert(host_log_contains("): slab memory needs a kernel address\n"));
	read_free_lists(&end);
	ck_assert_uint_eq(end.free_pages[ZONE_HIGHMEM], highmem_free);
	while (n)
		kfree(p[--n]);
	expect_free_lists(&start);
}
END_TEST

/*
 * kfree() of memory kmalloc() did not hand out: a page of the buddy
 * allocator, the second page of a large block, a stack address.  Expect
 * each reported with its address and ignored: the page still allocated,
 * the block still whole.
 */
START_TEST(kfree_of_memory_kmalloc_did_not_give_is_reported_and_ignored)
{
	struct page *page = alloc_page(GFP_KERNEL);
	char *block = kmalloc(200000, GFP_KERNEL), line[128];
	int on_stack;
	struct free_lists start, now;

	ck_assert(page && block);
	settle(&start);
	host_log_reset();
	kfree(page_address(page));
	snprintf(line, sizeof(line), "kfree: %p was not returned by kmalloc() (or was freed "
		 "already); ignored (from 0x", page_address(page));
	ck_assert(host_log_contains(line));
	kfree(block + PG);
	snprintf(line, sizeof(line), "kfree: %p was not returned", block + PG);
	ck_assert(host_log_contains(line));
	kfree(&on_stack);
	snprintf(line, sizeof(line), "kfree: %p is not a direct-map address (vmalloc()ed? "
		 "user?); ignored", (void *)&on_stack);
	ck_assert(host_log_contains(line));
	ck_assert_uint_eq(slab_error_count, 3);
	settle(&now);
	ck_assert_mem_eq(&now, &start, sizeof(now));
	ck_assert_int_eq(page_count(page), 1);
	ck_assert(PageHead(virt_to_page(block)));
	__free_page(page);
	kfree(block);
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
		volatile size_t size = 1 + (k * 7919u) % (k % 10 ? 2048 : 131072);

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

/* ---- debug reports (slab_debug: every general cache red-zoned and poisoned) ---- */

/*
 * A debug object of size-64 (the host's words are 8 bytes):
 *
 *   buffer: | red zone 1 | object: 64 bytes          | red zone 2 | last user |
 *                        ^ p                          ^ p + 64
 *
 * Each test below makes one mistake with such an object and checks the
 * report: its first line names the function, the cache and the object.
 */

/* Boot with slab_debug.  Expect every general cache's objects poisoned, and no reports. */
START_TEST(debug_boot_reports_nothing_and_poisons_new_objects)
{
	struct free_lists start;
	unsigned char *p;

	expect_log_empty();
	ck_assert_uint_eq(slab_error_count, 0);
	ck_assert(general_cache(64)->flags & SLAB_RED_ZONE);
	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	for (int i = 0; i < 63; i++)
		ck_assert_uint_eq(p[i], POISON_INUSE);
	ck_assert_uint_eq(p[63], POISON_END);
	kfree(p);
	for (int i = 0; i < 63; i++)              /* the test owns the arena: it may look */
		ck_assert_uint_eq(p[i], POISON_FREE);
	expect_allocator_intact(&start);
	expect_log_empty();
}
END_TEST

/*
 * kfree(p) twice while p waits in the CPU array (its red zones already
 * say "inactive").  Expect "double free of object p" for `size-64', one
 * error, and p handed out once only afterwards.
 */
START_TEST(double_free_is_reported_and_ignored)
{
	struct free_lists start;
	char line[160];
	void *p, *q, *r;

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	host_log_reset();
	kfree(p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-64': "
		 "double free of object %p\n", p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	q = kmalloc(64, GFP_KERNEL);
	r = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(q, p);
	ck_assert_ptr_ne(r, p);
	kfree(q);
	kfree(r);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * kfree(p) twice, the first free already flushed back to the slab (a
 * neighbour keeps the slab).  Expect the same report, from the bufctl.
 */
START_TEST(double_free_after_the_object_left_the_array_is_reported)
{
	struct free_lists start;
	char line[160];
	void *p, *q;

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	q = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(slab_of(p), slab_of(q));
	kfree(p);
	ck_assert_int_eq(kmem_cache_shrink(general_cache(64)), 1);
	host_log_reset();
	kfree(p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-64': "
		 "double free of object %p\n", p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	kfree(q);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * kfree(p + 8): inside object p, not at its start.  Expect "p + 8 is not
 * an object", the report naming the object it falls in and where that
 * starts (p), one error, and p still allocated: freeing it works.
 */
START_TEST(kfree_inside_an_object_is_reported_and_ignored)
{
	struct kmem_cache *c = general_cache(64);
	struct free_lists start;
	char line[200], *p;
	unsigned int idx;

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	idx = (p - c->obj_offset - (char *)slab_of(p)->s_mem) / c->buffer_size;
	host_log_reset();
	kfree(p + 8);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-64': "
		 "%p is not an object: the nearest, object %u of its slab, starts at %p\n",
		 p + 8, idx, p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	host_log_reset();
	kfree(p);
	expect_log_empty();
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * p[64] = 0 on a 64-byte object: one byte into red zone 2.  Expect
 * "memory past the end of object p (64 bytes) was overwritten" at kfree(),
 * one error, and the object freed all the same (handed out next, clean).
 */
START_TEST(write_past_the_end_is_reported_at_free)
{
	struct free_lists start;
	unsigned char *p;
	char line[200];

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	p[64] = 0;
	host_log_reset();
	kfree(p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-64': "
		 "memory past the end of object %p (64 bytes) was overwritten\n", (void *)p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	host_log_reset();
	ck_assert_ptr_eq(kmalloc(64, GFP_KERNEL), p);
	expect_log_empty();
	kfree(p);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/* p[-1] = 0 on a 128-byte object: red zone 1.  Expect "memory before object p". */
START_TEST(write_before_the_start_is_reported_at_free)
{
	struct free_lists start;
	unsigned char *p;
	char line[200];

	settle(&start);
	p = kmalloc(128, GFP_KERNEL);
	p[-1] ^= 0xff;
	host_log_reset();
	kfree(p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-128': "
		 "memory before object %p (128 bytes) was overwritten\n", (void *)p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * p freed, then p[10] = 1: the poison 6b 6b ... broken at offset 10.
 * Nothing notices until p is handed out again, by the next kmalloc(64).
 * Expect then "object p was written after it was freed (first at offset
 * 10)", "Slab corruption: start=p, len=64", the bad row, one error, and
 * the object given out freshly poisoned (0x5a).
 */
START_TEST(write_after_free_is_reported_at_the_next_allocation)
{
	struct free_lists start;
	unsigned char *p, *q;
	char line[200];

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[10] = 1;
	ck_assert_uint_eq(slab_error_count, 0);
	host_log_reset();
	q = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(q, p);
	snprintf(line, sizeof(line), "slab error in cache_alloc_debugcheck_after(): cache "
		 "`size-64': object %p was written after it was freed (first at offset 10)\n",
		 (void *)p);
	expect_first_line(line);
	snprintf(line, sizeof(line), "Slab corruption: start=%p, len=64\n", (void *)p);
	ck_assert(host_log_contains(line));
	ck_assert(host_log_contains("000: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 01 6b 6b 6b 6b 6b\n"));
	ck_assert_uint_eq(slab_error_count, 1);
	for (int i = 0; i < 63; i++)
		ck_assert_uint_eq(q[i], POISON_INUSE);
	kfree(q);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * A write after free into an object that is never handed out again: the
 * check happens when its slab is destroyed.  Expect the report from
 * slab_destroy_debugcheck() when kmem_cache_shrink_all() frees the slab.
 */
START_TEST(write_after_free_is_reported_when_the_slab_is_destroyed)
{
	struct kmem_cache *c = general_cache(2048);
	struct free_lists start;
	unsigned char *p;
	char line[200];

	settle(&start);
	p = kmalloc(2048, GFP_KERNEL);
	kfree(p);
	p[2000] = 0;
	host_log_reset();
	kmem_cache_shrink(c);
	snprintf(line, sizeof(line), "slab error in slab_destroy_debugcheck(): cache "
		 "`size-2048': object %p was written after it was freed (first at offset 2000)\n",
		 (void *)p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * A size-64 object given to kmem_cache_free() of a private 64-byte cache.
 * Expect "p is not one of its objects" naming the private cache, one
 * error, and the object untouched: kfree() then frees it without a word.
 */
START_TEST(kmem_cache_free_to_the_wrong_cache_is_reported_and_ignored)
{
	struct kmem_cache *other = kmem_cache_create("test-other", 64, 0, SLAB_DEBUG_FLAGS);
	struct free_lists start;
	char line[200];
	void *p;

	ck_assert_ptr_nonnull(other);
	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	host_log_reset();
	kmem_cache_free(other, p);
	snprintf(line, sizeof(line), "slab error in kmem_cache_free(): cache `test-other': %p "
		 "is not one of its objects; ignored\n", p);
	ck_assert_str_eq(host_log(), line);
	ck_assert_uint_eq(slab_error_count, 1);
	ck_assert_uint_eq(other->errors, 1);
	host_log_reset();
	kfree(p);
	expect_log_empty();
	ck_assert_int_eq(kmem_cache_destroy(other), 0);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

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

Suite *slab_suite(void)
{
	Suite *s = suite_create("slab");
	TCase *plain = tcase_create("plain");
	TCase *debug = tcase_create("debug");
	TCase *slow = tcase_create("random");
	TCase *slow_debug = tcase_create("random-debug");

	tcase_add_checked_fixture(plain, setup_plain, teardown);
	tcase_add_test(plain, general_caches_have_the_geometry_of_2_6_11);
	tcase_add_test(plain, general_cache_objects_start_on_a_cache_line);
	tcase_add_test(plain, successive_slabs_are_coloured_a_cache_line_apart);
	tcase_add_test(plain, private_cache_slabs_stop_at_order_1_as_in_2_6_11);
	tcase_add_test(plain, kmalloc_rounds_up_to_the_smallest_general_cache_that_fits);
	tcase_add_test(plain, kmalloc_over_128k_takes_a_block_from_the_buddy_allocator);
	tcase_add_test(plain, kfree_of_null_does_nothing);
	tcase_add_test(plain, kzalloc_returns_zeroed_memory);
	tcase_add_test(plain, gfp_dma_objects_lie_in_zone_dma);
	tcase_add_test(plain, gfp_kernel_objects_stay_out_of_zone_dma_while_normal_has_room);
	tcase_add_test(plain, kmalloc_never_returns_highmem_even_when_asked);
	tcase_add_test(plain, kfree_of_memory_kmalloc_did_not_give_is_reported_and_ignored);
	tcase_add_test(plain, per_cpu_array_hands_back_the_last_freed_object_first);
	tcase_add_test(plain, freeing_everything_and_shrinking_restores_the_free_lists);
	tcase_add_test(plain, empty_slabs_beyond_free_limit_go_back_to_the_buddy_allocator);
	tcase_add_test(plain, private_cache_is_destroyed_only_when_its_objects_are_freed);
	tcase_add_test(plain, kmem_cache_create_refuses_bad_arguments);
	tcase_add_test(plain, double_free_is_caught_when_the_object_returns_to_its_slab);
	tcase_add_test(plain, private_debug_cache_reports_double_free_and_overrun);
	tcase_add_test(plain, kmalloc_until_null_then_free_everything_restores_the_free_lists);
	suite_add_tcase(s, plain);

	tcase_add_checked_fixture(debug, setup_debug, teardown);
	tcase_add_test(debug, debug_boot_reports_nothing_and_poisons_new_objects);
	tcase_add_test(debug, double_free_is_reported_and_ignored);
	tcase_add_test(debug, double_free_after_the_object_left_the_array_is_reported);
	tcase_add_test(debug, kfree_inside_an_object_is_reported_and_ignored);
	tcase_add_test(debug, write_past_the_end_is_reported_at_free);
	tcase_add_test(debug, write_before_the_start_is_reported_at_free);
	tcase_add_test(debug, write_after_free_is_reported_at_the_next_allocation);
	tcase_add_test(debug, write_after_free_is_reported_when_the_slab_is_destroyed);
	tcase_add_test(debug, kmem_cache_free_to_the_wrong_cache_is_reported_and_ignored);
	suite_add_tcase(s, debug);

	/* Under AddressSanitizer: room beyond check's default 4 seconds. */
	tcase_add_checked_fixture(slow, setup_plain, teardown);
	tcase_set_timeout(slow, 60);
	tcase_add_test(slow, random_kmalloc_and_kfree_keep_objects_apart_and_intact);
	suite_add_tcase(s, slow);

	tcase_add_checked_fixture(slow_debug, setup_debug, teardown);
	tcase_set_timeout(slow_debug, 60);
	tcase_add_test(slow_debug, random_kmalloc_and_kfree_with_debug_caches_report_nothing);
	suite_add_tcase(s, slow_debug);

	return s;
}
