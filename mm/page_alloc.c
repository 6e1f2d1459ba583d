/*
 * mm/page_alloc.c - the zoned buddy allocator.
 *
 * Every zone keeps its free memory as blocks of 2^order pages, each block
 * aligned to its size.  The buddy of the block at pfn is the block at
 *
 *     buddy_pfn = pfn ^ (1 << order)
 *
 * i.e. the other half of the block of order + 1 that contains both.
 *
 * Allocation (__rmqueue, expand): take a block from the smallest non-empty
 * list of order >= the request; while it is too big, split it in two, keep
 * the lower half and put the upper half back on the list one order down.
 *
 *   order 2 request, only an order-4 block free:
 *     [................]  order 4        take it, split:
 *     [........][ 3 ]    order 3 upper half -> free_area[3]
 *     [....][2 ]         order 2 upper half -> free_area[2]
 *     [####]             order 2: returned
 *
 * Freeing (__free_one_page): while the buddy is free, whole, of the same
 * order and in the same zone, take it off its list and merge; put the
 * result on its list.  Merging stops at MAX_ORDER - 1, at a zone boundary,
 * and at holes (whose pages are PG_reserved, never PG_buddy).
 *
 * Mistakes are caught (bad_page()): a double free, a free of a reserved
 * page, of a tail page, with the wrong order, or of a page still mapped
 * prints "BUG: Bad page state" and leaves everything as it was.
 *
 * This file has no i386 in it: the host unit tests compile it over a
 * malloc'ed mem_map (as Linux's tools/testing/memblock does for memblock).
 *
 * Mirrors: mm/page_alloc.c (2.6.11) __free_one_page(), expand(),
 * __rmqueue(), __alloc_pages(), zone_watermark_ok(), build_zonelists(),
 * setup_per_zone_pages_min(), setup_per_zone_lowmem_reserve(),
 * free_area_init_core(); bad_page() with the report of later kernels.
 * Order-0 pages go through per-CPU hot lists (buffered_rmqueue(),
 * free_hot_cold_page()), as in 2.6: most single-page allocations and frees
 * then cost a list push or pop.
 *
 * Omitted: the cold lists, NUMA, reclaim and kswapd, compound pages (we
 * mark head and tail pages only to check the order on free).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/kallsyms.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/traps.h>

struct pglist_data contig_page_data;
struct page *mem_map;
unsigned long max_pfn, max_low_pfn;
unsigned long totalram_pages, totalhigh_pages;
unsigned long nr_bad_pages;           /* bad_page() reports so far */
int min_free_kbytes;

static const char *const zone_names[MAX_NR_ZONES] = { "DMA", "Normal", "HighMem" };
/* lowmem_reserve_ratio: a zone keeps 1/ratio of the higher zones' pages back. */
static const unsigned long sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 32, 32 };

#define SWAP_CLUSTER_MAX 32

/* ---- the struct page states (see linux/mm_types.h) ---- */

static inline void set_page_buddy(struct page *page, unsigned long order)
{
	set_page_order(page, order);
	set_page_flag(page, PG_buddy);
}

static inline void clear_page_buddy(struct page *page)
{
	clear_page_flag(page, PG_buddy);
	set_page_order(page, 0);
}

/*
 * Is @buddy the first page of a free block of @order in the same zone as
 * @page?  Only then may the two merge.  pfn_valid() stops at the end of
 * mem_map; the zone check stops at zone boundaries; holes are never buddy.
 */
static inline bool page_is_buddy(const struct page *page, unsigned long buddy_pfn,
				 unsigned long order)
{
	const struct page *buddy;

	if (!pfn_valid(buddy_pfn))
		return false;
	buddy = mem_map + buddy_pfn;
	return PageBuddy(buddy) && page_order(buddy) == order &&
	       page_zonenum(buddy) == page_zonenum(page);
}

static inline void add_to_free_area(struct zone *zone, struct page *page,
				    unsigned long order)
{
	set_page_buddy(page, order);
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
	zone->free_pages += 1ul << order;
}

static inline void del_from_free_area(struct zone *zone, struct page *page,
				      unsigned long order)
{
	list_del(&page->lru);
	clear_page_buddy(page);
	zone->free_area[order].nr_free--;
	zone->free_pages -= 1ul << order;
}

/*
 * __free_one_page - put the free block at @page (2^order pages, aligned)
 * on @zone's lists, merging it with its buddy as long as it can.
 */
