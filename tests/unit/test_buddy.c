/*
 * tests/unit/test_buddy.c - the zoned buddy allocator (mm/buddy.c,
 * mm/page_alloc.c, mm/mm_init.c) and its hand-over from memblock
 * (memblock_alloc, memblock_free_all).
 *
 * Each test boots a small machine over a malloc'ed mem_map: three zones,
 * consecutive from pfn 0, whose holes stay PG_reserved; the rest of RAM is
 * released with free_bootmem_range() as memblock_free_all() does at boot,
 * then init_per_zone_pages_min() sets the watermarks.  The drawings show
 * blocks as [first-last pfn] with their order; ## marks pages in use.
 *
 * A freed order-0 page first waits on its zone's per-CPU hot list, not on
 * the buddy lists (2.6's free_hot_page()); the tests call drain_all_pages()
 * before they look at the free lists whole.  A zone of fewer than 8192
 * pages has a per-CPU batch of 1: while nothing is freed, every order-0
 * allocation then takes exactly one page off the buddy lists, which is
 * what the exact watermark sequences below rely on.
 *
 * What to expect of the free lists is computed here independently: a run
 * of free pages settles into the largest aligned blocks that fit, one
 * after another (add_run_blocks), and the watermarks are literal values
 * worked out by hand, with 2.6.11's rules, in each test's comment.  A randomized test checks a million
 * allocations and frees against a per-pfn owner table.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/vmstat.h>
#include <linux/sched.h>
#include <signal.h>
#include "../../mm/internal.h"    /* free_one_page(): the buddy core's BUG_ONs */
#include "unit.h"

#define SZ_4K   0x1000ULL
#define SZ_64K  0x10000ULL
#define SZ_1M   0x100000ULL

struct pfn_range {
	unsigned long start, end;       /* [start, end) */
};

/*
 * A machine: the pages each zone spans (DMA, Normal, HighMem, consecutive
 * from pfn 0) and its holes, sorted, each inside one zone.
 */
struct machine {
	unsigned long zone_pages[MAX_NR_ZONES];
	struct pfn_range holes[3];
	int nr_holes;
};

/* 16 MB DMA, 24 MB Normal, 16 MB HighMem: every boundary 4 MB aligned. */
static const struct machine small_machine = { .zone_pages = { 4096, 6144, 4096 } };
/* 4 MB, all DMA: RAM is one order-10 block. */
static const struct machine one_block_machine = { .zone_pages = { 1024, 0, 0 } };
/* HighMem from an unaligned pfn to an unaligned end of RAM. */
static const struct machine unaligned_machine = { .zone_pages = { 4096, 2904, 5000 } };
/* No HighMem; Normal ends unaligned, as 512 MB ends at pfn 0x1ffe0. */
static const struct machine no_highmem_machine = { .zone_pages = { 4096, 7904, 0 } };
/* Unaligned holes inside DMA and Normal. */
static const struct machine hole_machine = {
	.zone_pages = { 4096, 8192, 0 },
	.holes = { { 1000, 1100 }, { 6000, 6003 } }, .nr_holes = 2,
};
/*
 * Holes in every zone (DMA's like the 640 KB - 1 MB ISA hole), unaligned
 * HighMem, every zone under 8192 pages.
 */
static const struct machine holey_machine = {
	.zone_pages = { 4096, 7904, 6000 },
	.holes = { { 160, 256 }, { 9000, 9037 }, { 15000, 15100 } }, .nr_holes = 3,
};
/* The same, bigger: per-CPU batches of 3 (Normal) and 2 (HighMem) pages. */
static const struct machine big_holey_machine = {
	.zone_pages = { 4096, 15904, 10000 },
	.holes = { { 160, 256 }, { 9000, 9037 }, { 25000, 25100 } }, .nr_holes = 3,
};

static struct page *map;           /* this test's mem_map */
static struct page **held;         /* order-0 pages the test holds */
static unsigned long nr_held;

static void setup(void)
{
	totalram_pages = totalhigh_pages = nr_bad_pages = 0;
	max_pfn = max_low_pfn = 0;
	memblock_reset();
	host_log_reset();
}

static void teardown(void)
{
	free(map);
	free(held);
	map = NULL;
	mem_map = NULL;
	held = NULL;
	nr_held = 0;
}

static struct zone *zone_of(enum zone_type z)
{
	return &contig_page_data.node_zones[z];
}

static unsigned long pfn_of(const struct page *page)
{
	return page - mem_map;
}

/* Pages of [start, end) inside @r. */
static unsigned long overlap(const struct pfn_range *r, unsigned long start, unsigned long end)
{
	unsigned long s = max(r->start, start), e = min(r->end, end);

	return s < e ? e - s : 0;
}

/* mem_map and the zones of @m: every page still reserved. */
static void init_zones(const struct machine *m)
{
	unsigned long zholes[MAX_NR_ZONES] = { 0 }, start = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int h = 0; h < m->nr_holes; h++)
			zholes[z] += overlap(&m->holes[h], start, start + m->zone_pages[z]);
		start += m->zone_pages[z];
	}
	max_pfn = start;
	max_low_pfn = m->zone_pages[ZONE_DMA] + m->zone_pages[ZONE_NORMAL];
	map = calloc(max_pfn, sizeof(*map));
	held = calloc(max_pfn, sizeof(*held));
	ck_assert(map && held);
	free_area_init_node(&contig_page_data, map, m->zone_pages, zholes);
}

/* Release the RAM of @m, everything but its holes, to the buddy lists. */
static void release_ram(const struct machine *m)
{
	unsigned long start = 0;

	for (int h = 0; h < m->nr_holes; h++) {
		if (start < m->holes[h].start)
			free_bootmem_range(start, m->holes[h].start);
		start = m->holes[h].end;
	}
	if (start < max_pfn)
		free_bootmem_range(start, max_pfn);
}

static void boot(const struct machine *m)
{
	init_zones(m);
	release_ram(m);
	init_per_zone_pages_min();
}

/* ---- looking at the free lists ---- */

/* Is @pfn the first page of a block on @z's free_area[@order] list? */
static bool on_free_list(enum zone_type z, unsigned int order, unsigned long pfn)
{
	struct list_head *pos;

	list_for_each(pos, &zone_of(z)->free_area[order].free_list)
		if (pfn_of(list_entry(pos, struct page, lru)) == pfn)
			return true;
	return false;
}

/* Free pages of zone @z, on the buddy lists or waiting on a per-CPU list. */
static unsigned long free_or_pcp(enum zone_type z)
{
	return zone_of(z)->free_pages + zone_pcp_pages(zone_of(z));
}

static unsigned long all_pcp_pages(void)
{
	unsigned long n = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		n += zone_pcp_pages(zone_of(z));
	return n;
}

struct buddy_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
	unsigned long pcp_pages[MAX_NR_ZONES];
};

static void take_snapshot(struct buddy_snapshot *s)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int o = 0; o < MAX_ORDER; o++)
			s->nr_free[z][o] = zone_of(z)->free_area[o].nr_free;
		s->free_pages[z] = zone_of(z)->free_pages;
		s->pcp_pages[z] = zone_pcp_pages(zone_of(z));
	}
}

static void expect_snapshot(const struct buddy_snapshot *s)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int o = 0; o < MAX_ORDER; o++)
			if (zone_of(z)->free_area[o].nr_free != s->nr_free[z][o])
				ck_abort_msg("%s order %d: nr_free %lu, was %lu", zone_of(z)->name,
					     o, zone_of(z)->free_area[o].nr_free, s->nr_free[z][o]);
		if (zone_of(z)->free_pages != s->free_pages[z])
			ck_abort_msg("%s: free_pages %lu, was %lu", zone_of(z)->name,
				     zone_of(z)->free_pages, s->free_pages[z]);
		if (zone_pcp_pages(zone_of(z)) != s->pcp_pages[z])
			ck_abort_msg("%s: %lu pages on per-CPU lists, was %lu", zone_of(z)->name,
				     zone_pcp_pages(zone_of(z)), s->pcp_pages[z]);
	}
}

/* One free block found on @z's free_area[@o]: is it what a free block must be? */
static void check_free_block(enum zone_type z, int o, unsigned long pfn, u8 *covered)
{
	const struct zone *zone = zone_of(z);
	const struct page *page = mem_map + pfn;

	if (!PageBuddy(page) || page_order(page) != (unsigned long)o || page_zonenum(page) != z)
		ck_abort_msg("%s order %d: pfn %lu flags 0x%lx private %lu is no free head",
			     zone->name, o, pfn, page->flags, page->private);
	if (pfn & ((1ul << o) - 1))
		ck_abort_msg("%s order %d: pfn %lu not aligned", zone->name, o, pfn);
	if (pfn < zone->zone_start_pfn || pfn + (1ul << o) > zone_end_pfn(zone))
		ck_abort_msg("%s order %d: block at pfn %lu crosses the zone [%lu, %lu)", zone->name,
			     o, pfn, zone->zone_start_pfn, zone_end_pfn(zone));
	for (unsigned long p = pfn; p < pfn + (1ul << o); p++) {
		if (covered[p] || PageReserved(mem_map + p) || page_count(mem_map + p))
			ck_abort_msg("%s order %d: block at pfn %lu: page %lu reserved, in use or "
				     "in two blocks", zone->name, o, pfn, p);
		covered[p] = 1;
	}
}

/*
 * Walk every free list, check every block (check_free_block) and that
 * nr_free and free_pages agree with the walk.  @head_order (max_pfn
 * entries) gets the order of the free block starting at each pfn, or -1.
 * Returns the free pages.
 */
static unsigned long check_free_lists(signed char *head_order)
{
	u8 *covered = calloc(max_pfn, 1);
	unsigned long total = 0;

	ck_assert(covered);
	memset(head_order, -1, max_pfn);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long pages = 0;

		for (int o = 0; o < MAX_ORDER; o++) {
			const struct free_area *area = &zone_of(z)->free_area[o];
			unsigned long n = 0;
			struct list_head *pos;

			list_for_each(pos, &area->free_list) {
				unsigned long pfn = pfn_of(list_entry(pos, struct page, lru));

				check_free_block(z, o, pfn, covered);
				head_order[pfn] = o;
				n++;
			}
			if (n != area->nr_free)
				ck_abort_msg("%s order %d: %lu blocks listed, nr_free %lu",
					     zone_of(z)->name, o, n, area->nr_free);
			pages += n << o;
		}
		if (pages != zone_of(z)->free_pages)
			ck_abort_msg("%s: free_pages %lu, the lists hold %lu",
				     zone_of(z)->name, zone_of(z)->free_pages, pages);
		total += pages;
	}
	free(covered);
	return total;
}

/*
 * Walk every per-CPU list: each page a free order-0 page of the list's
 * zone (no flags, no references), pcp->count right, at most pcp->high.
 * Sets @on_pcp[pfn] (max_pfn entries, zeroed by the caller) for each.
 * Returns the pages.
 */
static unsigned long check_pcp_lists(u8 *on_pcp)
{
	const unsigned long flag_bits = (1ul << NR_PAGEFLAGS) - 1;
	unsigned long total = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int cpu = 0; cpu < NR_CPUS; cpu++) {
			const struct per_cpu_pages *pcp = &zone_of(z)->pageset[cpu];
			struct list_head *pos;
			long n = 0;

			list_for_each(pos, &pcp->list) {
				const struct page *page = list_entry(pos, struct page, lru);
				unsigned long pfn = pfn_of(page);

				if ((int)page_zonenum(page) != z || (page->flags & flag_bits) ||
				    page_count(page) || on_pcp[pfn])
					ck_abort_msg("%s cpu %d: pfn %lu flags 0x%lx count %d on the "
						     "per-CPU list", zone_of(z)->name, cpu, pfn,
						     page->flags, page_count(page));
				on_pcp[pfn] = 1;
				n++;
			}
			if (n != pcp->count || pcp->count > pcp->high)
				ck_abort_msg("%s cpu %d: %ld pages listed, count %d, high %d",
					     zone_of(z)->name, cpu, n, pcp->count, pcp->high);
			total += n;
		}
	}
	return total;
}

