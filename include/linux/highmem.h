/*
 * linux/highmem.h - giving highmem pages a kernel address for a while
 * (claims K1-K5, F3, Z7).
 *
 *  kmap(page)                 a slot of the pkmap window, held until
 *                             kunmap(page); may be kept for long, but the
 *                             LAST_PKMAP slots are shared by everyone (K4).
 *                             A lowmem page needs no slot (K5).
 *  kmap_atomic(page, type)    this CPU's fixmap slot @type: quick, one
 *                             invlpg, but the holder must not sleep and a
 *                             second use of the slot replaces the first.
 *
 * Mirrors: include/linux/highmem.h, include/asm-i386/highmem.h,
 * mm/highmem.c, arch/i386/mm/highmem.c (2.6.11).
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>
#include <memlayout.h>
#include <asm/kmap_types.h>

/*
 * pkmap_count[i] for slot i (address PKMAP_ADDR(i)):
 *   0    free, and no TLB entry can point at it
 *   1    free, but the TLB may still hold the old mapping: it must be
 *        flushed before the slot is reused (flush_all_zero_pkmaps())
 *   n>1  in use by n - 1 kmap() callers
 */
extern int pkmap_count[LAST_PKMAP];
extern unsigned int last_pkmap_nr;          /* where the next search starts */

/*
 * kmap - a kernel address for @page until kunmap(@page).  Lowmem: its
 * direct-map address, no slot used.  Highmem: a pkmap slot; when all are
 * held, Linux sleeps on pkmap_map_wait until a kunmap(); this kernel has
 * schedule() but no wait queues, so it reports that and returns NULL.
 */
void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_high(struct page *page);
void kunmap_high(struct page *page);

/* kmap_atomic - map @page at this CPU's fixmap slot @type
 * (FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu); lowmem pages are not mapped. */
void *kmap_atomic(struct page *page, enum km_type type);
void kunmap_atomic(void *kvaddr, enum km_type type);
struct page *kmap_atomic_to_page(void *kvaddr);

/* Free pkmap slots (count 0 or 1). */
unsigned int nr_free_pkmap_slots(void);

/*
 * kmap_flush_unused - reclaim now every slot with no users (count 1), as
 * the next wrap-around of the slot search would: their ptes are cleared,
 * their pages lose their addresses, and the TLB is flushed once if any was
 * reclaimed (Linux 2.6.22+).
 */
void kmap_flush_unused(void);

#endif /* _LINUX_HIGHMEM_H */
