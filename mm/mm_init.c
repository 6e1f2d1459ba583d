/*
 * mm/mm_init.c - setting the zones up at boot, and handing them the free
 * RAM that memblock kept until then.
 *
 *   zone_sizes_init() (arch/i386/mm/init.c)
 *     free_area_init_node()       every struct page reserved, in its zone
 *       memmap_init_zone()        (mem_map init: a few stores per page)
 *       setup_pageset()           the per-CPU lists' batch, low and high
 *       build_zonelists()         which zones each gfp zone modifier may use
 *   mem_init() (arch/i386/mm/init.c)
 *     memblock_free_all()
 *       free_bootmem_range()      free RAM -> buddy lists, in the largest
 *         __free_pages_bootmem()  aligned blocks, checked as any free is
 *     init_per_zone_pages_min()   watermarks and lowmem reserves from the
 *       setup_per_zone_pages_min()        present pages of each zone
 *       setup_per_zone_lowmem_reserve()
 *
 * Everything here runs once, before the first alloc_pages(); what runs on
 * every allocation is in mm/page_alloc.c and mm/buddy.c.
 *
 * Mirrors: mm/page_alloc.c (2.6.11) memmap_init_zone(),
 * free_area_init_node()/free_area_init_core() (with its batch size,
 * zone_batchsize() in later kernels, here in setup_pageset()), build_zonelists(), setup_per_zone_lowmem_reserve(),
 * setup_per_zone_pages_min()/init_per_zone_pages_min() with
 * nr_free_zone_pages()/nr_free_buffer_pages(), and
 * mm/bootmem.c free_all_bootmem_core(); __free_pages_bootmem() is
 * 2.6.24's name.  The file follows Linux 6.4's split of mm/page_alloc.c
 * into mm/page_alloc.c and mm/mm_init.c, which put the boot-time setup
 * of mem_map and the zones on its own: what runs once at boot is read
 * apart from what runs on every allocation.  Omitted: NUMA nodes,
 * memory hotplug, sparse memory models.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include "internal.h"

struct pglist_data contig_page_data;
struct page *mem_map;
unsigned long max_pfn, max_low_pfn;
unsigned long totalram_pages, totalhigh_pages;
int min_free_kbytes;

const char *const zone_names[MAX_NR_ZONES] = { "DMA", "Normal", "HighMem" };
/* lowmem_reserve_ratio: a zone keeps 1/ratio of the higher zones' pages back. */
static const unsigned long sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 32, 32 };

#define SWAP_CLUSTER_MAX 32

/* ---- the zones ---- */

/* Every page of [start, end) starts reserved, in @zone, with one reference. */
static void memmap_init_zone(unsigned long start, unsigned long end, enum zone_type zone)
{
	for (unsigned long pfn = start; pfn < end; pfn++) {
		struct page *page = mem_map + pfn;

		page->flags = (1ul << PG_reserved) | ((unsigned long)zone << ZONES_PGSHIFT);
		page->_count = 1;
		page->_mapcount = -1;
		page->private = 0;
		page->mapping = NULL;
		page->index = 0;
	}
}

/*
 * build_zonelists - which zones each kind of request may use, best first:
 *   [0] __GFP_DMA:      DMA
 *   [1] (default):      Normal, DMA
 *   [2] __GFP_HIGHMEM:  HighMem, Normal, DMA
 * Empty zones are left out.
 */
static void build_zonelists(struct pglist_data *pgdat)
{
	for (int list = 0; list < GFP_ZONETYPES; list++) {
		struct zonelist *zl = &pgdat->node_zonelists[list];
		int n = 0;

		for (int z = list; z >= 0; z--)
			if (pgdat->node_zones[z].present_pages)
				zl->zones[n++] = &pgdat->node_zones[z];
		zl->zones[n] = NULL;
		zl->classzone_idx = n ? zl->zones[0] - pgdat->node_zones : 0;
	}
}

/*
 * The per-CPU lists' sizes, as 2.6.11's free_area_init_core() computes
 * them (zone_batchsize() in later kernels): a batch is about
 * a quarter of 1/1024 of the zone, at most 16 pages; a list holds between
 * 2 and 6 batches (low, high).
 */