/*
 * The blocks a run of free pages [start, end) settles into: at each step
 * the largest block that is aligned at start and fits.  Merging with every
 * free buddy, in whatever order the pages were freed, reaches exactly this.
 */
static void add_run_blocks(unsigned long start, unsigned long end, unsigned long count[MAX_ORDER])
{
	while (start < end) {
		unsigned int o = 0;

		while (o + 1 < MAX_ORDER && start % (2ul << o) == 0 && start + (2ul << o) <= end)
			o++;
		count[o]++;
		start += 1ul << o;
	}
}

/* Every zone of @m holds exactly the blocks of its free runs (all RAM free). */
static void expect_all_ram_free(const struct machine *m)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = zone_of(z);
		unsigned long want[MAX_ORDER] = { 0 }, start = zone->zone_start_pfn;

		for (int h = 0; h < m->nr_holes; h++) {
			if (m->holes[h].start >= zone_end_pfn(zone) || m->holes[h].end <= start)
				continue;
			add_run_blocks(start, m->holes[h].start, want);
			start = m->holes[h].end;
		}
		add_run_blocks(start, zone_end_pfn(zone), want);
		for (int o = 0; o < MAX_ORDER; o++)
			if (zone->free_area[o].nr_free != want[o])
				ck_abort_msg("%s order %d: nr_free %lu, want %lu", zone->name, o,
					     zone->free_area[o].nr_free, want[o]);
		ck_assert_uint_eq(zone->free_pages, zone->present_pages);
	}
}

/* ---- allocating by the handful ---- */

/* Take @n order-0 pages with @gfp, every one from zone @z; hold them. */
static void expect_allocs_from(gfp_t gfp, enum zone_type z, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		struct page *page = alloc_pages(gfp | __GFP_NOWARN, 0);

		if (!page)
			ck_abort_msg("allocation %lu of %lu (from %s) failed", i + 1, n,
				     zone_of(z)->name);
		if (page_zonenum(page) != z)
			ck_abort_msg("allocation %lu of %lu came from %s, not %s", i + 1, n,
				     zone_of(page_zonenum(page))->name, zone_of(z)->name);
		held[nr_held++] = page;
	}
}

/* Allocate order-0 pages with @gfp until it fails; hold them. Returns how many. */
static unsigned long alloc_until_null(gfp_t gfp)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, 0)) != NULL) {
		held[nr_held++] = page;
		n++;
	}
	return n;
}

static void free_held(void)
{
	while (nr_held)
		__free_pages(held[--nr_held], 0);
}

/* The first zone of @gfp's zonelist, on a machine with all three zones. */
static enum zone_type classzone_of(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	return gfp & __GFP_HIGHMEM ? ZONE_HIGHMEM : ZONE_NORMAL;
}

/*
 * An order-0 request takes a page from zone @z only while its free pages
 * are above this floor: pages_low on the first pass; on the second
 * pages_min, less half for __GFP_HIGH and then a quarter for a caller that
 * cannot wait; on both, plus what @z keeps back from requests that could
 * have used a higher zone (Linux 2.6.11 __alloc_pages, zone_watermark_ok).
 */
static unsigned long floor_of(gfp_t gfp, enum zone_type z, bool first_pass)
{
	const struct zone *zone = zone_of(z);
	unsigned long mark = first_pass ? zone->pages_low : zone->pages_min;

	if (!first_pass && (gfp & __GFP_HIGH))
		mark -= mark / 2;
	if (!first_pass && !(gfp & __GFP_WAIT))
		mark -= mark / 4;
	return mark + zone->lowmem_reserve[classzone_of(gfp)];
}

/* ---- split and merge ---- */

/*
 * One order-10 block, an order-0 request.  expand() halves it ten times,
 * keeping the lower half and freeing the upper one at each order:
 *
 *   before: [0-1023] o10
 *   after:  [##][1][2-3][4-7][8-15] ... [256-511][512-1023]
 *            o0 o0  o1   o2   o3          o8       o9
 *
 * Expect the page at pfn 0, and one free block at each order 0..9, at
 * pfn 1 << order.
 */
START_TEST(alloc_splits_an_order10_block_into_one_block_per_order)
{
	struct page *page;

	boot(&one_block_machine);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[10].nr_free, 1);
	page = alloc_pages(GFP_KERNEL, 0);
	ck_assert_ptr_nonnull(page);
	ck_assert_uint_eq(pfn_of(page), 0);
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++) {
		ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[o].nr_free, 1);
		ck_assert_msg(on_free_list(ZONE_DMA, o, 1ul << o), "no order-%u block at %lu",
			      o, 1ul << o);
	}
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[10].nr_free, 0);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 1023);
	ck_assert_int_eq(page_count(page), 1);
	ck_assert(!PageBuddy(page));
}
END_TEST

/*
 *   before: [##][1][2-3][4-7] ... [512-1023]
 *   free 0: 0 ^ 1 = 1 is free:  [0-1] o1;  0 ^ 2 = 2 is free: [0-3] o2; ...
 *   after:  [0-1023] o10
 * The page waits on the per-CPU list until drain_all_pages().  Expect
 * then one order-10 block again, and nothing else.
 */
START_TEST(free_merges_buddies_up_to_max_order)
{
	struct page *page;
	signed char *heads;

	boot(&one_block_machine);
	page = alloc_pages(GFP_KERNEL, 0);
	__free_pages(page, 0);
	ck_assert_uint_eq(zone_pcp_pages(zone_of(ZONE_DMA)), 1);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 1023);
	ck_assert(!PageBuddy(page));
	drain_all_pages();
	ck_assert_uint_eq(zone_pcp_pages(zone_of(ZONE_DMA)), 0);
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[o].nr_free, 0);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[10].nr_free, 1);
	ck_assert(on_free_list(ZONE_DMA, 10, 0));
	heads = malloc(max_pfn);
	ck_assert_uint_eq(check_free_lists(heads), 1024);
	free(heads);
	ck_assert_int_eq(page_count(page), 0);
}
END_TEST

/*
 * Two order-3 blocks A and B, split from one order-10 block:
 *
 *   [A 0-7 ##][B 8-15 ##][16-31 o4][32-63 o5] ... [512-1023 o9]
 *
 * Free @first, then the other.  The first waits alone on free_area[3]
 * (its buddy, 0 ^ 8 = 8 or 8 ^ 8 = 0, is in use); the second finds it,
 * and the pair merges with [16-31], [32-63], ... up to [0-1023].
 */
static void expect_pair_merges(bool lower_first)
{
	struct page *a, *b, *first, *second;

	boot(&one_block_machine);
	a = alloc_pages(GFP_KERNEL, 3);
	b = alloc_pages(GFP_KERNEL, 3);
	ck_assert_uint_eq(pfn_of(a), 0);
	ck_assert_uint_eq(pfn_of(b), 8);
	first = lower_first ? a : b;
	second = lower_first ? b : a;
	__free_pages(first, 3);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[3].nr_free, 1);
	ck_assert(on_free_list(ZONE_DMA, 3, pfn_of(first)));
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[10].nr_free, 0);
	__free_pages(second, 3);
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[o].nr_free, 0);
	ck_assert(on_free_list(ZONE_DMA, 10, 0));
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 1024);
}

START_TEST(free_merges_when_the_lower_buddy_was_freed_first)
{
	expect_pair_merges(true);
}
END_TEST

START_TEST(free_merges_when_the_upper_buddy_was_freed_first)
{
	expect_pair_merges(false);
}
END_TEST

/*
 * Four order-0 pages in use, then 1 and 2 freed:
 *
 *   pfn:   0    1    2    3
 *         [##][    ][    ][##]
 *         \_ buddies_/\_buddies_/     1 ^ 1 = 0,  2 ^ 1 = 3
 *
 * 1 and 2 are neighbours of the same size, not buddies.  Expect both on
 * free_area[0], and free_area[1] as before.
 */
START_TEST(free_does_not_merge_neighbours_that_are_not_buddies)
{
	struct page *p[4];
	unsigned long nr_free1;

	boot(&one_block_machine);
	for (int i = 0; i < 4; i++) {
		p[i] = alloc_pages(GFP_KERNEL, 0);
		ck_assert_uint_eq(pfn_of(p[i]), (unsigned long)i);
	}
	nr_free1 = zone_of(ZONE_DMA)->free_area[1].nr_free;
	__free_pages(p[1], 0);
	__free_pages(p[2], 0);
	drain_all_pages();
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[0].nr_free, 2);
	ck_assert(on_free_list(ZONE_DMA, 0, 1));
	ck_assert(on_free_list(ZONE_DMA, 0, 2));
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[1].nr_free, nr_free1);
	ck_assert(PageBuddy(p[1]) && PageBuddy(p[2]));
}
END_TEST

/* ---- releasing boot memory: free_bootmem_range() ---- */

/*
 * [3, 1029) in a DMA zone of 2048 pages (the rest a hole), released in the
 * largest aligned blocks that fit:
 *
 *   3  4-7  8-15  16-31  ...  512-1023  1024-1027  1028
 *   o0  o2   o3    o4          o9         o2        o0
 *
 * None merges: each one's buddy is a hole or a block of another order
 * (3 ^ 1 = 2 is a hole, 4 ^ 4 = 0 too; 1024 ^ 4 = 1028 is of order 0).
 * Expect exactly: two of order 0, two of order 2, one each of 3..9.
 */
START_TEST(release_of_an_unaligned_range_uses_largest_aligned_blocks)
{
	static const struct machine m = {
		.zone_pages = { 2048, 0, 0 }, .holes = { { 0, 3 }, { 1029, 2048 } }, .nr_holes = 2,
	};
	static const unsigned long want[MAX_ORDER] = { 2, 0, 2, 1, 1, 1, 1, 1, 1, 1, 0 };
	static const unsigned long heads[] = { 3, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1028 };
	static const unsigned int orders[] = { 0, 2, 3, 4, 5, 6, 7, 8, 9, 2, 0 };

	init_zones(&m);
	ck_assert_uint_eq(free_bootmem_range(3, 1029), 1026);
	for (int o = 0; o < MAX_ORDER; o++)
		ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[o].nr_free, want[o]);
	for (size_t i = 0; i < ARRAY_SIZE(heads); i++)
		ck_assert_msg(on_free_list(ZONE_DMA, orders[i], heads[i]),
			      "no order-%u block at %lu", orders[i], heads[i]);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 1026);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->managed_pages, 1026);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->present_pages, 1026);
	ck_assert_uint_eq(totalram_pages, 1026);
	ck_assert(PageReserved(mem_map + 2) && PageReserved(mem_map + 1029));
}
END_TEST

/*
 * [0, 4096) released: four order-10 blocks, each handed over whole.  A
 * spy shows nothing is freed page by page: pfn 1 is painted as a Normal
 * page.  Inside the block at pfn 0 it goes with its head to DMA; freed on
 * its own it would land on Normal's lists.
 */