static void __free_one_page(struct page *page, struct zone *zone, unsigned long order)
{
	unsigned long pfn = page - mem_map;

	set_page_order(page, 0);      /* only the final head keeps an order */
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1ul << order);

		if (!page_is_buddy(page, buddy_pfn, order))
			break;
		del_from_free_area(zone, mem_map + buddy_pfn, order);
		pfn &= buddy_pfn;             /* the merged block starts at the lower half */
		page = mem_map + pfn;
		order++;
	}
	add_to_free_area(zone, page, order);
}

/*
 * expand - split the block at @page of order @high down to order @low,
 * returning the upper halves to the free lists (see the drawing above).
 */
static void expand(struct zone *zone, struct page *page, unsigned long low,
		   unsigned long high)
{
	while (high > low) {
		high--;
		add_to_free_area(zone, page + (1ul << high), high);
	}
}

/* __rmqueue - take a block of @order from @zone, splitting a larger one. */
static struct page *__rmqueue(struct zone *zone, unsigned long order)
{
	for (unsigned long o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_entry(area->free_list.next, struct page, lru);
		del_from_free_area(zone, page, o);
		expand(zone, page, order, o);
		return page;
	}
	return NULL;
}

/* ---- mistakes ---- */

static void dump_page_flags(const struct page *page, char *buf, size_t len)
{
	static const char *const names[NR_PAGEFLAGS] = { "reserved", "buddy", "head", "tail", "slab" };
	size_t n = 0;

	buf[0] = '\0';
	for (int f = 0; f < NR_PAGEFLAGS; f++)
		if (test_page_flag(page, f))
			n += snprintf(buf + n, len - n, "%s%s", n ? "|" : "", names[f]);
}

/*
 * bad_page - report a page in a state it must not be in, Linux's way.  The
 * caller then leaves the page and the free lists alone.
 */
static void bad_page(const struct page *page, const char *reason, unsigned long caller)
{
	char flags[48], sym[96];

	nr_bad_pages++;
	dump_page_flags(page, flags, sizeof(flags));
	sprint_symbol(sym, sizeof(sym), caller);
	printk("BUG: Bad page state in process swapper  pfn:%05lx\n",
	       (unsigned long)(page - mem_map));
	printk("page:%p count:%d mapcount:%d mapping:%p index:0x%lx\n",
	       (const void *)page, page->_count, page->_mapcount + 1,
	       page->mapping, page->index);
	printk("flags: 0x%lx(%s) zone:%s\n", page->flags, flags, zone_names[page_zonenum(page)]);
	printk("page dumped because: %s\n", reason);
	printk("freed by: %s\n", sym);
	dump_stack();
}

/* What is wrong with freeing @page as a block of @order, or NULL. */
static const char *free_pages_problem(const struct page *page, unsigned long order)
{
	if (PageReserved(page))
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set: freeing a reserved page";
	if (PageBuddy(page))
		return "freeing a page that is already free (double free)";
	if (PageTail(page))
		return "freeing a tail page of a larger allocation";
	if (PageSlab(page))
		return "freeing a page that still belongs to a slab";
	if (page->_mapcount != -1)
		return "nonzero mapcount: freeing a page still mapped";
	if (page->mapping)
		return "non-NULL mapping: freeing a page still in use";
	if (page_order(page) != order)
		return "freeing with the wrong order";
	return NULL;
}

/* ---- freeing ---- */

/*
 * drain_pages - give up to @n pages of @pcp back to the buddy lists, the
 * coldest (least recently freed) first.
 */
static __attribute__((noinline)) void
drain_pages(struct zone *zone, struct per_cpu_pages *pcp, int n)
{
	while (n-- > 0 && pcp->count) {
		struct page *page = list_entry(pcp->list.prev, struct page, lru);

		list_del(&page->lru);
		pcp->count--;
		__free_one_page(page, zone, 0);
	}
}

/**
 * drain_all_pages - empty every per-CPU list into the buddy lists, so that
 * /proc/buddyinfo shows every free page (Linux: drain_local_pages()).
 */
void drain_all_pages(void)
{
	struct zone *zone;
	u32 flags = local_irq_save();

	for_each_zone(zone)
		for (int cpu = 0; cpu < NR_CPUS; cpu++)
			drain_pages(zone, &zone->pageset[cpu], zone->pageset[cpu].count);
	local_irq_restore(flags);
}

