/*
 * linux/mmzone.h - zones and their buddy free lists.
 *
 * Physical memory is split into zones by what can reach it (claims Z1-Z3):
 *
 *   ZONE_DMA      0 - 16 MB       ISA DMA can address only 24 bits
 *   ZONE_NORMAL   16 MB - 896 MB  permanently mapped at PAGE_OFFSET
 *   ZONE_HIGHMEM  896 MB - end    no permanent kernel address
 *
 * Each zone keeps free memory in blocks of 2^order pages, order 0 to
 * MAX_ORDER - 1 (4 KB to 4 MB): free_area[order].free_list links the first
 * page of every free block of that order (claim Z5).
 *
 * Mirrors: include/linux/mmzone.h (2.6.11).  Omitted: NUMA (one node,
 * contig_page_data), the cold per-CPU lists, LRU lists, kswapd.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/threads.h>

#define MAX_ORDER 11                     /* orders 0 .. 10: up to 4 MB blocks */
#define MAX_ORDER_NR_PAGES (1ul << (MAX_ORDER - 1))

enum zone_type {
	ZONE_DMA,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	MAX_NR_ZONES
};

struct free_area {
	struct list_head free_list;      /* first pages of free 2^order blocks */
	unsigned long nr_free;           /* how many blocks are on the list */
};

/*
 * Per-CPU hot page lists: each CPU keeps a few free order-0 pages of each
 * zone, so that most single-page allocations and frees touch neither the
 * buddy lists nor (on SMP) the zone's lock.  When the list runs low it is
 * refilled with `batch` pages from the buddy lists; when it grows past
 * `high`, `batch` pages go back.  Its pages are not counted in free_pages.
 */
struct per_cpu_pages {
	int count;                       /* pages on the list */
	int low, high, batch;
	struct list_head list;           /* most recently freed (hottest) first */
};

struct zone {
	/* Watermarks, in pages: below pages_low an allocation tries the next
	 * zone; only GFP_ATOMIC-style callers may go below pages_min. */
	unsigned long pages_min, pages_low, pages_high;
	/* Pages kept back from allocations that could have used a higher
	 * zone: lowmem_reserve[j] guards this zone against zonelist j. */
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	unsigned long free_pages;        /* sum of nr_free << order */
	struct per_cpu_pages pageset[NR_CPUS];
	struct free_area free_area[MAX_ORDER];

	unsigned long zone_start_pfn;
	unsigned long spanned_pages;     /* end_pfn - start_pfn, holes included */
	unsigned long present_pages;     /* RAM in the span (holes excluded) */
	unsigned long managed_pages;     /* handed to the buddy allocator */
	const char *name;
};

/* A zonelist: the zones an allocation may use, in the order to try them. */
struct zonelist {
	struct zone *zones[MAX_NR_ZONES + 1];    /* NULL-terminated */
	int classzone_idx;                       /* zone number of zones[0] */
};

/* The three zonelists, one per kind of request: GFP_DMA, plain, __GFP_HIGHMEM. */
#define GFP_ZONETYPES 3

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[GFP_ZONETYPES];
	unsigned long node_start_pfn;
	unsigned long node_spanned_pages;
	int node_id;
} pg_data_t;

extern struct pglist_data contig_page_data;
/* "DMA", "Normal", "HighMem": zone->name, and the "Zone ranges:" report. */
extern const char *const zone_names[MAX_NR_ZONES];
#define NODE_DATA(nid) (&contig_page_data)

static inline bool is_highmem(const struct zone *zone)
{
	return zone == &contig_page_data.node_zones[ZONE_HIGHMEM];
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

#define for_each_zone(z) \
	for (z = contig_page_data.node_zones; \
	     z < contig_page_data.node_zones + MAX_NR_ZONES; z++)

/* The zones with pages in them (later kernels' for_each_populated_zone()). */
#define for_each_populated_zone(z) \
	for_each_zone(z) \
		if (!(z)->present_pages) \
			; /* an empty zone */ \
		else

#endif /* _LINUX_MMZONE_H */