START_TEST(release_of_an_aligned_range_frees_whole_order10_blocks)
{
	static const struct machine m = { .zone_pages = { 4096, 0, 0 } };

	init_zones(&m);
	set_page_zone(mem_map + 1, ZONE_NORMAL);
	ck_assert_uint_eq(free_bootmem_range(0, 4096), 4096);
	set_page_zone(mem_map + 1, ZONE_DMA);
	for (int o = 0; o < MAX_ORDER; o++) {
		ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[o].nr_free, o == 10 ? 4 : 0);
		ck_assert_uint_eq(zone_of(ZONE_NORMAL)->free_area[o].nr_free, 0);
	}
	for (unsigned long pfn = 0; pfn < 4096; pfn += 1024)
		ck_assert(on_free_list(ZONE_DMA, 10, pfn));
	ck_assert_uint_eq(zone_of(ZONE_DMA)->managed_pages, 4096);
	ck_assert_uint_eq(totalram_pages, 4096);
}
END_TEST

/*
 * [4000, 4200) across the DMA/Normal boundary at 4096:
 *
 *   DMA    [4000-4031 o5][4032-4095 o6] | Normal [4096-4159 o6][4160-4191 o5][4192-4199 o3]
 *
 * Expect the range cut at the boundary, each part in its own zone.
 */
START_TEST(release_never_crosses_a_zone_boundary)
{
	static const struct machine m = { .zone_pages = { 4096, 4096, 0 } };

	init_zones(&m);
	ck_assert_uint_eq(free_bootmem_range(4000, 4200), 200);
	ck_assert(on_free_list(ZONE_DMA, 5, 4000));
	ck_assert(on_free_list(ZONE_DMA, 6, 4032));
	ck_assert(on_free_list(ZONE_NORMAL, 6, 4096));
	ck_assert(on_free_list(ZONE_NORMAL, 5, 4160));
	ck_assert(on_free_list(ZONE_NORMAL, 3, 4192));
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 96);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->free_pages, 104);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->managed_pages, 96);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->managed_pages, 104);
}
END_TEST

/* ---- zone boundaries and holes ---- */

/*
 * Boot @m, check its free lists, then take every page and give it back in
 * a shuffled order.  Expect the same blocks before and after: a block that
 * merged across a zone boundary or a hole would change them.  No
 * watermarks, so that every page can be taken, but those left on a
 * per-CPU list (see zone_pcp_pages()).
 */
static void expect_blocks_survive_churn(const struct machine *m)
{
	signed char *before, *after;
	unsigned long n;

	init_zones(m);
	release_ram(m);
	before = malloc(max_pfn);
	after = malloc(max_pfn);
	ck_assert(before && after);
	check_free_lists(before);
	expect_all_ram_free(m);
	n = alloc_until_null(GFP_HIGHUSER);
	ck_assert_uint_eq(n + all_pcp_pages(), totalram_pages);
	ck_assert_uint_eq(nr_free_pages(), 0);
	for (unsigned long i = n; i > 1; i--) {     /* Fisher-Yates, fixed steps */
		unsigned long j = (i * 2654435761ul) % i;
		struct page *t = held[i - 1];

		held[i - 1] = held[j];
		held[j] = t;
	}
	free_held();
	drain_all_pages();
	check_free_lists(after);
	ck_assert_msg(memcmp(before, after, max_pfn) == 0, "free blocks differ after churn");
	expect_all_ram_free(m);
	free(before);
	free(after);
}

/*
 * DMA | Normal at 4096, both sides free:
 *
 *   DMA [0-1023][1024-2047][2048-3071][3072-4095] | Normal [4096-5119] ...
 *
 * Expect every block inside its zone (check_free_lists), DMA holding at
 * most its 4096 pages, and each zone's free_pages the sum of its lists.
 */
START_TEST(free_blocks_never_cross_the_dma_normal_boundary)
{
	expect_blocks_survive_churn(&small_machine);
	ck_assert_uint_le(zone_of(ZONE_DMA)->free_pages, zone_of(ZONE_DMA)->spanned_pages);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[10].nr_free, 4);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->free_area[10].nr_free, 6);
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->free_area[10].nr_free, 4);
}
END_TEST

/*
 * Normal [4096, 7000) | HighMem [7000, 12000): 7000 = 875 * 8, so the
 * order-3 blocks on either side of the boundary are buddies by address
 * (6992 ^ 8 = 7000), in different zones:
 *
 *   Normal ... [6976-6991 o4][6992-6999 o3] | HighMem [7000-7007 o3][7008-7039 o5]
 *   ...  [11776-11903 o7][11904-11967 o6][11968-11999 o5]   end of RAM
 *
 * Expect them never merged, before or after every page is taken and freed.
 */
START_TEST(free_blocks_never_cross_an_unaligned_highmem_boundary)
{
	expect_blocks_survive_churn(&unaligned_machine);
	ck_assert(on_free_list(ZONE_NORMAL, 3, 6992));
	ck_assert(on_free_list(ZONE_HIGHMEM, 3, 7000));
	ck_assert(on_free_list(ZONE_HIGHMEM, 5, 11968));
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->free_pages, 2904);
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->free_pages, 5000);
	ck_assert_uint_eq(totalhigh_pages, 5000);
}
END_TEST

/* Normal ends at 12000, unaligned, and there is no HighMem. */
START_TEST(free_blocks_stop_at_an_unaligned_end_of_ram)
{
	expect_blocks_survive_churn(&no_highmem_machine);
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->present_pages, 0);
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->free_pages, 0);
	ck_assert_uint_eq(totalhigh_pages, 0);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->free_pages, 7904);
}
END_TEST

/*
 * A hole [1000, 1100) in DMA, another [6000, 6003) in Normal:
 *
 *   ... [992-999 o3] | hole 1000-1099 | [1100-1103 o2][1104-1119 o4] ...
 *   ... [5984-5999 o4] | hole 6000-6002 | [6003][6004-6007 o2] ...
 *
 * 992's buddy at order 3 is 1000, never PG_buddy.  Expect no block to
 * reach into a hole, hole pages still reserved with their one reference,
 * and present/managed pages the span less the hole.
 */
START_TEST(free_blocks_never_merge_into_or_across_a_hole)
{
	expect_blocks_survive_churn(&hole_machine);
	ck_assert(on_free_list(ZONE_DMA, 3, 992));
	ck_assert(on_free_list(ZONE_DMA, 2, 1100));
	ck_assert(on_free_list(ZONE_NORMAL, 4, 5984));
	ck_assert(on_free_list(ZONE_NORMAL, 0, 6003));
	for (unsigned long pfn = 1000; pfn < 1100; pfn++)
		ck_assert(PageReserved(mem_map + pfn) && page_count(mem_map + pfn) == 1 &&
			  !PageBuddy(mem_map + pfn));
	ck_assert_uint_eq(zone_of(ZONE_DMA)->spanned_pages, 4096);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->present_pages, 3996);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->managed_pages, 3996);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->present_pages, 8189);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->managed_pages, 8189);
	ck_assert_uint_eq(totalram_pages, 3996 + 8189);
}
END_TEST

/* ---- the zonelists: which zone serves which GFP ---- */

/*
 * The small machine's watermarks (watermarks_follow_linux_on_the_small_machine
 * works them out):
 *   min_free_kbytes = int_sqrt(16 * 10240 pages * 4 KB) = 809 -> 202 pages
 *   DMA     min 80  low 100 (202 * 4096 / 10240)   reserve[Normal] 24, [HighMem] 40
 *   Normal  min 121 low 151 (202 * 6144 / 10240)   reserve[HighMem] 128
 *   HighMem min 32  low 40  (4096 / 1024 = 4, raised to 32)
 */
static void expect_small_machine_watermarks(void)
{
	ck_assert_uint_eq(zone_of(ZONE_DMA)->pages_min, 80);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->pages_low, 100);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->pages_min, 121);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->pages_low, 151);
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->pages_min, 32);
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->pages_low, 40);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->lowmem_reserve[ZONE_NORMAL], 24);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->lowmem_reserve[ZONE_HIGHMEM], 40);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->lowmem_reserve[ZONE_HIGHMEM], 128);
}

/*
 * GFP_KERNEL's zonelist is Normal, DMA.  First pass (pages_low):
 *   Normal 6144 -> 151;   DMA 4096 -> 100 + 24 (reserve against Normal) = 124.
 * Second pass (pages_min; GFP_KERNEL may wait, so no discount):
 *   Normal 151 -> 121;    DMA 124 -> 80 + 24 = 104.
 * Then GFP_KERNEL fails, with a report unless __GFP_NOWARN.  GFP_ATOMIC
 * (__GFP_HIGH, cannot wait) may go below min: 121 - 60 = 61, 61 - 15 = 46:
 *   Normal 121 -> 46;     DMA 104 -> 80 - 40 - 10 + 24 = 54.
 * HighMem is never touched.
 */
START_TEST(gfp_kernel_takes_normal_then_dma_and_gfp_atomic_goes_below_min)
{
	struct zone *dma = zone_of(ZONE_DMA), *normal = zone_of(ZONE_NORMAL);

	boot(&small_machine);
	expect_small_machine_watermarks();
	ck_assert_uint_eq(floor_of(GFP_KERNEL, ZONE_NORMAL, true), 151);
	ck_assert_uint_eq(floor_of(GFP_KERNEL, ZONE_DMA, true), 124);
	expect_allocs_from(GFP_KERNEL, ZONE_NORMAL, 6144 - 151);
	ck_assert_uint_eq(normal->free_pages, normal->pages_low);
	expect_allocs_from(GFP_KERNEL, ZONE_DMA, 4096 - 124);
	expect_allocs_from(GFP_KERNEL, ZONE_NORMAL, 151 - 121);
	ck_assert_uint_eq(normal->free_pages, normal->pages_min);
	expect_allocs_from(GFP_KERNEL, ZONE_DMA, 124 - 104);
	ck_assert_uint_eq(dma->free_pages, dma->pages_min + 24);
	ck_assert_ptr_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	ck_assert_str_eq(host_log(), "");
	ck_assert_ptr_null(alloc_pages(GFP_KERNEL, 0));
	ck_assert(host_log_contains("page allocation failure. order:0, mode:0xd0"));

	ck_assert_uint_eq(floor_of(GFP_ATOMIC, ZONE_NORMAL, false), 46);
	ck_assert_uint_eq(floor_of(GFP_ATOMIC, ZONE_DMA, false), 54);
	expect_allocs_from(GFP_ATOMIC, ZONE_NORMAL, 121 - 46);
	expect_allocs_from(GFP_ATOMIC, ZONE_DMA, 104 - 54);
	ck_assert_ptr_null(alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0));
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->free_pages, 4096);
	ck_assert_uint_eq(all_pcp_pages(), 0);
	free_held();
	drain_all_pages();
	ck_assert_uint_eq(nr_free_pages(), 14336);
}
END_TEST

/*
 * GFP_DMA's zonelist is DMA alone: GFP_KERNEL | GFP_DMA takes it from
 * 4096 down to 100 (low), then 80 (min); plain GFP_DMA cannot wait, so it
 * goes on to 80 - 20 = 60.  Expect NULL then, though Normal is untouched;
 * silent with __GFP_NOWARN, else "page allocation failure. order:0".
 */
START_TEST(gfp_dma_fails_when_dma_is_exhausted_even_if_normal_is_free)
{
	boot(&small_machine);
	expect_small_machine_watermarks();
	expect_allocs_from(GFP_KERNEL | GFP_DMA, ZONE_DMA, 4096 - 80);
	ck_assert_ptr_null(alloc_pages(GFP_KERNEL | GFP_DMA | __GFP_NOWARN, 0));
	expect_allocs_from(GFP_DMA, ZONE_DMA, 80 - 60);
	ck_assert_ptr_null(alloc_pages(GFP_DMA | __GFP_NOWARN, 0));
	ck_assert_str_eq(host_log(), "");
	ck_assert_ptr_null(alloc_pages(GFP_DMA, 0));
	ck_assert(host_log_contains("swapper: page allocation failure. order:0, mode:0x1\n"));
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->free_pages, 6144);
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->free_pages, 4096);
}
END_TEST