static void setup_pageset(struct zone *zone)
{
	int batch = zone->present_pages / 1024;

	if (batch * PAGE_SIZE > 256 * 1024)
		batch = (256 * 1024) / PAGE_SIZE;
	batch = max(batch / 4, 1);
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct per_cpu_pages *pcp = &zone->pageset[cpu];

		pcp->count = 0;
		pcp->batch = batch;
		pcp->low = 2 * batch;
		pcp->high = 6 * batch;
		INIT_LIST_HEAD(&pcp->list);
	}
}

/* free_area_init_node - see linux/mm.h. */
void free_area_init_node(struct pglist_data *pgdat, struct page *map,
			 const unsigned long *zones_size, const unsigned long *zholes_size)
{
	unsigned long start = 0;

	mem_map = map;
	pgdat->node_start_pfn = 0;
	for (int j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = &pgdat->node_zones[j];

		memset(zone, 0, sizeof(*zone));
		zone->name = zone_names[j];
		zone->zone_start_pfn = start;
		zone->spanned_pages = zones_size[j];
		zone->present_pages = zones_size[j] - zholes_size[j];
		for (int o = 0; o < MAX_ORDER; o++)
			INIT_LIST_HEAD(&zone->free_area[o].free_list);
		setup_pageset(zone);
		memmap_init_zone(start, start + zones_size[j], j);
		start += zones_size[j];
	}
	pgdat->node_spanned_pages = start;
	build_zonelists(pgdat);
}

/* The integer square root, by Newton's method (Linux: lib/int_sqrt.c). */
static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = x, prev;

	if (x < 2)
		return x;
	do {
		prev = r;
		r = (r + x / r) / 2;
	} while (r < prev);
	return prev;
}

/*
 * setup_per_zone_lowmem_reserve - a lower zone keeps back, from requests
 * that could have used a higher zone, the higher zones' pages / ratio.
 */
static void setup_per_zone_lowmem_reserve(struct pglist_data *pgdat)
{
	for (int j = 0; j < MAX_NR_ZONES; j++) {
		unsigned long present = pgdat->node_zones[j].present_pages;

		pgdat->node_zones[j].lowmem_reserve[j] = 0;
		for (int idx = j - 1; idx >= 0; idx--) {
			struct zone *lower = &pgdat->node_zones[idx];

			lower->lowmem_reserve[j] = present / sysctl_lowmem_reserve_ratio[idx];
			present += lower->present_pages;
		}
	}
}

/*
 * nr_free_zone_pages - the pages above pages_high in the zones of one
 * zonelist: what a request of that kind could take before reclaim would
 * start.  Before the watermarks are set (pages_high is 0) that is every
 * present page of those zones, free or not.
 */
static unsigned long nr_free_zone_pages(int offset)
{
	struct zone **zonep = contig_page_data.node_zonelists[offset].zones;
	unsigned long sum = 0;

	for (struct zone *zone = *zonep++; zone; zone = *zonep++)
		if (zone->present_pages > zone->pages_high)
			sum += zone->present_pages - zone->pages_high;
	return sum;
}

/* The pages a GFP_USER request may use: those of Normal and DMA (lowmem). */
static unsigned long nr_free_buffer_pages(void)
{
	return nr_free_zone_pages(gfp_zonelist(GFP_USER));
}

/*
 * setup_per_zone_pages_min - each zone's share of min_free_kbytes:
 *   a lowmem zone's pages_min = pages_min x its present / lowmem present;
 *   HighMem's = present / 1024 within [32, 128] (it needs no reserve, but
 *   reclaim batches by it), 0 if the zone is empty;
 *   pages_low = 5/4 pages_min, pages_high = 6/4 pages_min.
 */
static void setup_per_zone_pages_min(void)
{
	unsigned long pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (!is_highmem(zone))
			lowmem_pages += zone->present_pages;

	for_each_zone(zone) {
		if (is_highmem(zone)) {
			unsigned long m = zone->present_pages / 1024;

			zone->pages_min = max((unsigned long)SWAP_CLUSTER_MAX, min(m, 128ul));
		} else if (lowmem_pages) {
			zone->pages_min = (u64)pages_min * zone->present_pages / lowmem_pages;
		}
		if (!zone->present_pages)
			zone->pages_min = 0;
		zone->pages_low = zone->pages_min * 5 / 4;
		zone->pages_high = zone->pages_min * 6 / 4;
	}
}

