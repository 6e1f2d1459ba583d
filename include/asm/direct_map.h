/*
 * asm/direct_map.h - from a kernel virtual address to its struct page,
 * through the direct map.
 *
 *   virt_addr_valid(va)  va in [PAGE_OFFSET, high_memory): lowmem, mapped
 *                        by subtraction, so it has a struct page
 *   virt_to_page(va)     = pfn_to_page(__pa(va) >> PAGE_SHIFT)
 *
 * Included by linux/mm.h once pfn_to_page() is defined.  2.6.11 keeps these
 * two in include/asm-i386/page.h; they have a header of their own here
 * because they are the one piece of the page conversions that the host
 * unit tests must replace: their "RAM" is a malloc'ed arena, not memory
 * at PAGE_OFFSET, so their own asm/direct_map.h maps arena
 * addresses to pages instead.  Everything else in asm/page.h works there
 * unchanged.
 *
 * Mirrors: include/asm-i386/page.h virt_to_page(), virt_addr_valid() (2.6.11).
 */
#ifndef _ASM_DIRECT_MAP_H
#define _ASM_DIRECT_MAP_H

/* Is @addr on the direct map (so virt_to_page() may be asked)? */
static inline bool virt_addr_valid(const void *addr)
{
	return virt_addr_valid_lowmem((unsigned long)addr);
}

/* The struct page of a direct-map address; BUG elsewhere (Z8). */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

/* The same without the checks, for a caller that has just made them with
 * virt_addr_valid() (kfree(), on every call). */
static inline struct page *__virt_to_page(const void *addr)
{
	return mem_map + (((unsigned long)addr - PAGE_OFFSET) >> PAGE_SHIFT);
}

#endif /* _ASM_DIRECT_MAP_H */