/*
 * GFP_HIGHUSER's zonelist is HighMem, Normal, DMA, each lower zone keeping
 * back its reserve against HighMem requests:
 *   first pass:   HighMem 4096 -> 40;  Normal 6144 -> 151 + 128;  DMA 4096 -> 100 + 40
 *   second pass:  HighMem 40 -> 32;    Normal -> 121 + 128;       DMA -> 80 + 40
 */
START_TEST(gfp_highuser_takes_highmem_then_normal_then_dma)
{
	boot(&small_machine);
	expect_small_machine_watermarks();
	expect_allocs_from(GFP_HIGHUSER, ZONE_HIGHMEM, 4096 - 40);
	expect_allocs_from(GFP_HIGHUSER, ZONE_NORMAL, 6144 - (151 + 128));
	expect_allocs_from(GFP_HIGHUSER, ZONE_DMA, 4096 - (100 + 40));
	expect_allocs_from(GFP_HIGHUSER, ZONE_HIGHMEM, 40 - 32);
	expect_allocs_from(GFP_HIGHUSER, ZONE_NORMAL, 151 - 121);
	expect_allocs_from(GFP_HIGHUSER, ZONE_DMA, 100 - 80);
	ck_assert_ptr_null(alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, 0));
	ck_assert_uint_eq(zone_of(ZONE_HIGHMEM)->free_pages, 32);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->free_pages, 121 + 128);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 80 + 40);
}
END_TEST

/* With no HighMem zone, a HighMem request starts at Normal. */
START_TEST(gfp_highuser_without_highmem_takes_normal)
{
	boot(&no_highmem_machine);
	ck_assert_ptr_eq(contig_page_data.node_zonelists[2].zones[0], zone_of(ZONE_NORMAL));
	expect_allocs_from(GFP_HIGHUSER, ZONE_NORMAL, 100);
}
END_TEST

/*
 * Z4, the four shapes of the zone layout, each booted here:
 *   all three     DMA 4096, Normal 6144, HighMem 4096   (more than 896 MB)
 *   no HighMem    DMA 4096, Normal 7904                  (16 MB to 896 MB)
 *   DMA only      DMA 1024                               (16 MB or less)
 *   no ZONE_DMA   Normal 8192, HighMem 4096              (a machine with no
 *                 ISA DMA limit, as a Linux build without CONFIG_ZONE_DMA:
 *                 here ZONE_DMA exists but spans nothing)
 * Expect each zone's span and present pages, each zonelist to list the
 * populated zones it may use, best first, and nothing else, buddyinfo to
 * show the populated zones only, an empty zone no watermark, and a request
 * whose zonelist is empty to fail.
 */
struct zone_shape {
	const struct machine *m;
	enum zone_type lists[GFP_ZONETYPES][MAX_NR_ZONES + 1];   /* -1 ends a list */
};

static void expect_zone_shape(const struct zone_shape *shape)
{
	boot(shape->m);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		ck_assert_uint_eq(zone_of(z)->spanned_pages, shape->m->zone_pages[z]);
		ck_assert_uint_eq(zone_of(z)->present_pages, shape->m->zone_pages[z]);
		if (!shape->m->zone_pages[z])
			ck_assert_uint_eq(zone_of(z)->pages_min + zone_of(z)->pages_high, 0);
	}
	for (int list = 0; list < GFP_ZONETYPES; list++) {
		struct zone **zl = contig_page_data.node_zonelists[list].zones;
		int n = 0;

		for (; (int)shape->lists[list][n] >= 0; n++)
			ck_assert_msg(zl[n] == zone_of(shape->lists[list][n]),
				      "zonelist %d entry %d is %s", list, n,
				      zl[n] ? zl[n]->name : "NULL");
		ck_assert_ptr_null(zl[n]);
	}
	host_log_reset();
	show_buddyinfo();
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		char line[32];

		snprintf(line, sizeof(line), "zone %8s ", zone_names[z]);
		ck_assert_int_eq(host_log_contains(line), shape->m->zone_pages[z] > 0);
	}
}

#define END ((enum zone_type)-1)

START_TEST(zone_layout_with_all_three_zones)
{
	static const struct zone_shape shape = { &small_machine, {
		{ ZONE_DMA, END },
		{ ZONE_NORMAL, ZONE_DMA, END },
		{ ZONE_HIGHMEM, ZONE_NORMAL, ZONE_DMA, END },
	} };

	expect_zone_shape(&shape);
}
END_TEST

START_TEST(zone_layout_without_highmem)
{
	static const struct zone_shape shape = { &no_highmem_machine, {
		{ ZONE_DMA, END },
		{ ZONE_NORMAL, ZONE_DMA, END },
		{ ZONE_NORMAL, ZONE_DMA, END },
	} };

	expect_zone_shape(&shape);
}
END_TEST

START_TEST(zone_layout_with_dma_only)
{
	static const struct zone_shape shape = { &one_block_machine, {
		{ ZONE_DMA, END },
		{ ZONE_DMA, END },
		{ ZONE_DMA, END },
	} };

	expect_zone_shape(&shape);
	ck_assert_ptr_nonnull(alloc_pages(GFP_HIGHUSER, 0));      /* falls back to DMA */
}
END_TEST

/* With ZONE_DMA empty, GFP_DMA has nowhere to go: NULL, the rest unharmed. */
START_TEST(zone_layout_without_zone_dma)
{
	static const struct machine m = { .zone_pages = { 0, 8192, 4096 } };
	static const struct zone_shape shape = { &m, {
		{ END },
		{ ZONE_NORMAL, END },
		{ ZONE_HIGHMEM, ZONE_NORMAL, END },
	} };

	expect_zone_shape(&shape);
	ck_assert_ptr_null(alloc_pages(GFP_DMA | __GFP_NOWARN, 0));
	ck_assert_ptr_nonnull(alloc_pages(GFP_KERNEL, 0));
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 0);
}
END_TEST

#undef END

/* ---- watermarks ---- */

/* floor(sqrt(x)), by bisection. */
static unsigned long isqrt_ref(unsigned long x)
{
	unsigned long lo = 0, hi = x < 2 ? x + 1 : x / 2 + 1;   /* answer in [lo, hi) */

	while (hi - lo > 1) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (mid <= x / mid)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Linux 2.6.11's min_free_kbytes for the present lowmem now. */
static int expected_min_free_kbytes(void)
{
	unsigned long present_kb = (zone_of(ZONE_DMA)->present_pages +
				    zone_of(ZONE_NORMAL)->present_pages) * 4;
	unsigned long kb = isqrt_ref(16 * present_kb);

	return kb < 128 ? 128 : kb > 65536 ? 65536 : (int)kb;
}

/* A machine's watermarks, worked out by hand in the comment above each test. */
struct watermarks {
	int min_free_kbytes;
	unsigned long wmark[MAX_NR_ZONES][3];          /* min, low, high */
	unsigned long reserve[MAX_NR_ZONES][MAX_NR_ZONES]; /* lowmem_reserve[] */
};

/*
 * Expect every watermark and lowmem reserve of every zone to be @w's.
 * The rules the comments apply, 2.6.11's (mm/page_alloc.c):
 *   min_free_kbytes = isqrt(16 x 4 x present pages of DMA and Normal),
 *     within [128, 65536]; pages_min = min_free_kbytes / 4
 *   lowmem zone: min = pages_min x present / lowmem present
 *   HighMem: min = present / 1024 within [32, 128]; empty zone: 0
 *   low = min x 5/4, high = min x 6/4, every division rounding down
 *   DMA keeps Normal present / 256 against Normal requests and
 *   (Normal + HighMem present) / 256 against HighMem ones; Normal keeps
 *   HighMem present / 32 against HighMem requests.
 */
static void expect_watermarks(const struct watermarks *w)
{
	ck_assert_int_eq(min_free_kbytes, w->min_free_kbytes);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = zone_of(z);

		ck_assert_msg(zone->pages_min == w->wmark[z][0] &&
			      zone->pages_low == w->wmark[z][1] &&
			      zone->pages_high == w->wmark[z][2],
			      "%s min/low/high %lu/%lu/%lu, want %lu/%lu/%lu", zone->name,
			      zone->pages_min, zone->pages_low, zone->pages_high,
			      w->wmark[z][0], w->wmark[z][1], w->wmark[z][2]);
		for (int j = 0; j < MAX_NR_ZONES; j++)
			ck_assert_msg(zone->lowmem_reserve[j] == w->reserve[z][j],
				      "%s lowmem_reserve[%d] %lu, want %lu", zone->name, j,
				      zone->lowmem_reserve[j], w->reserve[z][j]);
	}
}

/*
 * DMA 4096, Normal 6144, HighMem 4096 present:
 *   16 x 4 x 10240 = 655360; 809^2 = 654481 <= it < 810^2: 809 KB, 202 pages
 *   DMA 202 x 4096/10240 = 80.8: 80, 100, 120
 *   Normal 202 x 6144/10240 = 121.2: 121, 151, 181
 *   HighMem 4096/1024 = 4, raised to 32: 32, 40, 48
 *   reserves: DMA 6144/256 = 24, (6144 + 4096)/256 = 40; Normal 4096/32 = 128
 */
START_TEST(watermarks_follow_linux_on_the_small_machine)
{
	static const struct watermarks w = {
		809, { { 80, 100, 120 }, { 121, 151, 181 }, { 32, 40, 48 } },
		{ { 0, 24, 40 }, { 0, 0, 128 }, { 0, 0, 0 } },
	};

	boot(&small_machine);
	expect_watermarks(&w);
}
END_TEST

/*
 * Holes count in no zone's present pages: DMA 4096 - 96 = 4000, Normal
 * 15904 - 37 = 15867, HighMem 10000 - 100 = 9900.
 *   16 x 4 x 19867 = 1271488; 1127^2 = 1270129 <= it < 1128^2: 1127 KB, 281
 *   DMA 281 x 4000/19867 = 56.6: 56, 70, 84
 *   Normal 281 x 15867/19867 = 224.4: 224, 280, 336
 *   HighMem 9900/1024 = 9, raised to 32: 32, 40, 48
 *   reserves: DMA 15867/256 = 61, 25767/256 = 100; Normal 9900/32 = 309
 */
START_TEST(watermarks_follow_linux_with_holes_in_every_zone)
{
	static const struct watermarks w = {
		1127, { { 56, 70, 84 }, { 224, 280, 336 }, { 32, 40, 48 } },
		{ { 0, 61, 100 }, { 0, 0, 309 }, { 0, 0, 0 } },
	};

	boot(&big_holey_machine);
	expect_watermarks(&w);
}
END_TEST

/*
 * DMA 4096, Normal 28672, HighMem 100000:
 *   16 x 4 x 32768 = 2097152; 1448^2 = 2096704 <= it < 1449^2: 1448 KB, 362
 *   DMA 362 x 4096/32768 = 45.25: 45, 56, 67
 *   Normal 362 x 28672/32768 = 316.75: 316, 395, 474
 *   HighMem 100000/1024 = 97, between the clamps: 97, 121, 145
 *   reserves: DMA 28672/256 = 112, 128672/256 = 502; Normal 100000/32 = 3125
 */
START_TEST(watermarks_follow_linux_with_a_large_highmem)
{
	static const struct machine m = { .zone_pages = { 4096, 28672, 100000 } };
	static const struct watermarks w = {
		1448, { { 45, 56, 67 }, { 316, 395, 474 }, { 97, 121, 145 } },
		{ { 0, 112, 502 }, { 0, 0, 3125 }, { 0, 0, 0 } },
	};

	boot(&m);
	expect_watermarks(&w);
}
END_TEST