static void free_pages_bulk(struct page *page, unsigned long order)
{
	struct zone *zone = page_zone(page);

	if (order) {
		clear_page_flag(page, PG_head);
		for (unsigned long i = 1; i < (1ul << order); i++)
			clear_page_flag(page + i, PG_tail);
	}
	__free_one_page(page, zone, order);
}

/*
 * free_hot_page - an order-0 page goes onto this CPU's hot list; when the
 * list is past pcp->high, pcp->batch pages go back to the buddy lists.
 */
static inline void free_hot_page(struct page *page)
{
	struct zone *zone = page_zone(page);
	struct per_cpu_pages *pcp = &zone->pageset[smp_processor_id()];
	u32 flags = local_irq_save();

	list_add(&page->lru, &pcp->list);
	if (unlikely(++pcp->count >= pcp->high))
		drain_pages(zone, pcp, pcp->batch);
	local_irq_restore(flags);
}

static void __free_pages_caller(struct page *page, unsigned int order,
				unsigned long caller)
{
	const char *problem;

	if (page->_count <= 0) {
		bad_page(page, PageBuddy(page) ?
			 "freeing a page that is already free (double free)" :
			 PageTail(page) ? "freeing a tail page of a larger allocation" :
			 "page count already zero (a double free, or never allocated)",
			 caller);
		return;
	}
	if (--page->_count)
		return;               /* other references remain (put_page) */
	problem = free_pages_problem(page, order);
	if (problem) {
		page->_count++;       /* undo: leave the page exactly as it was */
		bad_page(page, problem, caller);
		return;
	}
	if (order == 0)
		free_hot_page(page);
	else
		free_pages_bulk(page, order);
}

/* Flags a page being freed must not have (Linux: PAGE_FLAGS_CHECK_AT_FREE). */
#define PAGE_FLAGS_CHECK_AT_FREE \
	((1ul << PG_reserved) | (1ul << PG_buddy) | (1ul << PG_head) | (1ul << PG_tail) | \
	 (1ul << PG_slab))

/**
 * __free_pages - drop a reference to the block at @page, allocated with
 * @order; free it when that was the last one.
 *
 * The common case, the last reference to a clean order-0 page, is checked
 * with one mask and goes straight to the per-CPU list; anything else takes
 * the long way, which also explains what is wrong (bad_page()).
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (likely(order == 0 && page->_count == 1 && page->_mapcount == -1 &&
		   !((page->flags & PAGE_FLAGS_CHECK_AT_FREE) | page->private |
		     (unsigned long)page->mapping))) {
		page->_count = 0;
		free_hot_page(page);
		return;
	}
	__free_pages_caller(page, order, (unsigned long)__builtin_return_address(0));
}

/*
 * __free_pages_bootmem - hand a block of boot memory (reserved, count 1
 * since memmap_init_zone) to the buddy allocator.
 */
static void __free_pages_bootmem(struct page *page, unsigned long order)
{
	struct zone *zone = page_zone(page);

	for (unsigned long i = 0; i < (1ul << order); i++) {
		if (unlikely(!PageReserved(page + i))) {   /* released twice? */
			while (i--) {                       /* undo, change nothing */
				set_page_flag(page + i, PG_reserved);
				set_page_count(page + i, 1);
			}
			bad_page(page, "releasing boot memory that is not reserved "
				 "(released twice?)", (unsigned long)__builtin_return_address(0));
			return;
		}
		clear_page_flag(page + i, PG_reserved);
		set_page_count(page + i, 0);
	}
	zone->managed_pages += 1ul << order;
	totalram_pages += 1ul << order;
	if (is_highmem(zone))
		totalhigh_pages += 1ul << order;
	__free_one_page(page, zone, order);
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
 * boundary.  Returns the pages released.
 */
unsigned long free_bootmem_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn;

	while (pfn < end_pfn) {
		struct zone *zone = page_zone(mem_map + pfn);
		unsigned long end = min(end_pfn, zone_end_pfn(zone));
		unsigned long order = max_order_at(pfn);

		while (pfn + (1ul << order) > end)
			order--;
		__free_pages_bootmem(mem_map + pfn, order);
		pfn += 1ul << order;
	}
	return end_pfn > start_pfn ? end_pfn - start_pfn : 0;
}

/* ---- allocating ---- */

