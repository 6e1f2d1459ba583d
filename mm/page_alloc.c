/*
 * mm/page_alloc.c - the page allocator's front: alloc_pages() and
 * __free_pages(), the per-CPU page lists, the watermarks and zonelists,
 * and the one test of a page being freed.
 *
 * An allocation walks the zonelist that its gfp flags chose (linux/gfp.h),
 * best zone first, and takes from the first zone above its watermark:
 * pages_low, then pages_min (less for GFP_ATOMIC).  Order-0 pages pass
 * through per-CPU hot lists (buffered_rmqueue(), free_hot_page()), filled
 * and emptied pcp->batch pages at a time from the buddy lists, as in 2.6:
 * most single-page allocations and frees then cost a list pop or push.
 * Larger blocks go straight to the buddy core (mm/buddy.c).
 *
 * Every free is checked first (free_pages_check(), mm/internal.h): a
 * double free, a free of a reserved page, of a tail page, with the wrong
 * order, or of a page still mapped prints "BUG: Bad page state"
 * (bad_page()) and leaves everything as it was.
 *
 * This file has no i386 in it: the host unit tests compile it, with
 * mm/buddy.c and mm/mm_init.c, over a malloc'ed mem_map (as Linux's
 * tools/testing/memblock does for memblock).
 *
 * Mirrors: mm/page_alloc.c (2.6.11) __alloc_pages(), buffered_rmqueue(),
 * zone_watermark_ok(), free_hot_cold_page() (hot half), __free_pages_ok(),
 * drain_local_pages(), __free_pages(), free_pages(),
 * __get_free_pages(), nr_free_pages(); bad_page() with the report of
 * later kernels.  2.6.11 has all of the page allocator in this one file;
 * Linux 6.4 moved the boot-time setup out to mm/mm_init.c, and so do we
 * (plus the buddy core to mm/buddy.c), so each file is one mechanism.
 *
 * Omitted: the cold lists, NUMA, reclaim and kswapd, compound pages (we
 * mark head and tail pages only to check the order on free).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>            /* current->comm for the reports */
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <trace/events/kmem.h>
#include "internal.h"


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
 * bad_page - report a page in a state it must not be in, Linux's way,
 * naming the process whose free found it (current: a user process in a
 * system call, swapper at boot).  The caller then leaves the page and the
 * free lists alone.
 */
void bad_page(const struct page *page, const char *reason, unsigned long caller)
{
	char flags[48], sym[96];

	trace_bad_page(page, reason);
	dump_page_flags(page, flags, sizeof(flags));
	sprint_symbol(sym, sizeof(sym), caller);
	printk("BUG: Bad page state in process %s  pfn:%05lx\n",
	       current->comm, (unsigned long)(page - mem_map));
	printk("page:%p count:%d mapcount:%d mapping:%p index:0x%lx\n",
	       (const void *)page, page->_count, page->_mapcount + 1,
	       page->mapping, page->index);
	printk("flags: 0x%lx(%s) zone:%s\n", page->flags, flags, page_zone(page)->name);
	printk("page dumped because: %s\n", reason);
	printk("freed by: %s\n", sym);
	dump_stack();
}

/*
 * page_bad_reason - page_expected_state(@page, @flags, @order) said no:
 * name the first thing wrong, in the order a student would look, for
 * bad_page() to print.
 */
const char *page_bad_reason(const struct page *page, unsigned long flags,
			    unsigned long order)
{
	unsigned long wrong = (page->flags & PAGE_FLAGS_CHECK_AT_FREE) ^ flags;
	const char *reason = "unexpected state";

	if (wrong & (1ul << PG_reserved))
		reason = PageReserved(page) ?
			 "PAGE_FLAGS_CHECK_AT_FREE flag(s) set: freeing a reserved page" :
			 "releasing boot memory that is not reserved (released twice?)";
	else if (PageBuddy(page))
		reason = "freeing a page that is already free (double free)";
	else if (PageTail(page))
		reason = "freeing a tail page of a larger allocation";
	else if (PageSlab(page))
		reason = "freeing a page that still belongs to a slab";
	else if (page_mapped(page))
		reason = "nonzero mapcount: freeing a page still mapped";
	else if (page->mapping)
		reason = "non-NULL mapping: freeing a page still in use";
	else if ((wrong & (1ul << PG_head)) || page_order(page) != order)
		reason = "freeing with the wrong order";
	return reason;
}

/* ---- freeing ---- */

/*
 * drain_pages - give up to @n pages of @pcp back to the buddy lists, the
 * coldest (least recently freed) first.  Interrupts are off.  Out of
 * line, so that free_hot_page(), which calls it once a batch, stays short.
 */