/*
 * DMA 4096, Normal 4096, HighMem 140000:
 *   16 x 4 x 8192 = 524288; 724^2 = 524176 <= it < 725^2: 724 KB, 181
 *   DMA and Normal 181 x 4096/8192 = 90.5: 90, 112, 135
 *   HighMem 140000/1024 = 136, clamped to 128: 128, 160, 192
 *   reserves: DMA 4096/256 = 16, 144096/256 = 562; Normal 140000/32 = 4375
 */
START_TEST(watermarks_clamp_highmem_pages_min_to_128)
{
	static const struct machine m = { .zone_pages = { 4096, 4096, 140000 } };
	static const struct watermarks w = {
		724, { { 90, 112, 135 }, { 90, 112, 135 }, { 128, 160, 192 } },
		{ { 0, 16, 562 }, { 0, 0, 4375 }, { 0, 0, 0 } },
	};

	boot(&m);
	expect_watermarks(&w);
}
END_TEST

/*
 * DMA 200 pages = 800 KB: isqrt(16 x 800) = 113, raised to 128 KB = 32
 * pages, all DMA's: 32, 40, 48; the empty zones 0.
 */
START_TEST(watermarks_raise_min_free_kbytes_to_128_on_a_tiny_machine)
{
	static const struct machine m = { .zone_pages = { 200, 0, 0 } };
	static const struct watermarks w = {
		128, { { 32, 40, 48 }, { 0, 0, 0 }, { 0, 0, 0 } },
		{ { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } },
	};

	boot(&m);
	expect_watermarks(&w);
}
END_TEST

/*
 * QEMU -m 2G: RAM [0, 0x9f) and [0x100, 0x7ffe0); DMA spans 4096 pages,
 * 3999 present (the 97 of 640 KB - 1 MB are not RAM), Normal [4096,
 * 229376) = 225280, HighMem [229376, 524256) = 294880.
 *   16 x 4 x 229279 = 14673856; 3830^2 = 14668900 <= it < 3831^2: 3830 KB, 957
 *   DMA 957 x 3999/229279 = 16.7: 16, 20, 24
 *   Normal 957 x 225280/229279 = 940.3: 940, 1175, 1410
 *   HighMem 294880/1024 = 287, clamped: 128, 160, 192
 *   reserves: DMA 225280/256 = 880, 520160/256 = 2031; Normal 294880/32 = 9215
 * The self-test watermarks_follow_linux_2_6 expects the same at -m 2G.
 */
static const struct machine pc_2g_machine = {
	.zone_pages = { 4096, 225280, 294880 }, .holes = { { 159, 256 } }, .nr_holes = 1,
};

START_TEST(watermarks_of_a_2g_pc_count_present_lowmem_not_the_hole)
{
	static const struct watermarks w = {
		3830, { { 16, 20, 24 }, { 940, 1175, 1410 }, { 128, 160, 192 } },
		{ { 0, 880, 2031 }, { 0, 0, 9215 }, { 0, 0, 0 } },
	};

	boot(&pc_2g_machine);
	expect_watermarks(&w);
}
END_TEST

/*
 * The same 2 GB as Linux 2.6.11 on i386 sees it: its zone_sizes_init()
 * passes no holes, so DMA's present pages are all 4096.
 *   16 x 4 x 229376 = 14680064; 3831^2 = 14676561 <= it < 3832^2: 3831 KB, 957
 *   DMA 957 x 4096/229376 = 17.1: 17, 21, 25
 *   Normal 957 x 225280/229376 = 939.9: 939, 1173, 1408
 * (reserves as above: they count Normal and HighMem, which have no hole).
 */
START_TEST(watermarks_of_a_2g_pc_without_holes_are_2_6_11_i386s)
{
	static const struct machine m = { .zone_pages = { 4096, 225280, 294880 } };
	static const struct watermarks w = {
		3831, { { 17, 21, 25 }, { 939, 1173, 1408 }, { 128, 160, 192 } },
		{ { 0, 880, 2031 }, { 0, 0, 9215 }, { 0, 0, 0 } },
	};

	boot(&m);
	expect_watermarks(&w);
}
END_TEST

/*
 * Pages in use count as much as free ones: with most of the 2 GB PC's
 * lowmem still reserved (released only [0x100, 0x1000) and [0x1000,
 * 0x2000)), the watermarks are those of all its present pages.
 */
START_TEST(watermarks_count_present_pages_in_use_too)
{
	init_zones(&pc_2g_machine);
	free_bootmem_range(0x100, 0x2000);
	init_per_zone_pages_min();
	ck_assert_int_eq(min_free_kbytes, 3830);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->pages_min, 16);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->pages_min, 940);
}
END_TEST

/* DMA alone, @free_pages present and free: min_free_kbytes and pages_min. */
static void expect_min_free_kbytes_for(unsigned long free_pages)
{
	struct zone *dma = zone_of(ZONE_DMA);

	dma->present_pages = dma->free_pages = free_pages;
	dma->pages_high = 0;       /* as at boot: nr_free_buffer_pages() subtracts it */
	init_per_zone_pages_min();
	if (min_free_kbytes != expected_min_free_kbytes())
		ck_abort_msg("%lu free pages: min_free_kbytes %d, want %d", free_pages,
			     min_free_kbytes, expected_min_free_kbytes());
	if (free_pages && dma->pages_min != (unsigned long)min_free_kbytes / 4)
		ck_abort_msg("%lu free pages: DMA pages_min %lu", free_pages, dma->pages_min);
}

/*
 * The formula alone, on a zone filled in by hand: every amount of
 * present (and free) lowmem from 0 to 300000 pages in steps of 7, then the
 * amounts around the 65536 KB ceiling, which needs 2^26 free pages
 * (256 GB of lowmem: out of an i386's reach, but the clamp must hold).
 */
START_TEST(min_free_kbytes_is_int_sqrt_of_16_times_present_lowmem_kb)
{
	static const unsigned long huge[] = { (1ul << 26) - 1, 1ul << 26, (1ul << 26) + 1, 1ul << 30 };
	static const struct machine one_page = { .zone_pages = { 1, 0, 0 } };

	init_zones(&one_page);     /* the zonelists: DMA alone */
	for (unsigned long pages = 0; pages < 300000; pages += 7)
		expect_min_free_kbytes_for(pages);
	for (size_t i = 0; i < ARRAY_SIZE(huge); i++)
		expect_min_free_kbytes_for(huge[i]);
	ck_assert_int_eq(min_free_kbytes, 65536);
}
END_TEST

/* ---- mistakes: bad_page() ---- */

/*
 * Free @page with @order, a mistake: expect one "BUG: Bad page state"
 * report for its pfn giving @reason, and mem_map (so the page's flags and
 * count) and the free lists exactly as they were.
 */
static void expect_bad_free(struct page *page, unsigned int order, const char *reason)
{
	size_t map_bytes = max_pfn * sizeof(struct page);
	struct page *map_before = malloc(map_bytes);
	struct page page_before = *page;
	unsigned long bad = nr_bad_pages;
	struct buddy_snapshot snap;
	char line[160];

	ck_assert(map_before);
	memcpy(map_before, mem_map, map_bytes);
	take_snapshot(&snap);
	host_log_reset();
	__free_pages(page, order);
	ck_assert_uint_eq(nr_bad_pages, bad + 1);
	snprintf(line, sizeof(line), "BUG: Bad page state in process swapper  pfn:%05lx\n",
		 pfn_of(page));
	ck_assert_msg(host_log_contains(line), "no \"%s\" in:\n%s", line, host_log());
	snprintf(line, sizeof(line), "page dumped because: %s\n", reason);
	ck_assert_msg(host_log_contains(line), "no \"%s\" in:\n%s", line, host_log());
	expect_snapshot(&snap);
	ck_assert_uint_eq(page->flags, page_before.flags);
	ck_assert_int_eq(page->_count, page_before._count);
	ck_assert_msg(memcmp(map_before, mem_map, map_bytes) == 0, "mem_map changed");
	free(map_before);
}

#define DOUBLE_FREE "freeing a page that is already free (double free)"
#define COUNT_ZERO  "page count already zero (a double free, or never allocated)"

/*
 *   [A ##][B ##][2-3 o1] ...      free A: [A  ][B ##]    free A again
 *
 * A first waits on the per-CPU list, with no reference and no PG_buddy:
 * the second free finds its count zero.  Drained, A's buddy B is in use,
 * so A becomes a free block of its own, PG_buddy: a third free is caught
 * as a double free.
 */
START_TEST(double_free_of_an_order0_page_is_reported_and_changes_nothing)
{
	struct page *a, *b;

	boot(&one_block_machine);
	a = alloc_pages(GFP_KERNEL, 0);
	b = alloc_pages(GFP_KERNEL, 0);
	ck_assert_uint_eq(pfn_of(b), 1);
	__free_pages(a, 0);
	expect_bad_free(a, 0, COUNT_ZERO);
	drain_all_pages();
	ck_assert(on_free_list(ZONE_DMA, 0, 0));
	expect_bad_free(a, 0, DOUBLE_FREE);
	__free_pages(b, 0);
	drain_all_pages();
	ck_assert(on_free_list(ZONE_DMA, 10, 0));
}
END_TEST

/*
 * A user process, "init" pid 1, is current: its allocation fails (GFP_DMA
 * with the DMA zone down to its atomic limit, as above) and it frees a
 * page twice.  Expect both reports to name it, not swapper, as Linux's
 * name current->comm: "init: page allocation failure. order:0, ..." and
 * "BUG: Bad page state in process init  pfn:...".
 */
START_TEST(failure_and_bad_page_reports_name_the_current_process)
{
	struct task_struct init = { .pid = 1, .comm = "init" };
	struct page *a, *b;
	char line[80];

	boot(&small_machine);
	host_current_task = &init;
	expect_allocs_from(GFP_DMA, ZONE_DMA, 4096 - 60);
	host_log_reset();
	ck_assert_ptr_null(alloc_pages(GFP_DMA, 0));
	ck_assert_msg(host_log_contains("init: page allocation failure. order:0, mode:0x1\n"),
		      "no report naming init in:\n%s", host_log());
	ck_assert(!host_log_contains("swapper"));

	a = alloc_pages(GFP_KERNEL, 0);
	b = alloc_pages(GFP_KERNEL, 0);
	__free_pages(a, 0);
	host_log_reset();
	__free_pages(a, 0);
	snprintf(line, sizeof(line), "BUG: Bad page state in process init  pfn:%05lx\n",
		 pfn_of(a));
	ck_assert_msg(host_log_contains(line), "no \"%s\" in:\n%s", line, host_log());
	ck_assert(!host_log_contains("swapper"));
	__free_pages(b, 0);
	host_current_task = &host_init_task;
}
END_TEST

START_TEST(double_free_of_an_order3_block_is_reported_and_changes_nothing)
{
	struct page *a, *b;

	boot(&one_block_machine);
	a = alloc_pages(GFP_KERNEL, 3);
	b = alloc_pages(GFP_KERNEL, 3);
	__free_pages(b, 3);
	ck_assert(on_free_list(ZONE_DMA, 3, 8));
	expect_bad_free(b, 3, DOUBLE_FREE);
	__free_pages(a, 3);
	ck_assert(on_free_list(ZONE_DMA, 10, 0));
}
END_TEST

/*
 * A page freed, then merged into its buddy's block, is no longer the head
 * of anything: a second free finds a page with no references.  The head
 * of the merged block is caught as a double free.
 */
START_TEST(double_free_after_a_merge_is_reported_and_changes_nothing)
{
	struct page *a, *b;

	boot(&one_block_machine);
	a = alloc_pages(GFP_KERNEL, 0);
	b = alloc_pages(GFP_KERNEL, 0);
	__free_pages(a, 0);
	__free_pages(b, 0);
	drain_all_pages();
	ck_assert(on_free_list(ZONE_DMA, 10, 0));
	expect_bad_free(b, 0, COUNT_ZERO);
	expect_bad_free(a, 0, DOUBLE_FREE);
}
END_TEST