/*
 * prep_zero_page - __GFP_ZERO: clear each page through kmap_atomic(), which
 * gives a highmem page an address for the moment (Linux: clear_highpage())
 * and is the direct-map address for a lowmem page.
 */
static void prep_zero_page(struct page *page, unsigned long order)
{
	for (unsigned long i = 0; i < (1ul << order); i++) {
		void *kaddr = kmap_atomic(page + i, KM_USER0);

		memset(kaddr, 0, PAGE_SIZE);
		kunmap_atomic(kaddr, KM_USER0);
	}
}

/* A block just taken off a free list becomes an allocation of @order. */
static void prep_new_page(struct page *page, unsigned long order)
{
	set_page_count(page, 1);
	set_page_order(page, order);
	if (order) {
		set_page_flag(page, PG_head);
		for (unsigned long i = 1; i < (1ul << order); i++)
			set_page_flag(page + i, PG_tail);
	}
}

/*
 * zone_watermark_ok - may an allocation of @order take pages from @z and
 * leave at least @mark free (plus the reserve kept for lower zonelists)?
 * The check is repeated per order: after discounting the blocks too small
 * to serve the request, half as many pages must remain at each order up.
 */
bool zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
		       int classzone_idx, bool can_try_harder, bool gfp_high)
{
	long min = mark, free_pages = z->free_pages - (1l << order) + 1;

	if (gfp_high)
		min -= min / 2;
	if (can_try_harder)
		min -= min / 4;
	if (free_pages <= min + (long)z->lowmem_reserve[classzone_idx])
		return false;
	for (unsigned int o = 0; o < order; o++) {
		free_pages -= z->free_area[o].nr_free << o;
		min >>= 1;
		if (free_pages <= min)
			return false;
	}
	return true;
}

/* Move up to @count order-0 pages from the buddy lists to @list. */
static int rmqueue_bulk(struct zone *zone, int count, struct list_head *list)
{
	int i;

	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, 0);

		if (!page)
			break;
		list_add_tail(&page->lru, list);
	}
	return i;
}

/*
 * buffered_rmqueue - take a block of @order from @zone: an order-0 page from
 * this CPU's hot list, refilled with pcp->batch pages from the buddy lists
 * when it runs low; anything bigger straight from the buddy lists.
 */
static struct page *buffered_rmqueue(struct zone *zone, unsigned int order)
{
	u32 flags = local_irq_save();
	struct page *page = NULL;

	if (order == 0) {
		struct per_cpu_pages *pcp = &zone->pageset[smp_processor_id()];

		if (pcp->count <= pcp->low)
			pcp->count += rmqueue_bulk(zone, pcp->batch, &pcp->list);
		if (pcp->count) {
			page = list_entry(pcp->list.next, struct page, lru);
			list_del(&page->lru);
			pcp->count--;
		}
	} else {
		page = __rmqueue(zone, order);
	}
	local_irq_restore(flags);
	return page;
}

/*
 * get_page_from_zonelist - the first zone of @zl with pages above its
 * watermark (pages_low, or pages_min when @use_min) gives the block.
 */
static struct page *get_page_from_zonelist(gfp_t gfp, unsigned int order,
					   struct zonelist *zl, bool use_min)
{
	int classzone_idx = zl->classzone_idx;
	bool atomic = !(gfp & __GFP_WAIT);

	for (struct zone **z = zl->zones; *z; z++) {
		unsigned long mark = use_min ? (*z)->pages_min : (*z)->pages_low;
		struct page *page;

		if (!zone_watermark_ok(*z, order, mark, classzone_idx,
				       use_min && atomic, use_min && (gfp & __GFP_HIGH)))
			continue;
		page = buffered_rmqueue(*z, order);
		if (page)
			return page;
	}
	return NULL;
}

static unsigned long nr_pcp_pages(void)
{
	struct zone *zone;
	unsigned long n = 0;

	for_each_zone(zone)
		n += zone_pcp_pages(zone);
	return n;
}

/*
 * __alloc_pages_slowpath - everything but the order-0 fast path: every zone
 * of the list down to its low watermark; then down to its min watermark,
 * less for callers that cannot wait (GFP_ATOMIC may go below min); then
 * once more after draining the per-CPU lists.  There is no reclaim here,
 * so then it fails, with a report unless __GFP_NOWARN.
 */
