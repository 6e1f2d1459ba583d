/*
 * linux/mm_types.h - struct page: one per physical page frame (claim P5).
 *
 * mem_map[pfn] describes physical page pfn, for every pfn below max_pfn,
 * whether RAM, hole or reserved.  On i386 the struct is 32 bytes, as in
 * Linux 2.6, so mem_map costs 32/4096 = 0.8% of RAM: 24 MB for 3 GB.
 * Several fields mean different things in different states:
 *
 *   state        flags          _count  private           lru
 *   free         PG_buddy (head) 0      order of block    link in free_list
 *                (none: tail)    0      0                 unused
 *   allocated    PG_head if >0   >= 1   order allocated   owner's (slab, later)
 *                PG_tail (tail)  0      0
 *   reserved     PG_reserved     1      0                 unused
 *   in a slab    PG_slab (+head/ 1 (head) order allocated next: its kmem_cache,
 *                tail as above)                            prev: its struct slab
 *
 * The zone a page belongs to is kept in the top bits of flags
 * (page_zonenum()), as Linux does, so no pointer is spent on it.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>

struct page {
	unsigned long flags;        /* PG_* bits; the zone number in the top bits */
	int _count;                 /* references: 0 while free */
	int _mapcount;              /* page-table mappings minus one: -1 unmapped */
	unsigned long private;      /* the order: of a free block (PG_buddy) or
				     * of an allocation (its head page) */
	void *mapping;              /* the owner of a user page (later issues) */
	unsigned long index;        /* its offset within the owner (later) */
	struct list_head lru;       /* free_list link while free */
};

#endif /* _LINUX_MM_TYPES_H */