START_TEST(free_of_a_reserved_hole_page_is_reported_and_changes_nothing)
{
	boot(&hole_machine);
	expect_bad_free(mem_map + 1050, 0,
			"PAGE_FLAGS_CHECK_AT_FREE flag(s) set: freeing a reserved page");
	expect_bad_free(mem_map + 1024, 3,
			"PAGE_FLAGS_CHECK_AT_FREE flag(s) set: freeing a reserved page");
	ck_assert(PageReserved(mem_map + 1050));
	ck_assert_int_eq(page_count(mem_map + 1050), 1);
}
END_TEST

/* An order-2 block freed as order 0, then as order 3; then rightly. */
START_TEST(free_with_the_wrong_order_is_reported_and_changes_nothing)
{
	struct page *page;

	boot(&one_block_machine);
	page = alloc_pages(GFP_KERNEL, 2);
	expect_bad_free(page, 0, "freeing with the wrong order");
	expect_bad_free(page, 3, "freeing with the wrong order");
	__free_pages(page, 2);
	ck_assert(on_free_list(ZONE_DMA, 10, 0));
	ck_assert_uint_eq(nr_bad_pages, 2);
}
END_TEST

/*
 *   [H ##][T ##][##][##]    an order-2 block; free its second page T
 *
 * Expect "freeing a tail page of a larger allocation", whether T has no
 * reference of its own or holds one (after get_page(T)).
 */
START_TEST(free_of_a_tail_page_is_reported_and_changes_nothing)
{
	struct page *head;

	boot(&one_block_machine);
	head = alloc_pages(GFP_KERNEL, 2);
	ck_assert(PageHead(head) && PageTail(head + 1));
	expect_bad_free(head + 1, 0, "freeing a tail page of a larger allocation");
	get_page(head + 1);
	expect_bad_free(head + 1, 0, "freeing a tail page of a larger allocation");
	set_page_count(head + 1, 0);
	__free_pages(head, 2);
	ck_assert(on_free_list(ZONE_DMA, 10, 0));
	ck_assert(!PageTail(head + 1) && !PageHead(head));
}
END_TEST

/*
 * Releasing boot memory twice would put a block on a free list twice (the
 * list would loop).  Expect a Bad page state report for the second
 * release, and the free lists and managed count unchanged by it.
 */
START_TEST(releasing_boot_memory_twice_is_reported_and_changes_nothing)
{
	struct buddy_snapshot before;
	unsigned long managed;

	boot(&one_block_machine);
	managed = zone_of(ZONE_DMA)->managed_pages;
	take_snapshot(&before);
	host_log_reset();
	free_bootmem_range(0, 1024);
	ck_assert(host_log_contains("BUG: Bad page state"));
	ck_assert(host_log_contains("releasing boot memory that is not reserved"));
	expect_snapshot(&before);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->managed_pages, managed);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_area[MAX_ORDER - 1].nr_free, 1);
}
END_TEST

/*
 * Boot memory is checked page by page as it is released: every page of a
 * block must still be reserved (page_flags_expected()), and one that is
 * not stops the whole block.  hole_machine's hole [1000, 1100) is still
 * reserved; mark pfn 1050 as released already and release [1024, 1088),
 * one order-6 block:
 *
 *   [1024 ....... 1050 ....... 1088)   reserved, count 1
 *                  ^ not reserved
 *
 * Expect the report, 0 pages released, the free lists unchanged, the
 * pages before 1050 put back as they were (reserved, one reference);
 * reserved again, the block then goes: 64 pages.
 */
START_TEST(releasing_a_block_with_a_page_released_already_is_reported_and_changes_nothing)
{
	struct buddy_snapshot before;
	unsigned long managed;

	boot(&hole_machine);
	managed = zone_of(ZONE_DMA)->managed_pages;
	clear_page_flag(&map[1050], PG_reserved);
	take_snapshot(&before);
	host_log_reset();
	ck_assert_uint_eq(free_bootmem_range(1024, 1088), 0);
	ck_assert(host_log_contains("BUG: Bad page state"));
	ck_assert(host_log_contains("page dumped because: releasing boot memory that is not reserved"));
	expect_snapshot(&before);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->managed_pages, managed);
	for (unsigned long pfn = 1024; pfn < 1088; pfn++)
		ck_assert(pfn == 1050 || (PageReserved(&map[pfn]) && page_count(&map[pfn]) == 1));
	set_page_flag(&map[1050], PG_reserved);
	ck_assert_uint_eq(free_bootmem_range(1024, 1088), 64);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->managed_pages, managed + 64);
	ck_assert(on_free_list(ZONE_DMA, 6, 1024));
}
END_TEST

/*
 * That check is enough because a reserved page is never mapped: the
 * reverse map refuses one (2.6.11's BUG_ON(PageReserved(page)) in
 * page_add_anon_rmap()), so its _mapcount, mapping and private stay as
 * memmap_init_zone() wrote them.  Expect the BUG.
 */
START_TEST(mapping_a_reserved_page_is_a_bug)
{
	struct mm_struct mm = { 0 };
	struct vm_area_struct vma = {
		.vm_mm = &mm, .vm_start = 0x08048000, .vm_end = 0x0804c000,
	};

	boot(&hole_machine);
	host_expect_bug("BUG_ON(PageReserved(page))");
	page_add_anon_rmap(&map[1050], &vma, 0x08048000);
}
END_TEST

START_TEST(free_of_a_page_still_mapped_is_reported_and_changes_nothing)
{
	struct page *page;

	boot(&one_block_machine);
	page = alloc_pages(GFP_KERNEL, 0);
	page->_mapcount = 0;                 /* mapped once */
	expect_bad_free(page, 0, "nonzero mapcount: freeing a page still mapped");
	page->_mapcount = -1;
	page->mapping = page;                /* any owner */
	expect_bad_free(page, 0, "non-NULL mapping: freeing a page still in use");
	page->mapping = NULL;
	__free_pages(page, 0);
	ck_assert_uint_eq(free_or_pcp(ZONE_DMA), 1024);
}
END_TEST

/*
 * A user page mapped twice, as page_add_anon_rmap() (mm/rmap.c) records it
 * for each pte: _mapcount 1 (page_mapcount() 2), mapping the mm with
 * PAGE_MAPPING_ANON, index its page number in the region.  Freeing it
 * while mapped is reported and changes nothing; once page_remove_rmap()
 * has run for both ptes the page is plain allocated again and frees.
 */
START_TEST(user_page_mapcount_follows_rmap_and_blocks_the_free)
{
	struct mm_struct mm = { 0 };
	struct vm_area_struct vma = {
		.vm_mm = &mm, .vm_start = 0x08048000, .vm_end = 0x0804c000,
		.vm_pgoff = 0x08048000 >> PAGE_SHIFT,
	};
	struct page *page;

	boot(&one_block_machine);
	page = alloc_pages(GFP_KERNEL, 0);
	page_add_anon_rmap(page, &vma, 0x0804a000);
	ck_assert_int_eq(page_mapcount(page), 1);
	ck_assert(PageAnon(page));
	ck_assert_ptr_eq(page->mapping, (void *)((unsigned long)&mm | PAGE_MAPPING_ANON));
	ck_assert_uint_eq(page->index, 0x0804a000 >> PAGE_SHIFT);
	page_add_anon_rmap(page, &vma, 0x0804a000);
	ck_assert_int_eq(page_mapcount(page), 2);
	expect_bad_free(page, 0, "nonzero mapcount: freeing a page still mapped");
	page_remove_rmap(page);
	ck_assert(page_mapped(page) && page->mapping);
	page_remove_rmap(page);
	ck_assert(!page_mapped(page) && !page->mapping && !page->index);
	__free_pages(page, 0);
	ck_assert_uint_eq(free_or_pcp(ZONE_DMA), 1024);
	ck_assert_uint_eq(nr_bad_pages, 1);
}
END_TEST

/* page_remove_rmap() of a page no pte maps: the counts are wrong, BUG. */
START_TEST(page_remove_rmap_of_an_unmapped_page_is_a_bug)
{
	boot(&one_block_machine);
	host_expect_bug("BUG_ON(!page_mapped(page))");
	page_remove_rmap(alloc_pages(GFP_KERNEL, 0));
}
END_TEST

/*
 * The buddy core refuses a block that is not aligned to its order, or
 * that lies outside the zone it is freed to (2.6.11's BUG_ONs in
 * __free_pages_bulk()): either would corrupt the free lists.
 */
START_TEST(buddy_core_free_of_a_misaligned_block_is_a_bug)
{
	struct page *block;

	boot(&small_machine);
	block = alloc_pages(GFP_KERNEL, 2);
	host_expect_bug("BUG_ON(pfn & ((1ul << order) - 1))");
	free_one_page(page_zone(block), block + 1, 1);
}
END_TEST

START_TEST(buddy_core_free_into_the_wrong_zone_is_a_bug)
{
	struct page *page;

	boot(&small_machine);
	page = alloc_pages(GFP_DMA, 0);
	host_expect_bug("BUG_ON(bad_range(zone, page))");
	free_one_page(zone_of(ZONE_NORMAL), page, 0);
}
END_TEST

/* put_page semantics: the first of two references only drops one. */
START_TEST(free_of_a_page_with_two_references_frees_it_on_the_second)
{
	struct buddy_snapshot snap;
	struct page *page;

	boot(&one_block_machine);
	page = alloc_pages(GFP_KERNEL, 1);
	get_page(page);
	take_snapshot(&snap);
	__free_pages(page, 1);
	expect_snapshot(&snap);
	ck_assert_int_eq(page_count(page), 1);
	ck_assert(PageHead(page) && !PageBuddy(page));
	__free_pages(page, 1);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 1024);
	ck_assert(on_free_list(ZONE_DMA, 10, 0));
	ck_assert_uint_eq(nr_bad_pages, 0);
	ck_assert_str_eq(host_log(), "");
}
END_TEST

/* ---- randomized ---- */

#define RANDOM_STEPS     1000000
#define FULL_CHECK_EVERY 10000
#define PHASE_STEPS      50000       /* filling (70% allocs), then draining (30%) */
#define OWNER_HOLE       0xffffffffu

static u64 rng = 0x9e3779b97f4a7c15ULL;

static u64 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Order o with probability 2^-(o+1) (order 10: 2^-10). */
static unsigned int random_order(void)
{
	unsigned int order = 0;

	while (order < MAX_ORDER - 1 && (rnd() & 1))
		order++;
	return order;
}

static bool gfp_allows(gfp_t gfp, enum zone_type z)
{
	if (gfp & __GFP_DMA)
		return z == ZONE_DMA;
	return z != ZONE_HIGHMEM || (gfp & __GFP_HIGHMEM);
}

struct live_block {
	unsigned long pfn;
	unsigned int order;
};

struct random_run {
	struct live_block *live;
	unsigned long nr_live;
	unsigned long allocated[MAX_NR_ZONES];     /* pages, per zone */
	u32 *owner;              /* per pfn: 0 free, step + 1 of its allocation, or a hole */
	signed char *heads;      /* random_full_check()'s views of the free pages */
	u8 *on_pcp;
	unsigned long step;
};

