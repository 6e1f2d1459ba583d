/*
 * asm/page.h - converting between the three ways to name a page of lowmem:
 * its physical address, its kernel virtual address, and its frame number.
 *
 *   virtual  = physical + PAGE_OFFSET      (only on the direct map, P1)
 *   pfn      = physical >> PAGE_SHIFT
 *
 * __pa() and __va() check their argument (Linux's CONFIG_DEBUG_VIRTUAL): a
 * virtual address outside [PAGE_OFFSET, high_memory) has no physical twin
 * by subtraction (vmalloc, pkmap, fixmap addresses are mapped page by page),
 * so asking for one is a BUG, not a wrong answer (Z8).
 *
 * Mirrors: include/asm-i386/page.h, arch/x86/mm/physaddr.c __phys_addr().
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <memlayout.h>


/*
 * The unchecked forms, for link-time addresses of kernel symbols, which are
 * always on the direct map (Linux: __pa_symbol).
 */
#define __pa_symbol(x)  ((phys_addr_t)((unsigned long)(x) - PAGE_OFFSET))

static inline bool virt_addr_valid_lowmem(unsigned long x)
{
	return x >= PAGE_OFFSET && x < (unsigned long)high_memory;
}

static inline phys_addr_t __phys_addr(unsigned long x)
{
	BUG_ON(!virt_addr_valid_lowmem(x));
	return (phys_addr_t)(x - PAGE_OFFSET);
}

static inline void *__phys_to_virt(phys_addr_t pa)
{
	BUG_ON(pa >= (unsigned long)high_memory - PAGE_OFFSET);
	return (void *)((unsigned long)pa + PAGE_OFFSET);
}

#define __pa(x)  __phys_addr((unsigned long)(x))
#define __va(x)  __phys_to_virt((phys_addr_t)(x))
#define virt_to_phys(x) __pa(x)
#define phys_to_virt(x) __va(x)

#define PFN_UP(x)    (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)  ((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)  ((phys_addr_t)(x) << PAGE_SHIFT)

/*
 * get_order - the smallest order whose block holds @size bytes:
 * 2^order pages >= size, so get_order(4096) = 0, get_order(4097) = 1.
 */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

#endif /* _ASM_PAGE_H */
