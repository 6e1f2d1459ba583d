/*
 * tests/unit/slab_harness.h - the machine the slab tests run on, and the
 * helpers they share (test_slab.c, test_slab_debug.c, test_slab_random.c).
 *
 * Each test boots one machine with slab_debug off (slab_setup_plain()) or
 * on (slab_setup_debug()), takes a snapshot of the buddy free lists with
 * settle(), and at the end expects exactly that snapshot again
 * (expect_free_lists()).  See slab_harness.c for the details.
 */
#ifndef _TESTS_UNIT_SLAB_HARNESS_H
#define _TESTS_UNIT_SLAB_HARNESS_H

#include <stddef.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include "unit.h"

#define PG            ((unsigned long)PAGE_SIZE)
#define CACHE_LINE    32           /* i686's L1 line: SLAB_HWCACHE_ALIGN */

extern unsigned char *host_page_arena;       /* host_stubs.c: the direct map */

/* ---- fixtures: boot the machine, then the slab allocator on it ---- */

/* Boot with slab_debug off. */
void slab_setup_plain(void);
/* Boot with slab_debug on: every general cache red-zoned and poisoned. */
void slab_setup_debug(void);
/* Free the machine's mem_map and RAM. */
void slab_teardown(void);

/* ---- the log ---- */

/* Nothing printed since the last host_log_reset(). */
void expect_log_empty(void);
/* The first line of the log is @line (more may follow). */
void expect_first_line(const char *line);

/* ---- the buddy free lists before and after ---- */

struct free_lists {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
	unsigned long slab_pages;       /* nr_slab_pages */
};

/* The free lists now, the per-CPU page lists drained into them first. */
void read_free_lists(struct free_lists *f);
/* Every cache shrunk, then the free lists: the state a test returns to. */
void settle(struct free_lists *f);
/* Shrink everything: expect exactly the free blocks of @start. */
void expect_free_lists(const struct free_lists *start);
/* After a reported misuse: every general size still works, @start again. */
void expect_allocator_intact(const struct free_lists *start);

/* ---- looking inside caches ---- */

/* The general cache kmalloc(@size) takes its objects from. */
struct kmem_cache *general_cache(size_t size);
/* The cache whose slab holds @objp (which must be in a slab). */
struct kmem_cache *cache_of(const void *objp);
/* The descriptor of the slab that holds @objp. */
struct slab *slab_of(const void *objp);
/* How many entries @head's list has. */
unsigned long list_length(const struct list_head *head);
/* Slabs of @c: full, partial and free. */
unsigned long nr_slabs(const struct kmem_cache *c);
/* Objects allocated in @c's slabs (those in a CPU array included). */
unsigned long objects_in_use(struct kmem_cache *c);
/* Caches on the cache chain. */
unsigned long nr_caches(void);

/* ---- /proc/slabinfo ---- */

/* One line of /proc/slabinfo 2.1, its numbers. */
struct slabinfo_row {
	unsigned long active_objs, num_objs;
	unsigned int objsize, objperslab, pagesperslab;
	unsigned int limit, batchcount, sharedfactor;
	unsigned long active_slabs, num_slabs;
	unsigned int sharedavail;
};

/* Print /proc/slabinfo and read the line of cache @name; false if none. */
bool read_slabinfo(const char *name, struct slabinfo_row *r);

#endif /* _TESTS_UNIT_SLAB_HARNESS_H */
