/*
 * tests/unit/slab_harness.c - the machine the slab tests boot, and the
 * helpers test_slab.c, test_slab_debug.c and test_slab_random.c share.
 *
 * Each test boots one machine, 16 MB of DMA, 48 MB of Normal and 8 MB of
 * HighMem, over a malloc'ed mem_map; its "RAM" is a malloc'ed arena, which
 * host_stubs.c treats as the direct map (page_address(), virt_to_page()).
 * Then kmem_cache_init() builds cache_cache and the general caches, with
 * slab_debug off ("plain" tests) or on ("debug" tests: red zones, poison
 * and the last user on every general cache).
 *
 * mm/slab.c keeps its bootstrap state in statics (cache_cache, the cache
 * chain) that only a new process resets: the suites rely on check's
 * default of running each test in its own fork.
 *
 * Most tests end by giving everything back: every object freed, every
 * cache shrunk (kmem_cache_shrink_all()) and the per-CPU page lists
 * drained; then the buddy free lists must be exactly as they were before
 * the test allocated anything (settle() and expect_free_lists()).  A slab
 * allocator that leaked one page, or kept one empty slab, fails there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include "slab_harness.h"

#define DMA_PAGES     4096         /* 16 MB */
#define NORMAL_PAGES  12288        /* 48 MB */
#define HIGHMEM_PAGES 2048         /*  8 MB */

static struct page *map;

static struct zone *zone_of(enum zone_type z)
{
	return &contig_page_data.node_zones[z];
}

/* The machine, its RAM all free, then the slab allocator on it. */
static void boot(bool debug)
{
	static const unsigned long zones[MAX_NR_ZONES] = { DMA_PAGES, NORMAL_PAGES, HIGHMEM_PAGES };

	host_machine_boot(zones);
	map = host_machine_map;
	host_log_reset();
	slab_error_count = 0;
	slab_debug = debug;
	kmem_cache_init();
}

void slab_setup_plain(void)
{
	boot(false);
}

void slab_setup_debug(void)
{
	boot(true);
}

void slab_teardown(void)
{
	host_machine_free();
	map = NULL;
}

/* Nothing printed since the last host_log_reset() (a long log is cut short). */
void expect_log_empty(void)
{
	if (*host_log())
		ck_abort_msg("expected no output, got:\n%.600s", host_log());
}

/* Expect the first line of the log to be @line (more may follow). */
void expect_first_line(const char *line)
{
	if (strncmp(host_log(), line, strlen(line)))
		ck_abort_msg("expected first:\n%sgot:\n%.600s", line, host_log());
}

/* ---- the buddy free lists before and after ---- */

/* The free lists now, the per-CPU page lists drained into them first. */
void read_free_lists(struct free_lists *f)
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
void settle(struct free_lists *f)
{
	kmem_cache_shrink_all();
	read_free_lists(f);
}

/* Shrink everything: expect exactly the free blocks of @start. */
void expect_free_lists(const struct free_lists *start)
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
void expect_allocator_intact(const struct free_lists *start)
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

struct kmem_cache *general_cache(size_t size)
{
	return malloc_sizes[kmalloc_index(size)].cs_cachep;
}

/* The cache whose slab holds @objp. */
struct kmem_cache *cache_of(const void *objp)
{
	struct page *page = virt_to_page(objp);

	ck_assert(PageSlab(page));
	return page_get_cache(page);
}

struct slab *slab_of(const void *objp)
{
	return page_get_slab(virt_to_page(objp));
}

unsigned long list_length(const struct list_head *head)
{
	unsigned long n = 0;

	for (const struct list_head *pos = head->next; pos != head; pos = pos->next)
		n++;
	return n;
}

unsigned long nr_slabs(const struct kmem_cache *c)
{
	return list_length(&c->slabs_full) + list_length(&c->slabs_partial) +
	       list_length(&c->slabs_free);
}

/* Objects allocated in @c's slabs (those in a CPU array included). */
unsigned long objects_in_use(struct kmem_cache *c)
{
	unsigned long n = list_length(&c->slabs_full) * c->num;
	struct slab *slabp;

	list_for_each_entry(slabp, &c->slabs_partial, list)
		n += slabp->inuse;
	return n;
}

unsigned long nr_caches(void)
{
	return list_length(&cache_chain);
}

/* ---- /proc/slabinfo ---- */

/* The line after @s's first newline, or NULL if there is none. */
static const char *next_line(const char *s)
{
	s = strchr(s, '\n');
	return s ? s + 1 : NULL;
}

/* Print /proc/slabinfo and read the line of cache @name; false if none. */
bool read_slabinfo(const char *name, struct slabinfo_row *r)
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