/* One allocation, checked: zone allowed, aligned, overlapping nothing. */
static void random_alloc(struct random_run *r)
{
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_DMA, GFP_HIGHUSER, GFP_ATOMIC };
	unsigned int order = random_order();
	gfp_t gfp = gfps[rnd() % ARRAY_SIZE(gfps)];
	struct page *page = alloc_pages(gfp | __GFP_NOWARN, order);
	unsigned long pfn, n = 1ul << order;
	enum zone_type z;

	if (!page)
		return;
	pfn = pfn_of(page);
	z = page_zonenum(page);
	if (!gfp_allows(gfp, z))
		ck_abort_msg("step %lu: gfp 0x%x got pfn %lu in %s", r->step, gfp, pfn,
			     zone_of(z)->name);
	if (pfn & (n - 1))
		ck_abort_msg("step %lu: order-%u block at unaligned pfn %lu", r->step, order, pfn);
	if (pfn < zone_of(z)->zone_start_pfn || pfn + n > zone_end_pfn(zone_of(z)))
		ck_abort_msg("step %lu: block [%lu, %lu) leaves %s", r->step, pfn, pfn + n,
			     zone_of(z)->name);
	for (unsigned long p = pfn; p < pfn + n; p++) {
		if (r->owner[p])
			ck_abort_msg("step %lu: order-%u block at %lu takes pfn %lu, owned by %u",
				     r->step, order, pfn, p, r->owner[p]);
		r->owner[p] = r->step + 1;
	}
	r->live[r->nr_live++] = (struct live_block){ pfn, order };
	r->allocated[z] += n;
}

/* Free a random live block. */
static void random_free(struct random_run *r)
{
	unsigned long i = rnd() % r->nr_live;
	struct live_block b = r->live[i];

	__free_pages(mem_map + b.pfn, b.order);
	for (unsigned long p = b.pfn; p < b.pfn + (1ul << b.order); p++)
		r->owner[p] = 0;
	r->allocated[page_zonenum(mem_map + b.pfn)] -= 1ul << b.order;
	r->live[i] = r->live[--r->nr_live];
}

/*
 * The free lists and per-CPU lists, and every page: owned by none iff in
 * exactly one free block or on a per-CPU list (holes are owned).
 */
static void random_full_check(struct random_run *r)
{
	unsigned long free = check_free_lists(r->heads), pcp, unowned = 0;

	memset(r->on_pcp, 0, max_pfn);
	pcp = check_pcp_lists(r->on_pcp);
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		unowned += r->owner[pfn] == 0;
		if (r->on_pcp[pfn] && r->owner[pfn])
			ck_abort_msg("step %lu: pfn %lu on a per-CPU list, owned by %u", r->step,
				     pfn, r->owner[pfn]);
		if (r->heads[pfn] < 0)
			continue;
		for (unsigned long p = pfn; p < pfn + (1ul << r->heads[pfn]); p++)
			if (r->owner[p] || r->on_pcp[p])
				ck_abort_msg("step %lu: free block at %lu holds pfn %lu, owned by %u%s",
					     r->step, pfn, p, r->owner[p],
					     r->on_pcp[p] ? ", on a per-CPU list" : "");
	}
	if (unowned != free + pcp || nr_bad_pages)
		ck_abort_msg("step %lu: %lu pages owned by none, %lu free + %lu per-CPU, %lu bad",
			     r->step, unowned, free, pcp, nr_bad_pages);
}

/*
 * A million steps on the big holey machine (all zones, a hole in each,
 * unaligned HighMem, per-CPU batches above 1), in phases that fill memory
 * to the watermarks and drain it.  After every step, in every zone:
 * free + per-CPU + allocated = managed.  Every FULL_CHECK_EVERY steps:
 * random_full_check().  At the end, every block freed and the per-CPU
 * lists drained: expect the free lists exactly as at the start.
 */
START_TEST(random_allocs_and_frees_keep_every_block_in_order)
{
	const struct machine *m = &big_holey_machine;
	struct random_run r = { 0 };
	struct buddy_snapshot start;
	signed char *heads_at_start;

	boot(m);
	r.live = calloc(max_pfn, sizeof(*r.live));
	r.owner = calloc(max_pfn, sizeof(*r.owner));
	r.heads = malloc(max_pfn);
	r.on_pcp = malloc(max_pfn);
	heads_at_start = malloc(max_pfn);
	ck_assert(r.live && r.owner && r.heads && r.on_pcp && heads_at_start);
	for (int h = 0; h < m->nr_holes; h++)
		for (unsigned long p = m->holes[h].start; p < m->holes[h].end; p++)
			r.owner[p] = OWNER_HOLE;
	take_snapshot(&start);
	check_free_lists(heads_at_start);
	expect_all_ram_free(m);

	for (r.step = 0; r.step < RANDOM_STEPS; r.step++) {
		bool filling = (r.step / PHASE_STEPS) % 2 == 0;

		if (rnd() % 100 < (filling ? 70u : 30u) || !r.nr_live)
			random_alloc(&r);
		else
			random_free(&r);
		for (int z = 0; z < MAX_NR_ZONES; z++)
			if (free_or_pcp(z) + r.allocated[z] != zone_of(z)->managed_pages)
				ck_abort_msg("step %lu: %s free %lu + per-CPU %lu + allocated %lu "
					     "!= managed %lu", r.step, zone_of(z)->name,
					     zone_of(z)->free_pages, zone_pcp_pages(zone_of(z)),
					     r.allocated[z], zone_of(z)->managed_pages);
		if ((r.step + 1) % FULL_CHECK_EVERY == 0)
			random_full_check(&r);
	}
	while (r.nr_live)
		random_free(&r);
	drain_all_pages();
	check_free_lists(r.heads);
	ck_assert_msg(memcmp(heads_at_start, r.heads, max_pfn) == 0, "free blocks differ from the start");
	expect_snapshot(&start);
	ck_assert_uint_eq(nr_bad_pages, 0);
	free(r.live);
	free(r.owner);
	free(r.heads);
	free(r.on_pcp);
	free(heads_at_start);
}
END_TEST

/* ---- everything out and back ---- */

/*
 * Each kind of request, one after another, takes order-0 pages until it
 * fails.  Expect every zone then at the lowest floor_of() among the kinds
 * whose zonelist holds it (HighMem: pages_min; Normal and DMA: GFP_ATOMIC's
 * or GFP_DMA's discounted min), and after freeing everything (and draining
 * the per-CPU lists) the same /proc/buddyinfo, character for character.
 * Every zone of the holey machine has a per-CPU batch of 1.
 */
START_TEST(alloc_everything_then_free_everything_restores_buddyinfo)
{
	static const gfp_t kinds[] = { GFP_HIGHUSER, GFP_KERNEL, GFP_DMA, GFP_ATOMIC };
	unsigned long want[MAX_NR_ZONES];
	char *before;

	boot(&holey_machine);
	show_buddyinfo();
	before = strdup(host_log());
	ck_assert(before && host_log_contains("Node 0, zone  HighMem "));
	for (int z = 0; z < MAX_NR_ZONES; z++)
		want[z] = zone_of(z)->free_pages;
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		ck_assert_uint_gt(alloc_until_null(kinds[k]), 0);
		for (int z = 0; z < MAX_NR_ZONES; z++)
			if (gfp_allows(kinds[k], z))
				want[z] = min(want[z], floor_of(kinds[k], z, false));
		for (int z = 0; z < MAX_NR_ZONES; z++)
			ck_assert_msg(zone_of(z)->free_pages == want[z],
				      "after gfp 0x%x: %s has %lu free, want %lu", kinds[k],
				      zone_of(z)->name, zone_of(z)->free_pages, want[z]);
	}
	ck_assert_uint_eq(want[ZONE_HIGHMEM], zone_of(ZONE_HIGHMEM)->pages_min);
	ck_assert_uint_eq(all_pcp_pages(), 0);
	free_held();
	drain_all_pages();
	host_log_reset();
	show_buddyinfo();
	ck_assert_str_eq(host_log(), before);
	free(before);
}
END_TEST

/*
 * /proc/zoneinfo in 2.6.13's format, on the no-HighMem machine (DMA 4096,
 * Normal 7904 present, all free), after one Normal page was allocated and
 * freed to the per-CPU list:
 *   16 x 4 x 12000 = 768000; 876^2 = 767376 <= it < 877^2: 876 KB, 219 pages
 *   DMA 219 x 4096/12000 = 74.8: 74, 92, 111
 *   Normal 219 x 7904/12000 = 144.3: 144, 180, 216
 *   protection: DMA 7904/256 = 30 against Normal and HighMem requests
 *   Normal's batch: 7904/1024 = 7, /4 = 1; low 2, high 6
 * Expect exactly this text: DMA without a pageset line (its list is empty),
 * Normal's one page counted on its list, not in "pages free", and no
 * HighMem entry at all (an empty zone is not listed).
 */
START_TEST(zoneinfo_is_2_6_13s_and_lists_no_empty_zone)
{
	static const char want[] =
		"Node 0, zone      DMA\n"
		"  pages free     4096\n"
		"        min      74\n"
		"        low      92\n"
		"        high     111\n"
		"        spanned  4096\n"
		"        present  4096\n"
		"        protection: (0, 30, 30)\n"
		"  pagesets\n"
		"  start_pfn:         0\n"
		"Node 0, zone   Normal\n"
		"  pages free     7903\n"
		"        min      144\n"
		"        low      180\n"
		"        high     216\n"
		"        spanned  7904\n"
		"        present  7904\n"
		"        protection: (0, 0, 0)\n"
		"  pagesets\n"
		"    cpu: 0 pcp: 0\n"
		"              count: 1\n"
		"              low:   2\n"
		"              high:  6\n"
		"              batch: 1\n"
		"  start_pfn:         4096\n";
	struct page *page;

	boot(&no_highmem_machine);
	page = alloc_pages(GFP_KERNEL, 0);
	ck_assert_ptr_nonnull(page);
	__free_pages(page, 0);
	host_log_reset();
	show_zoneinfo();
	ck_assert_str_eq(host_log(), want);
}
END_TEST

/* ---- memblock: allocating, and handing over to the buddy allocator ---- */

/*
 *   memory   [0 ======================================== 16M)
 *   reserved            [1M ## 2M)
 *   allocs                                      [c 64K] ..[b][a]
 *
 * Top-down: a = 16M - 4K, then b below it.  c asks 12 KB aligned to 64 KB:
 * its size is rounded up to 64 KB first, as Linux's memblock does "to
 * avoid excessive fragmentation on reserved array", so c = 0xfe0000.
 */
START_TEST(memblock_alloc_is_top_down_aligned_and_reserves_what_it_returns)
{
	u64 a, b, c;

	memblock_add(0, 16 * SZ_1M);
	memblock_reserve(SZ_1M, SZ_1M);
	a = memblock_alloc(SZ_4K, SZ_4K);
	ck_assert_uint_eq(a, 16 * SZ_1M - SZ_4K);
	ck_assert(memblock_is_region_reserved(a, SZ_4K));
	b = memblock_alloc(0x100, SZ_4K);
	ck_assert_uint_eq(b, 16 * SZ_1M - 2 * SZ_4K);
	ck_assert(memblock_is_region_reserved(b, 0x100));
	c = memblock_alloc(0x3000, SZ_64K);
	ck_assert_uint_eq(c, 0xfe0000);
	ck_assert(memblock_is_reserved(c) && memblock_is_reserved(c + 0x2fff));
	ck_assert_uint_eq(memblock_reserved_size(), SZ_1M + 2 * SZ_4K + SZ_64K);
	ck_assert(!memblock_is_region_reserved(c + SZ_64K, b - (c + SZ_64K)));
}
END_TEST

/*
 *   memory   [0 ========================================= 16M)
 *   reserved            [1M ## 2M)
 *   limit                     ^ 1.5M           ^ 0x7ff800 (unaligned), 8M
 *
 * Expect the highest page below each limit: 0x7fe000; then, with the
 * limit at 8M, the page just above that one; then below the reserved MB.
 */
