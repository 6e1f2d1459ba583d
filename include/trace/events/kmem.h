/*
 * trace/events/kmem.h - the allocators' tracepoints (linux/tracepoint.h).
 *
 *   slab_error   a misuse of the slab was found and reported ("slab error
 *                in ...", "kfree: ... ignored"): a double free, a pointer
 *                that is not the cache's, a red zone overwritten.
 *                @cachep is the cache it was found in, or NULL for a
 *                kfree() of something no cache owns.  The report itself is
 *                on the console; the cache also counts it (cachep->errors,
 *                2.6's STATS_INC_ERR()).
 *
 *   bad_page     the page allocator found @page in a state it must not
 *                be in and reported it ("BUG: Bad page state", bad_page()):
 *                @reason is the "page dumped because:" line.
 *
 * Mirrors: include/trace/events/kmem.h (2.6.32+), which traces kmalloc()
 * and kfree() themselves; Linux has no tracepoint on a slab error or a bad
 * page.
 */
#ifndef _TRACE_EVENTS_KMEM_H
#define _TRACE_EVENTS_KMEM_H

#include <linux/tracepoint.h>

struct kmem_cache;
struct page;

DECLARE_TRACE(slab_error,
	TP_PROTO(const struct kmem_cache *cachep),
	TP_ARGS(cachep))

DECLARE_TRACE(bad_page,
	TP_PROTO(const struct page *page, const char *reason),
	TP_ARGS(page, reason))

#endif /* _TRACE_EVENTS_KMEM_H */
