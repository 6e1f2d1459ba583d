/*
 * linux/gfp.h - "get free page" flags and the page allocator's API.
 *
 * The low bits choose the zones (claim A2):
 *   __GFP_DMA       only ZONE_DMA
 *   (neither)       ZONE_NORMAL, then ZONE_DMA
 *   __GFP_HIGHMEM   ZONE_HIGHMEM, then ZONE_NORMAL, then ZONE_DMA
 * The others choose the behaviour: __GFP_WAIT may sleep (so must not dig
 * into reserves), __GFP_HIGH may dip below the min watermark.
 *
 * Mirrors: include/linux/gfp.h (2.6.11), with its values.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>

typedef unsigned int gfp_t;

#define __GFP_DMA      0x01u
#define __GFP_HIGHMEM  0x02u
#define __GFP_WAIT     0x10u     /* can sleep */
#define __GFP_HIGH     0x20u     /* may use emergency pools */
#define __GFP_IO       0x40u
#define __GFP_FS       0x80u
#define __GFP_NOWARN   0x200u    /* no failure report */
#define __GFP_ZERO     0x8000u   /* return zeroed pages */

#define GFP_ATOMIC     (__GFP_HIGH)
#define GFP_NOIO       (__GFP_WAIT)
#define GFP_KERNEL     (__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_USER       (__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_HIGHUSER   (__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HIGHMEM)
#define GFP_DMA        __GFP_DMA

/*
 * Which zonelist: 0 for __GFP_DMA (even with __GFP_HIGHMEM), 2 for
 * __GFP_HIGHMEM, else 1 (Normal).  Written as tests rather than a table
 * so that, with the constant flags of almost every call, gcc folds it
 * away and alloc_pages() hands __alloc_pages() a constant address.
 */
static inline int gfp_zonelist(gfp_t gfp)
{
	return (gfp & __GFP_DMA) ? 0 : (gfp & __GFP_HIGHMEM) ? 2 : 1;
}

struct page *__alloc_pages(gfp_t gfp_mask, unsigned int order, struct zonelist *zonelist);

/* As in 2.6: the zonelist is chosen in the caller, inline. */
static inline struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	return __alloc_pages(gfp_mask, order,
			     NODE_DATA(0)->node_zonelists + gfp_zonelist(gfp_mask));
}
#define alloc_page(gfp) alloc_pages(gfp, 0)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages((page), 0)

/* The same on kernel virtual addresses (lowmem only). */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
#define __get_free_page(gfp) __get_free_pages((gfp), 0)
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages((addr), 0)

unsigned long nr_free_pages(void);
unsigned long nr_free_highpages(void);

#endif /* _LINUX_GFP_H */