/**
 * init_per_zone_pages_min - the watermarks and lowmem reserves, once the
 * zones are sized: min_free_kbytes = sqrt(16 x lowmem KB) within
 * [128, 65536], where lowmem KB counts every present page of DMA and
 * Normal (nr_free_buffer_pages() before any watermark is set), free or
 * not; then each zone's share (setup_per_zone_pages_min()).
 * 2.6.11's comment tabulates it: 16 MB -> 512 KB, 512 MB -> 2896 KB,
 * 1 GB -> 4096 KB.  Present pages leave QEMU's holes out (640 KB - 1 MB,
 * the top 128 KB), so -m 16M gives 503 KB, -m 512M 2894 KB and -m 2G
 * (896 MB of lowmem less the holes) 3830 KB.
 */
void init_per_zone_pages_min(void)
{
	unsigned long lowmem_kbytes = nr_free_buffer_pages() * (PAGE_SIZE >> 10);

	min_free_kbytes = int_sqrt(lowmem_kbytes * 16);
	min_free_kbytes = max(128, min(min_free_kbytes, 65536));
	setup_per_zone_pages_min();
	setup_per_zone_lowmem_reserve(&contig_page_data);
}

/* ---- boot memory -> the buddy lists ---- */

/* Page @bad of the block at @page may not be released: put back the pages
 * before it as they were, and report it. */
static __attribute__((noinline)) void
bootmem_release_bad(struct page *page, struct page *bad, unsigned long caller)
{
	for (struct page *q = page; q < bad; q++) {
		set_page_flag(q, PG_reserved);
		set_page_count(q, 1);
	}
	bad_page(bad, page_bad_reason(bad, 1ul << PG_reserved, 0), caller);
}

/*
 * __free_pages_bootmem - hand a block of boot memory to the buddy
 * allocator: true if it went, false after a report if it did not.  Every
 * page must still be as memmap_init_zone() left it: of the flags a free
 * checks, PG_reserved alone (page_flags_expected(), the part of
 * page_expected_state() that a reserved page can fail; mm/internal.h says
 * why the rest holds).  If one is not (the range was released twice?), the
 * report names it and nothing changes.  2.6.11's free_all_bootmem_core()
 * clears PG_reserved and frees the pages through __free_pages() (order-5
 * blocks where it can, single pages elsewhere), where free_pages_check()
 * sees each of them.
 */
static bool __free_pages_bootmem(struct page *page, unsigned long order)
{
	struct zone *zone = page_zone(page);
	unsigned long nr = 1ul << order;
	struct page *p = page, *end = page + nr;

	do {
		if (unlikely(!page_flags_expected(p, 1ul << PG_reserved))) {
			bootmem_release_bad(page, p, (unsigned long)__builtin_return_address(0));
			return false;
		}
		p->flags ^= 1ul << PG_reserved;     /* clear it: it was set */
		set_page_count(p, 0);
	} while (++p < end);
	zone->managed_pages += nr;
	totalram_pages += nr;
	if (is_highmem(zone))
		totalhigh_pages += nr;
	free_one_page(zone, page, order);
	return true;
}

/* The largest order a block at @pfn may have: limited by its alignment. */
static unsigned long max_order_at(unsigned long pfn)
{
	unsigned long order = 0;

	while (order < MAX_ORDER - 1 && !(pfn & (1ul << order)))
		order++;
	return order;
}

/**
 * free_bootmem_range - release free RAM [start_pfn, end_pfn) to the buddy
 * allocator in the largest aligned blocks that fit, never across a zone
 * boundary.  Returns the pages released: all of them, less any block
 * refused (and reported).
 */
unsigned long free_bootmem_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn, released = 0;

	while (pfn < end_pfn) {
		struct zone *zone = page_zone(mem_map + pfn);
		unsigned long end = min(end_pfn, zone_end_pfn(zone));
		unsigned long order = max_order_at(pfn);

		while (pfn + (1ul << order) > end)
			order--;
		if (__free_pages_bootmem(mem_map + pfn, order))
			released += 1ul << order;
		pfn += 1ul << order;
	}
	return released;
}
