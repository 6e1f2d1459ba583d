/*
 * mm/vmalloc.c - virtually contiguous kernel memory: mapping pages into
 * the vmalloc area.
 *
 * Between VMALLOC_START and VMALLOC_END (memlayout.h) the kernel maps pages
 * of its own choosing, one pte per page (claims V1, V5):
 *
 *   vmalloc(size)     pages one at a time from the buddy allocator, HighMem
 *                     first: virtually contiguous, physically scattered
 *   vmap(pages, n)    pages the caller already has
 *   ioremap(phys, n)  device memory (arch/i386/mm/ioremap.c)
 *
 * Each takes an area, a range of addresses with an unmapped guard page at
 * its end, from mm/vmlist.c, then fills in one pte per page here.  2.6.11
 * keeps both halves in this one file; they are split along the line the
 * host unit tests cannot cross (page tables), and mm/vmlist.c says more.
 *
 * Page tables made for the vmalloc area go in swapper_pg_dir alone and are
 * never freed; another page directory copies swapper_pg_dir's entry the
 * first time it faults there (vmalloc_fault(), arch/i386/mm/fault.c).
 *
 * Mirrors: mm/vmalloc.c (2.6.11) map_vm_area(), unmap_vm_area(),
 * __vunmap(), vfree(), vunmap(), vmap(), __vmalloc(), vmalloc(); and
 * vmalloc_to_page(), which 2.6.11 keeps in mm/memory.c.  Omitted:
 * vmalloc_32(), vmalloc_exec(), vread()/vwrite(), NUMA nodes, the
 * __vmalloc() of pages[] arrays over a page (kmalloc() serves every size
 * here).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/processor.h>     /* __flush_tlb_all() */

/* ---- page tables ---- */

/**
 * map_vm_area - map @area, all but its guard page, to the pages at
 * **@pages with protection @prot.  *@pages is advanced past the pages
 * mapped (2.6.11's calling convention).  Returns 0, or -ENOMEM when no
 * page is left for a page table; what was mapped stays mapped until
 * unmap_vm_area().
 */
int map_vm_area(struct vm_struct *area, pgprot_t prot, struct page ***pages)
{
	unsigned long addr = (unsigned long)area->addr;
	unsigned long end = addr + area->size - PAGE_SIZE;

	for (; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = pte_alloc_kernel(addr);    /* a new table goes in swapper_pg_dir */

		if (!pte)
			return -ENOMEM;
		WARN_ON(!pte_none(*pte));
		set_pte(pte, pfn_pte(page_to_pfn(**pages), prot));
		(*pages)++;
	}
	return 0;
}

/**
 * unmap_vm_area - clear every pte of @area and flush the TLB.  The page
 * tables stay: other page directories may point to them (see the top).
 */
void unmap_vm_area(struct vm_struct *area)
{
	unsigned long addr = (unsigned long)area->addr;
	unsigned long end = addr + area->size;

	while (addr < end) {
		pmd_t *pmd = pmd_offset(pgd_offset_k(addr), addr);

		if (pmd_none(*pmd)) {             /* no table, nothing mapped in this 4 MB */
			addr = (addr & PMD_MASK) + PMD_SIZE;
			continue;
		}
		pte_clear(pte_offset_kernel(pmd, addr));
		addr += PAGE_SIZE;
	}
	/* Linux: flush_tlb_kernel_range(), which on i386 flushes it all. */
	__flush_tlb_all();
}

/* ---- allocating and freeing ---- */

/*
 * __vunmap - unmap and release the area that starts at @addr; with
 * @deallocate_pages, also free the pages it owns and its pages[] array.
 *
 * Which pages an area owns follows 2.6.11: a vmalloc() area has its
 * pages[] array; a vmap() area has none (its pages are the caller's), so
 * vfree() of a vmap() area only unmaps it, as vunmap() would.  vunmap() of
 * a vmalloc() area unmaps it and forgets it, but frees nothing: its pages
 * and their array stay allocated with nothing pointing to them, a leak
 * that is the caller's bug, in Linux as here.
 */
static void __vunmap(void *addr, bool deallocate_pages)
{
	struct vm_struct *area;

	if (!addr)
		return;
	if (!IS_ALIGNED((unsigned long)addr, PAGE_SIZE)) {
		printk("Trying to vfree() bad address (%p)\n", addr);
		WARN_ON(1);
		return;
	}
	area = remove_vm_area(addr);
	if (!area) {
		printk("Trying to vfree() nonexistent vm area (%p)\n", addr);
		WARN_ON(1);
		return;
	}
	if (deallocate_pages && area->pages) {
		for (unsigned int i = 0; i < area->nr_pages; i++)
			__free_page(area->pages[i]);
		kfree(area->pages);
	}
	kfree(area);
}

/**
 * vfree - release memory from vmalloc(): unmap it, free its pages.
 * @addr: what vmalloc() returned; NULL does nothing.  Anything else that
 * starts no area is reported ("Trying to vfree() nonexistent vm area")
 * and changes nothing: a second vfree() of the same address, say.
 */
void vfree(void *addr)
{
	__vunmap(addr, true);
}

/**
 * vunmap - release a mapping made by vmap(): unmap it; the pages stay the
 * caller's.  Also releases an area from get_vm_area() or ioremap().
 */