static __attribute__((noinline)) void
drain_pages(struct zone *zone, struct per_cpu_pages *pcp, int n)
{
	pcp->count -= free_pages_bulk(zone, n, &pcp->list, 0);
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

/*
 * __free_pages_ok - an allocated block of order > 0 goes back to the buddy
 * lists; its pages stop being head and tail of an allocation.
 */
static __attribute__((noinline)) void __free_pages_ok(struct page *page, unsigned long order)
{
	u32 flags;

	clear_page_flag(page, PG_head);
	for (unsigned long i = 1; i < (1ul << order); i++)
		clear_page_flag(page + i, PG_tail);
	flags = local_irq_save();
	free_one_page(page_zone(page), page, order);
	local_irq_restore(flags);
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

/*
 * put_page_not_last - __free_pages() of a page whose count is not 1: drop
 * one of several references (Linux: put_page()), or report a free of a
 * page that has none, blaming @caller.  Out of line: it is rare.
 */
static __attribute__((noinline)) void
put_page_not_last(struct page *page, unsigned int order, unsigned long caller)
{
	if (page->_count > 1)
		page->_count--;
	else if (PageBuddy(page) || PageTail(page))   /* page_bad_reason() says which */
		bad_page(page, page_bad_reason(page, page_flags_allocated(order), order), caller);
	else
		bad_page(page, "page count already zero (a double free, or never allocated)",
			 caller);
}

/*
 * free_pages_slowpath - everything __free_pages() and free_pages() do
 * but the common case: a page with other references left (one is
 * dropped), a block of order > 0, and every mistake, which is reported
 * blaming @caller and changes nothing.  Out of line, so the common case
 * stays a few compares.
 */
static __attribute__((noinline)) void
free_pages_slowpath(struct page *page, unsigned int order, unsigned long caller)
{
	if (page->_count != 1) {
		put_page_not_last(page, order, caller);
		return;
	}
	if (unlikely(free_pages_check(page, order, caller)))
		return;
	/* A good order-0 page never comes here: free_pages_caller() freed it. */
	page->_count = 0;
	__free_pages_ok(page, order);
}

/*
 * free_pages_caller - drop a reference to the block at @page, allocated
 * with @order, and free it when that was the last one: order 0 to this
 * CPU's hot list, larger blocks to the buddy lists.  A mistake is
 * reported and changes nothing.
 *
 * The common case comes first and alone: the last reference to an
 * order-0 page in the state free_pages_check() wants, which gcc folds to
 * a few compares with constants.  Always inlined into __free_pages() and
 * free_pages(), so that __builtin_return_address(0) is their caller: the
 * code a report blames ("freed by:").
 */
static __always_inline void free_pages_caller(struct page *page, unsigned int order)
{
	if (likely(order == 0)) {
		if (likely(page_expected_state(page, 0, 0) && page->_count == 1)) {
			page->_count = 0;
			free_hot_page(page);
			return;
		}
	} else if (likely(page->_count == 1 &&
			  page_expected_state(page, 1ul << PG_head, order))) {
		page->_count = 0;
		__free_pages_ok(page, order);
		return;
	}
	free_pages_slowpath(page, order, (unsigned long)__builtin_return_address(0));
}

/**
 * __free_pages - drop a reference to the block at @page, allocated with
 * @order; free it when that was the last one.
 */
void __free_pages(struct page *page, unsigned int order)
{
	free_pages_caller(page, order);
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

/*
 * A block just taken off a free list becomes an allocation of @order.  Its
 * head's private is 0 already (clear_page_buddy(), or free_pages_check()
 * for a page from a per-CPU list), which is right for order 0.
 */
static inline void prep_new_page(struct page *page, unsigned long order)
{
	set_page_count(page, 1);
	if (order) {
		set_page_order(page, order);
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

/*
 * __rmqueue_pcplist - take the hottest page (the one freed last) off
 * @pcp, which the caller has checked is not empty, with interrupts off.
 */
static inline struct page *__rmqueue_pcplist(struct per_cpu_pages *pcp)
{
	struct page *page = list_entry(pcp->list.next, struct page, lru);

	list_del(&page->lru);
	pcp->count--;
	return page;
}

/*
 * buffered_rmqueue - take a block of @order from @zone: an order-0 page from
 * this CPU's hot list, refilled with pcp->batch pages from the buddy lists
 * when it runs low; anything bigger straight from the buddy lists.  The
 * block becomes an allocation (prep_new_page()), or NULL.
 */
static struct page *buffered_rmqueue(struct zone *zone, unsigned int order)
{
	u32 flags = local_irq_save();
	struct page *page = NULL;

	if (order == 0) {
		struct per_cpu_pages *pcp = &zone->pageset[smp_processor_id()];

		if (pcp->count <= pcp->low)
			pcp->count += rmqueue_bulk(zone, 0, pcp->batch, &pcp->list);
		if (pcp->count)
			page = __rmqueue_pcplist(pcp);
	} else {
		page = __rmqueue(zone, order);
	}
	local_irq_restore(flags);
	if (page)
		prep_new_page(page, order);
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
			printk("%s: page allocation failure. order:%u, mode:0x%x\n",
			       current->comm, order, gfp_mask);
			dump_stack();
		}
		return NULL;
	}
	if (gfp_mask & __GFP_ZERO)
		prep_zero_page(page, order);
	return page;
}

/**
 * __alloc_pages - allocate 2^@order contiguous pages from the zones of
 * @zonelist (alloc_pages() picks it from @gfp_mask: see linux/gfp.h), or NULL.
 *
 * The fast path: an order-0 page from the first zone's per-CPU list, when
 * that zone is above its low watermark and the list above pcp->low.  This
 * is the first thing the slow path would do (buffered_rmqueue() with no
 * refill); for order 0, zone_watermark_ok() reduces to the one comparison
 * (Linux 4.x: zone_watermark_fast()).  Anything else, a refill included,
 * takes the slow path, so the fast one calls nothing.
 */
struct page *__alloc_pages(gfp_t gfp_mask, unsigned int order, struct zonelist *zl)
{
	struct zone *zone = zl->zones[0];

	if (likely(!(order | (gfp_mask & __GFP_ZERO)) && zone &&
		   zone->free_pages > zone->pages_low + zone->lowmem_reserve[zl->classzone_idx])) {
		struct per_cpu_pages *pcp = &zone->pageset[smp_processor_id()];
		u32 flags = local_irq_save();

		if (likely(pcp->count > pcp->low)) {
			struct page *page = __rmqueue_pcplist(pcp);

			local_irq_restore(flags);
			prep_new_page(page, 0);
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

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		free_pages_caller(virt_to_page((void *)addr), order);
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
