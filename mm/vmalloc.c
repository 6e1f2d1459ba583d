/*
 * mm/vmalloc.c - virtually contiguous kernel memory: the vmalloc area.
 *
 * Between VMALLOC_START and VMALLOC_END (memlayout.h) the kernel maps pages
 * of its own choosing, one pte per page (claims V1, V5):
 *
 *   vmalloc(size)     pages one at a time from the buddy allocator, HighMem
 *                     first: virtually contiguous, physically scattered
 *   vmap(pages, n)    pages the caller already has
 *   ioremap(phys, n)  device memory (arch/i386/mm/ioremap.c)
 *
 * Each mapping is a struct vm_struct from kmalloc(), on vmlist, sorted
 * by address.  Free address space is not recorded anywhere: it is the
 * holes between list entries, so freeing an area merges its range with
 * the free neighbours on either side at no cost.  A new area takes the
 * lowest hole that fits (first fit).  Every area is one page longer than
 * asked for, and that last page is never mapped, so an overrun faults
 * instead of running into the next area (V4):
 *
 *   VMALLOC_START: 0xf8800000 with 896 MB of RAM or more
 *   |
 *   +--------------+------------+--------------+------------+--------
 *   | vmalloc(100) | guard page | vmalloc(100) | guard page | hole ...
 *   | 1 page       | unmapped   | 1 page       | unmapped   |
 *   +--------------+------------+--------------+------------+--------
 *   0xf8800000     0xf8801000   0xf8802000     0xf8803000   0xf8804000
 *   <------ vm->size 8192 ----> <------ vm->size 8192 ---->
 *
 * Other page directories, and vmalloc_fault().  A page directory other
 * than swapper_pg_dir (a process's, in a later issue) gets a copy of
 * entries 768-1023 of swapper_pg_dir when it is made (S2): it shares the
 * kernel's page tables, but only those that existed at that moment.  When
 * vmalloc() later needs a new page table, pte_alloc_kernel() enters it in
 * swapper_pg_dir alone, and the first touch of the area through the older
 * directory faults.  do_page_fault() then calls vmalloc_fault(), which
 * copies swapper_pg_dir's entry and lets the instruction run again.  This
 * is Linux 2.6's choice: lazy, so vmalloc() never has to visit every
 * directory in the system.  It is safe because kernel page tables are
 * never freed (pte_alloc_kernel()): an entry once copied stays right, and
 * vfree() clears ptes inside the shared tables, which every directory sees
 * at once.  The fixmap and pkmap page tables are made at boot
 * (fixrange_init()), before any copy is taken, so every directory has them
 * and kmap() never faults.  With PAE (a later build) all directories share
 * the kernel's pmd page, so a new page table appears in all of them at
 * once and there is nothing to sync.
 *
 * Mirrors: mm/vmalloc.c (2.6.11) __get_vm_area(), remove_vm_area(),
 * map_vm_area(), unmap_vm_area(), __vunmap(), vmap(), __vmalloc(),
 * vmalloc_to_page(); the caller field and /proc/vmallocinfo of 2.6.25;
 * the vmalloc_fault part of arch/i386/mm/fault.c do_page_fault() (2.6.11).
 * Omitted: vmlist_lock (one CPU, and nothing vmallocs in an interrupt),
 * vmalloc_32(), vmalloc_exec(), vread()/vwrite(), NUMA nodes, the
 * __vmalloc() of pages[] arrays over a page (kmalloc() serves every
 * size here), and the red-black tree of free ranges that replaced the
 * list in 2.6.28.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/processor.h>     /* read_cr3(), __flush_tlb_all() */
#include <asm/traps.h>

struct vm_struct *vmlist;

/* ---- the areas: address space only ---- */

/* An ioremap area starts at a multiple of the power of two above its size,
 * at most 128 pages, as 2.6.11 places them. */
#define IOREMAP_MAX_ORDER  (7 + PAGE_SHIFT)

/**
 * __get_vm_area - reserve @size bytes (rounded up to pages) plus a guard
 * page, in the lowest hole of [@start, @end) that holds them.
 * @flags: VM_ALLOC, VM_MAP or VM_IOREMAP (which also aligns the area).
 * @caller: a return address, for show_vmallocinfo().
 *
 * Returns the new area, on vmlist, nothing mapped yet; NULL if no hole is
 * big enough, @size is 0 or so big that the arithmetic would wrap, or
 * kmalloc() has no memory for the vm_struct.  It prints nothing: the
 * caller says what failed.
 *
 * The walk keeps a candidate address and moves it past every area that
 * reaches it; the first area wholly above it leaves a hole before it:
 *
 *   addr                          tmp->addr
 *    |<------- hole: fits? ------->|<---- tmp ---->|
 */
