/*
 * mm/highmem.c - page_address(): the kernel address of a page, if any.
 *
 * A lowmem page is always mapped, at __va(pfn << PAGE_SHIFT).  A highmem
 * page has no permanent kernel address: page_address() is NULL for it
 * (claim Z7) until it is mapped into the pkmap window by kmap(), which the
 * next issue adds here.
 *
 * Mirrors: mm/highmem.c page_address() (2.6).
 */
#include <linux/mm.h>

void *page_address(const struct page *page)
{
	if (!PageHighMem(page))
		return lowmem_page_address(page);
	return NULL;
}