START_TEST(memblock_alloc_stays_below_the_current_limit)
{
	memblock_add(0, 16 * SZ_1M);
	memblock_reserve(SZ_1M, SZ_1M);
	memblock_set_current_limit(0x7ff800);
	ck_assert_uint_eq(memblock_alloc(SZ_4K, SZ_4K), 0x7fe000);
	memblock_set_current_limit(8 * SZ_1M);
	ck_assert_uint_eq(memblock_alloc(SZ_4K, SZ_4K), 0x7ff000);
	memblock_set_current_limit(SZ_1M + SZ_1M / 2);     /* inside the reserved MB */
	ck_assert_uint_eq(memblock_alloc(SZ_4K, SZ_4K), SZ_1M - SZ_4K);
	ck_assert_uint_eq(memblock_reserved_size(), SZ_1M + 3 * SZ_4K);
}
END_TEST

/*
 *   memory   [0 == 640K)      [1M ===================== 16M)
 *   reserved                  [1M ############## 15.5M)
 *
 * Free: 640 KB low, 512 KB high.  Expect 1 MB to fail and reserve
 * nothing, as do size 0, alignment 0 or not a power of two.  512 KB takes
 * the high range, 600 KB then [40K, 640K); 40 KB would fit only at address
 * 0, which means failure, and with the limit at 0 nothing fits.
 */
START_TEST(memblock_alloc_returns_0_when_nothing_fits)
{
	u64 reserved;

	memblock_add(0, 640 * 1024);
	memblock_add(SZ_1M, 15 * SZ_1M);
	memblock_reserve(SZ_1M, 29 * SZ_1M / 2);
	reserved = memblock_reserved_size();
	ck_assert_uint_eq(memblock_alloc(SZ_1M, SZ_4K), 0);
	ck_assert_uint_eq(memblock_alloc(SZ_4K, 0), 0);
	ck_assert_uint_eq(memblock_alloc(SZ_4K, 3 * SZ_4K), 0);
	ck_assert_uint_eq(memblock_alloc(0, SZ_4K), 0);
	ck_assert_uint_eq(memblock_reserved_size(), reserved);
	ck_assert_uint_eq(memblock_alloc(512 * 1024, SZ_4K), 31 * SZ_1M / 2);
	ck_assert_uint_eq(memblock_alloc(600 * 1024, SZ_4K), 40 * 1024);
	ck_assert_uint_eq(memblock_alloc(40 * 1024, SZ_4K), 0);
	memblock_set_current_limit(0);
	ck_assert_uint_eq(memblock_alloc(SZ_4K, SZ_4K), 0);
	ck_assert_uint_eq(memblock_reserved_size(), reserved + 1112 * 1024);
}
END_TEST

/* Is every byte of page @pfn RAM, and none of it reserved? */
static bool page_is_free_ram(unsigned long pfn)
{
	u64 pa = (u64)pfn << PAGE_SHIFT;

	return memblock_is_memory(pa) && memblock_is_memory(pa + SZ_4K - 1) &&
	       !memblock_is_region_reserved(pa, SZ_4K);
}

/*
 * 32 MB less 8 KB (max_pfn 0x1ffe), as e820 reports it, with the kernel
 * and a few stray reservations:
 *
 *   memory   [4K ===== 0x9f800)   [1M ================================= 0x1ffe000)
 *   reserved                      [1M # 1.5M)  [0x200800 #) [0xfff800 #) [a #]
 *                                                  pfns 200,201   fff,1000  1ffd
 *
 * Expect exactly the whole pages of RAM that nothing reserves on the buddy
 * lists, in their zones: 0x9f (half RAM) is not, nor are 0x200, 0x201,
 * 0xfff and 0x1000 (half reserved); 7959 pages in all.
 */
START_TEST(memblock_free_all_releases_exactly_the_unreserved_whole_pages)
{
	static const struct machine m = {
		.zone_pages = { 4096, 4094, 0 }, .holes = { { 0, 1 }, { 0x9f, 0x100 } }, .nr_holes = 2,
	};
	signed char *heads;
	unsigned char *free_map;
	unsigned long released, want = 0;

	memblock_add(SZ_4K, 0x9f800 - SZ_4K);
	memblock_add(SZ_1M, 0x1ffe000 - SZ_1M);
	memblock_reserve(SZ_1M, SZ_1M / 2);
	memblock_reserve(0x200800, SZ_4K);
	memblock_reserve(0xfff800, SZ_4K);
	ck_assert_uint_eq(memblock_alloc(SZ_4K, SZ_4K), 0x1ffd000);
	init_zones(&m);
	released = memblock_free_all();
	ck_assert_uint_eq(released, 7959);
	ck_assert_uint_eq(totalram_pages, 7959);
	heads = malloc(max_pfn);
	free_map = calloc(max_pfn, 1);
	ck_assert(heads && free_map);
	ck_assert_uint_eq(check_free_lists(heads), 7959);
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		for (long i = 0; heads[pfn] >= 0 && i < (1l << heads[pfn]); i++)
			free_map[pfn + i] = 1;
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		want += page_is_free_ram(pfn);
		if (free_map[pfn] != page_is_free_ram(pfn) ||
		    PageReserved(mem_map + pfn) == page_is_free_ram(pfn))
			ck_abort_msg("pfn 0x%lx: on the lists %d, reserved %d", pfn,
				     free_map[pfn], PageReserved(mem_map + pfn));
	}
	ck_assert_uint_eq(want, 7959);
	ck_assert_uint_eq(zone_of(ZONE_DMA)->free_pages, 158 + 128 + 3581);
	ck_assert_uint_eq(zone_of(ZONE_NORMAL)->free_pages, 4092);
	free(heads);
	free(free_map);
}
END_TEST

/*
 * memblock_alloc() must not round a size near 2^64 up to 0 (ALIGN wraps),
 * which once made memblock_alloc(U64_MAX, 4K) on [0, 16M) return 0x1000000,
 * past the end of RAM, reserving nothing.  Expect 0.
 */
START_TEST(memblock_alloc_of_a_size_near_2_64_fails)
{
	memblock_add(0, 16 * SZ_1M);
	ck_assert_uint_eq(memblock_alloc(U64_MAX, SZ_4K), 0);
	ck_assert_uint_eq(memblock_alloc(U64_MAX - 0x100, SZ_4K), 0);
	ck_assert_uint_eq(memblock_reserved_size(), 0);
}
END_TEST

Suite *buddy_suite(void)
{
	Suite *s = suite_create("buddy");
	TCase *tc = tcase_create("core");
	TCase *slow = tcase_create("random");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, alloc_splits_an_order10_block_into_one_block_per_order);
	tcase_add_test(tc, free_merges_buddies_up_to_max_order);
	tcase_add_test(tc, free_merges_when_the_lower_buddy_was_freed_first);
	tcase_add_test(tc, free_merges_when_the_upper_buddy_was_freed_first);
	tcase_add_test(tc, free_does_not_merge_neighbours_that_are_not_buddies);
	tcase_add_test(tc, release_of_an_unaligned_range_uses_largest_aligned_blocks);
	tcase_add_test(tc, release_of_an_aligned_range_frees_whole_order10_blocks);
	tcase_add_test(tc, release_never_crosses_a_zone_boundary);
	tcase_add_test(tc, free_blocks_never_cross_the_dma_normal_boundary);
	tcase_add_test(tc, free_blocks_never_cross_an_unaligned_highmem_boundary);
	tcase_add_test(tc, free_blocks_stop_at_an_unaligned_end_of_ram);
	tcase_add_test(tc, free_blocks_never_merge_into_or_across_a_hole);
	tcase_add_test(tc, gfp_kernel_takes_normal_then_dma_and_gfp_atomic_goes_below_min);
	tcase_add_test(tc, gfp_dma_fails_when_dma_is_exhausted_even_if_normal_is_free);
	tcase_add_test(tc, gfp_highuser_takes_highmem_then_normal_then_dma);
	tcase_add_test(tc, gfp_highuser_without_highmem_takes_normal);
	tcase_add_test(tc, watermarks_follow_linux_on_the_small_machine);
	tcase_add_test(tc, watermarks_follow_linux_with_holes_in_every_zone);
	tcase_add_test(tc, watermarks_follow_linux_with_a_large_highmem);
	tcase_add_test(tc, watermarks_clamp_highmem_pages_min_to_128);
	tcase_add_test(tc, watermarks_raise_min_free_kbytes_to_128_on_a_tiny_machine);
	tcase_add_test(tc, watermarks_of_a_2g_pc_count_present_lowmem_not_the_hole);
	tcase_add_test(tc, watermarks_of_a_2g_pc_without_holes_are_2_6_11_i386s);
	tcase_add_test(tc, watermarks_count_present_pages_in_use_too);
	tcase_add_test(tc, min_free_kbytes_is_int_sqrt_of_16_times_present_lowmem_kb);
	tcase_add_test(tc, double_free_of_an_order0_page_is_reported_and_changes_nothing);
	tcase_add_test(tc, failure_and_bad_page_reports_name_the_current_process);
	tcase_add_test(tc, double_free_of_an_order3_block_is_reported_and_changes_nothing);
	tcase_add_test(tc, double_free_after_a_merge_is_reported_and_changes_nothing);
	tcase_add_test(tc, free_of_a_reserved_hole_page_is_reported_and_changes_nothing);
	tcase_add_test(tc, free_with_the_wrong_order_is_reported_and_changes_nothing);
	tcase_add_test(tc, free_of_a_tail_page_is_reported_and_changes_nothing);
	tcase_add_test(tc, free_of_a_page_still_mapped_is_reported_and_changes_nothing);
	tcase_add_test(tc, user_page_mapcount_follows_rmap_and_blocks_the_free);
	tcase_add_exit_test(tc, page_remove_rmap_of_an_unmapped_page_is_a_bug, HOST_EXPECTED_BUG_EXIT);
	tcase_add_exit_test(tc, buddy_core_free_of_a_misaligned_block_is_a_bug, HOST_EXPECTED_BUG_EXIT);
	tcase_add_exit_test(tc, buddy_core_free_into_the_wrong_zone_is_a_bug, HOST_EXPECTED_BUG_EXIT);
	tcase_add_test(tc, free_of_a_page_with_two_references_frees_it_on_the_second);
	tcase_add_test(tc, alloc_everything_then_free_everything_restores_buddyinfo);
	tcase_add_test(tc, zoneinfo_is_2_6_13s_and_lists_no_empty_zone);
	tcase_add_test(tc, zone_layout_with_all_three_zones);
	tcase_add_test(tc, zone_layout_without_highmem);
	tcase_add_test(tc, zone_layout_with_dma_only);
	tcase_add_test(tc, zone_layout_without_zone_dma);
	tcase_add_test(tc, memblock_alloc_is_top_down_aligned_and_reserves_what_it_returns);
	tcase_add_test(tc, memblock_alloc_stays_below_the_current_limit);
	tcase_add_test(tc, memblock_alloc_returns_0_when_nothing_fits);
	tcase_add_test(tc, memblock_free_all_releases_exactly_the_unreserved_whole_pages);
	tcase_add_test(tc, memblock_alloc_of_a_size_near_2_64_fails);
	tcase_add_test(tc, releasing_boot_memory_twice_is_reported_and_changes_nothing);
	tcase_add_test(tc, releasing_a_block_with_a_page_released_already_is_reported_and_changes_nothing);
	tcase_add_exit_test(tc, mapping_a_reserved_page_is_a_bug, HOST_EXPECTED_BUG_EXIT);
	suite_add_tcase(s, tc);

	/* A million steps under AddressSanitizer: room beyond check's 4 seconds. */
	tcase_add_checked_fixture(slow, setup, teardown);
	tcase_set_timeout(slow, 30);
	tcase_add_test(slow, random_allocs_and_frees_keep_every_block_in_order);
	suite_add_tcase(s, slow);

	return s;
}
