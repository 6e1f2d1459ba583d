/*
 * mm/buddy.c - the buddy core: each zone's free_area lists, and how a
 * block is split on allocation and merged on free.
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
 * Nothing here knows about per-CPU lists, watermarks or gfp flags
 * (mm/page_alloc.c), nor about boot (mm/mm_init.c).  The callers hold
 * the zone (interrupts off) and hand over blocks that passed the test of
 * mm/internal.h: free_pages_check(), or for boot memory its flags half,
 * page_flags_expected().
 *
 * Mirrors: mm/page_alloc.c (2.6.11) __free_pages_bulk() (its merge loop,
 * named __free_one_page() from 2.6.16 on), page_is_buddy(), bad_range(),
 * expand(), __rmqueue() (its loop named __rmqueue_smallest() from
 * 2.6.24 on), free_one_page() (2.6.24), and the batch calls of the
 * per-CPU lists, rmqueue_bulk() and free_pages_bulk().  2.6.11 keeps
 * them in mm/page_alloc.c with everything else; they are a file of their
 * own here so the mechanism reads alone (mm/page_alloc.c says how the
 * three files divide 2.6.11's one).  Omitted: NUMA, migrate types,
 * compound pages.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "internal.h"

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

/* Does @zone's span of pfns, [zone_start_pfn, zone_end_pfn()), hold @pfn? */
static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return pfn >= zone->zone_start_pfn && pfn < zone_end_pfn(zone);
}

/* Is @page outside @zone?  Then it must not go on @zone's lists. */
static inline bool bad_range(const struct zone *zone, const struct page *page)
{
	return !zone_spans_pfn(zone, page - mem_map);
}

/*
 * Is the page at @buddy_pfn the first page of a free block of @order in
 * @zone?  Only then may the block being freed merge with it.  The zone
 * check stops merging at zone boundaries and at the end of mem_map (a
 * zone never spans past max_pfn), as 2.6.11's bad_range() test does;
 * holes are never PG_buddy.
 */
static inline bool page_is_buddy(const struct zone *zone, unsigned long buddy_pfn,
				 unsigned long order)
{
	const struct page *buddy = mem_map + buddy_pfn;

	return zone_spans_pfn(zone, buddy_pfn) && PageBuddy(buddy) &&
	       page_order(buddy) == order;
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
 * __free_one_page - put the free block at @page (2^order pages) on @zone's
 * lists, merging it with its buddy as long as it can.  The block must be
 * aligned to its size and lie in @zone: anything else is a bug in the
 * caller, which would corrupt the lists, so it stops the kernel (BUG_ON,
 * as 2.6.11's __free_pages_bulk()).
 */
static __always_inline void
__free_one_page(struct page *page, struct zone *zone, unsigned long order)
{
	unsigned long pfn = page - mem_map;

	BUG_ON(pfn & ((1ul << order) - 1));
	BUG_ON(bad_range(zone, page));
	set_page_order(page, 0);      /* only the final head keeps an order */
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1ul << order);

		if (!page_is_buddy(zone, buddy_pfn, order))
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
static __always_inline void
expand(struct zone *zone, struct page *page, unsigned long low, unsigned long high)
{
	while (high > low) {
		high--;
		add_to_free_area(zone, page + (1ul << high), high);
	}
}

/* __rmqueue_smallest - take a block of @order from @zone, splitting the
 * smallest larger one if there is none of @order. */
static __always_inline struct page *
__rmqueue_smallest(struct zone *zone, unsigned long order)
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

/*
 * What mm/page_alloc.c calls, with interrupts off: one block at a time
 * (orders above 0), or a batch for a per-CPU list.  The split and merge
 * loops above are inlined into each, so a batch costs one call.
 */

/* __rmqueue - take a block of @order from @zone, or NULL. */
struct page *__rmqueue(struct zone *zone, unsigned long order)
{
	return __rmqueue_smallest(zone, order);
}

/* free_one_page - put the free block at @page, of @order, back into @zone. */
void free_one_page(struct zone *zone, struct page *page, unsigned long order)
{
	__free_one_page(page, zone, order);
}

/* rmqueue_bulk - move up to @count blocks of @order from @zone to the tail
 * of @list.  Returns how many it moved (fewer when the zone runs dry). */
int rmqueue_bulk(struct zone *zone, unsigned int order, int count, struct list_head *list)
{
	int i;

	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue_smallest(zone, order);

		if (!page)
			break;
		list_add_tail(&page->lru, list);
	}
	return i;
}

/* free_pages_bulk - give up to @count blocks of @order from the tail of
 * @list back to @zone's lists.  Returns how many it gave. */
int free_pages_bulk(struct zone *zone, int count, struct list_head *list, unsigned int order)
{
	int i;

	for (i = 0; i < count && !list_empty(list); i++) {
		struct page *page = list_entry(list->prev, struct page, lru);

		list_del(&page->lru);
		__free_one_page(page, zone, order);
	}
	return i;
}
