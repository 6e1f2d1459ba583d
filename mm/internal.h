/*
 * mm/internal.h - what the three files of the page allocator share, and
 * nothing else of the kernel sees:
 *
 *   mm/buddy.c       the buddy core: free_area lists, split and merge
 *   mm/page_alloc.c  per-CPU lists, watermarks, __alloc_pages/__free_pages,
 *                    and the one test of "a page that may be freed"
 *   mm/mm_init.c     zone setup at boot, boot memory -> buddy lists
 *
 * Mirrors: mm/internal.h of later kernels (helpers private to mm/) and the
 * free_pages_check()/bad_page() pair of mm/page_alloc.c (2.6.11), with the
 * fast test and the out-of-line reason of later kernels
 * (page_expected_state(), page_bad_reason()).
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>

/* ---- mm/buddy.c: the caller has interrupts off ---- */

/* Put the free block at @page (2^order pages, aligned to that) on @zone's
 * lists, merging it with its buddies. */
void free_one_page(struct zone *zone, struct page *page, unsigned long order);
/* Take a block of @order off @zone's lists, splitting a larger one, or NULL. */
struct page *__rmqueue(struct zone *zone, unsigned long order);
/* The same in batches, for the per-CPU lists: move up to @count blocks
 * from @zone to @list, or from the tail of @list to @zone; how many. */
int rmqueue_bulk(struct zone *zone, unsigned int order, int count, struct list_head *list);
int free_pages_bulk(struct zone *zone, int count, struct list_head *list, unsigned int order);

/* ---- mm/page_alloc.c: may this page be freed? ---- */

/* The flags checked when a page is freed (Linux: PAGE_FLAGS_CHECK_AT_FREE):
 * of these it may have only those its state expects (page_expected_state()). */
#define PAGE_FLAGS_CHECK_AT_FREE \
	((1ul << PG_reserved) | (1ul << PG_buddy) | (1ul << PG_head) | (1ul << PG_tail) | \
	 (1ul << PG_slab))

/* Report @page as in a state it must not be in ("BUG: Bad page state"),
 * blaming @caller.  The caller then leaves the page and the lists alone. */
void bad_page(const struct page *page, const char *reason, unsigned long caller);

/* The flags the head of an allocated block of @order has: PG_head if order > 0. */
static inline unsigned long page_flags_allocated(unsigned long order)
{
	return order ? 1ul << PG_head : 0;
}

/*
 * page_flags_expected - of the flags in PAGE_FLAGS_CHECK_AT_FREE, has
 * @page exactly @flags?  The first half of page_expected_state(), and the
 * whole of it for boot memory: a PG_reserved page is never mapped
 * (page_add_anon_rmap() refuses one), owned or on a free list, so its
 * _mapcount, mapping and private are still what memmap_init_zone() wrote.
 */
static inline bool page_flags_expected(const struct page *page, unsigned long flags)
{
	return !((page->flags ^ flags) & PAGE_FLAGS_CHECK_AT_FREE);   /* @flags is a subset */
}

/*
 * page_expected_state - is @page as it must be just before it goes onto
 * a free list: of the flags in PAGE_FLAGS_CHECK_AT_FREE exactly @flags
 * (PG_reserved for boot memory, page_flags_allocated() for an
 * allocation); mapped by no page table (_mapcount -1); owned by no one
 * (mapping); its private field the order it was allocated with?
 *
 * The one definition of "a page that may be freed": __free_pages() and
 * free_pages() ask it through free_pages_check(), and the boot memory
 * hand-over (mm/mm_init.c) asks its flags half, page_flags_expected(),
 * which is all a reserved page can fail.  The fields but _mapcount are
 * compared in one expression (the flags as page_flags_expected() does),
 * so the common case costs a few instructions, two branches.
 */
static inline bool page_expected_state(const struct page *page, unsigned long flags,
				       unsigned long order)
{
	return page->_mapcount == -1 &&           /* no page table maps it */
	       !(((page->flags ^ flags) & PAGE_FLAGS_CHECK_AT_FREE) |
		 (unsigned long)page->mapping | (page->private ^ order));
}

/* What page_expected_state(@page, @flags, @order) found wrong, in words. */
const char *page_bad_reason(const struct page *page, unsigned long flags,
			    unsigned long order);

/*
 * free_pages_check - may the allocated block at @page, with no references
 * left, go back to the free lists as a block of @order?  Returns true,
 * after the report blaming @caller, if it may not (Linux 2.6.11:
 * free_pages_check()).
 */
static inline bool free_pages_check(const struct page *page, unsigned long order,
				    unsigned long caller)
{
	if (likely(page_expected_state(page, page_flags_allocated(order), order)))
		return false;
	bad_page(page, page_bad_reason(page, page_flags_allocated(order), order), caller);
	return true;
}

#endif /* _MM_INTERNAL_H */
