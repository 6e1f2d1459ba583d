/*
 * trace/events/highmem.h - the pkmap window's tracepoint (linux/tracepoint.h).
 *
 *   flush_all_zero_pkmaps   kmap() found no free slot, cleared the slots
 *                           nobody holds (pkmap_count 1) and flushed the
 *                           TLB once for all of them: @cleared slots.
 *
 * Mirrors: mm/highmem.c flush_all_zero_pkmaps() (2.6.11), which has no
 * tracepoint; later kernels trace TLB flushes (trace/events/tlb.h).
 */
#ifndef _TRACE_EVENTS_HIGHMEM_H
#define _TRACE_EVENTS_HIGHMEM_H

#include <linux/tracepoint.h>

DECLARE_TRACE(flush_all_zero_pkmaps,
	TP_PROTO(unsigned int cleared),
	TP_ARGS(cleared))

#endif /* _TRACE_EVENTS_HIGHMEM_H */