void vunmap(void *addr)
{
	__vunmap(addr, false);
}

/**
 * vmap - map @count pages, in the order given, at consecutive addresses of
 * the vmalloc area.  Returns the address, or NULL.  The pages stay the
 * caller's (vunmap() does not free them).  The area records how many pages
 * it maps, for show_vmallocinfo(), but not @pages, which the caller may
 * free after this returns.
 */
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot)
{
	struct vm_struct *area;

	if (!count || count > totalram_pages)
		return NULL;
	area = __get_vm_area((unsigned long)count << PAGE_SHIFT, flags, VMALLOC_START,
			     VMALLOC_END, (unsigned long)__builtin_return_address(0));
	if (!area) {
		printk("vmap allocation for size %lu failed\n", (unsigned long)count << PAGE_SHIFT);
		return NULL;
	}
	area->nr_pages = count;
	if (map_vm_area(area, prot, &pages)) {
		printk("vmap: no page for a page table\n");
		vunmap(area->addr);
		return NULL;
	}
	return area->addr;
}

/*
 * __vmalloc_caller - __vmalloc() for @caller (Linux 2.6.25: __vmalloc_node(),
 * which also takes a NUMA node).  Each step that can fail is undone by one
 * path: __vunmap() frees the pages got so far, the array, and the area.
 */
static void *__vmalloc_caller(unsigned long size, gfp_t gfp_mask, pgprot_t prot,
			      unsigned long caller)
{
	unsigned long nr_pages = ALIGN(size, PAGE_SIZE) >> PAGE_SHIFT;
	struct vm_struct *area;
	struct page **pages;

	if (!nr_pages || nr_pages > totalram_pages) {
		printk("vmalloc: allocation failure: %lu bytes (%s)\n", size,
		       size ? "more than all of RAM" : "zero size");
		return NULL;
	}
	area = __get_vm_area(nr_pages << PAGE_SHIFT, VM_ALLOC, VMALLOC_START, VMALLOC_END,
			     caller);
	if (!area) {
		printk("vmalloc: allocation failure: %lu bytes (no room in the vmalloc area)\n",
		       size);
		return NULL;
	}
	/*
	 * The array must have an address: lowmem, whatever the pages are.
	 * One kmalloc() serves every size, since kmalloc() hands a request
	 * over 128 KB (the array of a vmalloc() over 128 MB) to the page
	 * allocator itself; 2.6.11 took arrays over a page from __vmalloc().
	 */
	area->pages = kmalloc(nr_pages * sizeof(struct page *),
			      (gfp_mask & ~__GFP_HIGHMEM) | __GFP_NOWARN);
	if (!area->pages) {
		printk("vmalloc: allocation failure: %lu bytes (no memory for the pages[] array)\n",
		       size);
		goto fail;
	}
	for (area->nr_pages = 0; area->nr_pages < nr_pages; area->nr_pages++) {
		struct page *page = alloc_page(gfp_mask | __GFP_NOWARN);

		if (!page) {
			printk("vmalloc: allocation failure, allocated %lu of %lu bytes\n",
			       (unsigned long)area->nr_pages << PAGE_SHIFT, nr_pages << PAGE_SHIFT);
			goto fail;
		}
		area->pages[area->nr_pages] = page;
	}
	pages = area->pages;
	if (map_vm_area(area, prot, &pages)) {
		printk("vmalloc: allocation failure: %lu bytes (no page for a page table)\n", size);
		goto fail;
	}
	return area->addr;
fail:
	__vunmap(area->addr, true);
	return NULL;
}

/**
 * __vmalloc - allocate @size bytes (rounded up to pages) of virtually
 * contiguous memory: pages one at a time from alloc_page(@gfp_mask),
 * mapped with @prot.  Returns the address, or NULL with a one-line report
 * ("vmalloc: allocation failure: ...") when address space, pages or a page
 * table run out; nothing is left allocated then.  The memory is not zeroed.
 */
void *__vmalloc(unsigned long size, gfp_t gfp_mask, pgprot_t prot)
{
	return __vmalloc_caller(size, gfp_mask, prot, (unsigned long)__builtin_return_address(0));
}

/**
 * vmalloc - __vmalloc(@size, GFP_KERNEL | __GFP_HIGHMEM, PAGE_KERNEL): the
 * pages come from HighMem first, then Normal, then DMA (V1).
 */
void *vmalloc(unsigned long size)
{
	return __vmalloc_caller(size, GFP_KERNEL | __GFP_HIGHMEM, PAGE_KERNEL,
				(unsigned long)__builtin_return_address(0));
}

/**
 * vmalloc_to_page - the page that @addr, in the vmalloc area, is mapped
 * to, found by walking swapper_pg_dir; NULL if none is, or if it is not
 * RAM (an ioremap() of a device).
 */
struct page *vmalloc_to_page(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	pmd_t *pmd = pmd_offset(pgd_offset_k(a), a);
	pte_t *pte;

	if (!pmd_present(*pmd) || pmd_large(*pmd))
		return NULL;
	pte = pte_offset_kernel(pmd, a);
	if (!pte_present(*pte) || !pfn_valid(pte_pfn(*pte)))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}