struct vm_struct *__get_vm_area(unsigned long size, unsigned long flags,
				unsigned long start, unsigned long end,
				unsigned long caller)
{
	unsigned long align = PAGE_SIZE, addr;
	struct vm_struct **p, *tmp, *area;

	if (flags & VM_IOREMAP) {
		/* fls() takes 32 bits, all of i386's unsigned long.  The host's
		 * 64-bit build may lose the top bits of a size of 4 GB or more,
		 * but the fit test below refuses such a size in any range. */
		unsigned int bit = fls(size);

		bit = max(min(bit, (unsigned int)IOREMAP_MAX_ORDER), (unsigned int)PAGE_SHIFT);
		align = 1ul << bit;
	}
	size = ALIGN(size, PAGE_SIZE);    /* 0 if size was 0, or within a page of wrapping */
	if (!size)
		return NULL;
	size += PAGE_SIZE;                /* the guard page */
	if (size < PAGE_SIZE)
		return NULL;                  /* wrapped */
	addr = ALIGN(start, align);
	if (addr < start)
		return NULL;

	for (p = &vmlist; (tmp = *p) != NULL; p = &tmp->next) {
		unsigned long tmp_start = (unsigned long)tmp->addr;
		unsigned long tmp_end = tmp_start + tmp->size;

		if (tmp_end <= addr)
			continue;                 /* wholly below the candidate */
		if (tmp_start >= addr && tmp_start - addr >= size)
			break;                    /* the hole before tmp fits */
		addr = ALIGN(tmp_end, align);
		if (addr < tmp_end || addr >= end)
			return NULL;              /* wrapped, or past the range */
	}
	/* Holes only get higher from here, so one that ends past @end fails. */
	if (addr > end || size > end - addr)
		return NULL;

	area = kmalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	area->addr = (void *)addr;
	area->size = size;
	area->flags = flags;
	area->pages = NULL;
	area->nr_pages = 0;
	area->phys_addr = 0;
	area->caller = caller;
	area->next = *p;                  /* before tmp: the list stays sorted */
	*p = area;
	return area;
}

/**
 * get_vm_area - reserve @size bytes and a guard page in the vmalloc area,
 * [VMALLOC_START, VMALLOC_END), for the function that called this one.
 */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return __get_vm_area(size, flags, VMALLOC_START, VMALLOC_END,
			     (unsigned long)__builtin_return_address(0));
}

struct vm_struct *find_vm_area(const void *addr)
{
	for (struct vm_struct *tmp = vmlist; tmp; tmp = tmp->next)
		if (tmp->addr == addr)
			return tmp;
	return NULL;
}

struct vm_struct *find_vm_area_covering(unsigned long addr)
{
	for (struct vm_struct *tmp = vmlist; tmp; tmp = tmp->next) {
		unsigned long start = (unsigned long)tmp->addr;

		if (start > addr)
			break;                    /* sorted: the rest are higher */
		if (addr - start < tmp->size)
			return tmp;
	}
	return NULL;
}

/**
 * remove_vm_area - take the area that starts at @addr off vmlist and unmap
 * it.  Returns it (the caller kfree()s the vm_struct: free_vm_area() does
 * both), or NULL if no area starts at @addr.  Its range becomes part of
 * the holes around it: that is all the merging there is.
 */
struct vm_struct *remove_vm_area(void *addr)
{
	struct vm_struct **p, *tmp;

	for (p = &vmlist; (tmp = *p) != NULL; p = &tmp->next) {
		if (tmp->addr == addr) {
			unmap_vm_area(tmp);
			*p = tmp->next;
			tmp->next = NULL;
			return tmp;
		}
	}
	return NULL;
}

/**
 * free_vm_area - unmap @area, take it off vmlist and free its vm_struct
 * (Linux 2.6.18); for areas from get_vm_area().  The pages it mapped are
 * the caller's.
 */
void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *ret = remove_vm_area(area->addr);

	BUG_ON(ret != area);
	kfree(area);
}

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/**
 * show_vmallocinfo - print each area as /proc/vmallocinfo does (2.6.25):
 *
 *   0xf8800000-0xf8802000    8192 test_fn+0x1c/0x80 pages=1 vmalloc
 *   0xf8804000-0xf8806000    8192 hpet_probe+0x2a/0x90 phys=fed00000 ioremap
 *
 * start-end (the guard page included), size, caller, then what is known:
 * pages=, phys=, and the kind.  No header line, as in Linux.
 */
void show_vmallocinfo(void)
{
	for (struct vm_struct *v = vmlist; v; v = v->next) {
		char line[256], sym[128];     /* at most ~220 characters: no truncation */
		int n;

		n = snprintf(line, sizeof(line), "0x%08lx-0x%08lx %7ld",
			     (unsigned long)v->addr, (unsigned long)v->addr + v->size,
			     (long)v->size);
		if (v->caller) {
			sprint_symbol(sym, sizeof(sym), v->caller);
			n += snprintf(line + n, sizeof(line) - n, " %s", sym);
		}
		if (v->nr_pages)
			n += snprintf(line + n, sizeof(line) - n, " pages=%u", v->nr_pages);
		if (v->phys_addr)
			n += snprintf(line + n, sizeof(line) - n, " phys=%lx",
				      (unsigned long)v->phys_addr);
		snprintf(line + n, sizeof(line) - n, "%s%s%s",
			 (v->flags & VM_IOREMAP) ? " ioremap" : "",
			 (v->flags & VM_ALLOC) ? " vmalloc" : "",
			 (v->flags & VM_MAP) ? " vmap" : "");
		printk("%s\n", line);
	}
}

/*
 * Everything below maps pages.  The host unit tests compile this file
 * without it (they have no page tables) and supply unmap_vm_area().
 */
#ifndef HOST_TEST

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

/* ---- other page directories (see the top of this file) ---- */

unsigned long vmalloc_fault_syncs;

int vmalloc_fault(unsigned long address)
{
	pgd_t *pgd = pgd_offset(__va(read_cr3() & PAGE_MASK), address);
	pgd_t *pgd_k = pgd_offset_k(address);
	pmd_t *pmd = pmd_offset(pgd, address), *pmd_k = pmd_offset(pgd_k, address);

	/* With two levels the pmd is the pgd entry; with PAE both point into
	 * the one shared kernel pmd page, so pmd == pmd_k and nothing is copied. */
	if (!pmd_present(*pmd_k) || !pmd_none(*pmd))
		return -1;                    /* nothing to copy: a real fault */
	set_pmd(pmd, *pmd_k);
	vmalloc_fault_syncs++;
	/* A guard page or a freed area faults again, for real: */
	return pte_present(*pte_offset_kernel(pmd_k, address)) ? 0 : -1;
}
#endif /* !HOST_TEST */