static __attribute__((noinline)) struct page *
__alloc_pages_slowpath(gfp_t gfp_mask, unsigned int order, struct zonelist *zl)
{
	struct page *page;

	if (order >= MAX_ORDER) {
		WARN_ON(!(gfp_mask & __GFP_NOWARN));
		return NULL;
	}
	page = get_page_from_zonelist(gfp_mask, order, zl, false);
	if (!page)
		page = get_page_from_zonelist(gfp_mask, order, zl, true);
	if (!page && nr_pcp_pages()) {
		/* Free pages may be waiting on per-CPU lists, which the
		 * watermarks do not count: put them back and try once more
		 * (later Linux drains them before giving up, too). */
		drain_all_pages();
		page = get_page_from_zonelist(gfp_mask, order, zl, true);
	}
	if (!page) {
		if (!(gfp_mask & __GFP_NOWARN)) {
			printk("swapper: page allocation failure. order:%u, mode:0x%x\n",
			       order, gfp_mask);
			dump_stack();
		}
		return NULL;
	}
	prep_new_page(page, order);
	if (gfp_mask & __GFP_ZERO)
		prep_zero_page(page, order);
	return page;
}

/**
 * __alloc_pages - allocate 2^@order contiguous pages from the zones of
 * @zonelist (alloc_pages() picks it from @gfp_mask: see linux/gfp.h), or NULL.
 *
 * The fast path: an order-0 page from the first zone's per-CPU list, when
 * that zone is above its low watermark.  This is the first thing the slow
 * path would do; for order 0, zone_watermark_ok() reduces to the one
 * comparison (Linux 4.x: zone_watermark_fast()).
 */
struct page *__alloc_pages(gfp_t gfp_mask, unsigned int order, struct zonelist *zl)
{
	struct zone *zone = zl->zones[0];

	if (likely(!(order | (gfp_mask & __GFP_ZERO)) && zone &&
		   zone->free_pages > zone->pages_low + zone->lowmem_reserve[zl->classzone_idx])) {
		struct per_cpu_pages *pcp = &zone->pageset[smp_processor_id()];
		u32 flags = local_irq_save();

		if (likely(pcp->count > pcp->low)) {
			struct page *page = list_entry(pcp->list.next, struct page, lru);

			list_del(&page->lru);
			pcp->count--;
			local_irq_restore(flags);
			page->_count = 1;
			return page;
		}
		local_irq_restore(flags);
	}
	return __alloc_pages_slowpath(gfp_mask, order, zl);
}

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page;

	BUG_ON(gfp_mask & __GFP_HIGHMEM);  /* a highmem page has no address to return */
	page = alloc_pages(gfp_mask, order);
	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages_caller(virt_to_page((void *)addr), order,
				    (unsigned long)__builtin_return_address(0));
}

unsigned long nr_free_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone->free_pages;
	return sum;
}

/* Pages sitting on the per-CPU lists of @zone. */
unsigned long zone_pcp_pages(const struct zone *zone)
{
	unsigned long n = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		n += zone->pageset[cpu].count;
	return n;
}

unsigned long nr_free_highpages(void)
{
	return contig_page_data.node_zones[ZONE_HIGHMEM].free_pages;
}

/* ---- setting the zones up ---- */

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
 * The per-CPU lists' sizes, as 2.6.11's zone_batchsize(): a batch is about
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

/**
 * init_per_zone_pages_min - the watermarks, as Linux 2.6 computes them:
 *   min_free_kbytes = sqrt(16 * free lowmem in KB), within [128, 65536];
 *   a lowmem zone's pages_min is its share of that, by present pages;
 *   HighMem's is present / 1024, within [32, 128];
 *   pages_low = 5/4 pages_min, pages_high = 6/4 pages_min.
 */
void init_per_zone_pages_min(void)
{
	struct pglist_data *pgdat = &contig_page_data;
	unsigned long lowmem_pages = 0, lowmem_free = 0, pages_min;
	struct zone *zone;

	for_each_zone(zone) {
		if (!is_highmem(zone)) {
			lowmem_pages += zone->present_pages;
			lowmem_free += zone->free_pages;
		}
	}
	min_free_kbytes = int_sqrt(lowmem_free * (PAGE_SIZE >> 10) * 16);
	min_free_kbytes = max(128, min(min_free_kbytes, 65536));
	pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);

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
	setup_per_zone_lowmem_reserve(pgdat);
}
