/*
 * arch/i386/mm/ioremap.c - mapping device memory into the vmalloc area.
 *
 * A device's registers (MMIO) sit at physical addresses that are not RAM,
 * usually near the top of the 4 GB physical space (P6), so the direct map
 * does not reach them.  ioremap() gives them kernel addresses the way
 * vmalloc() gives pages addresses: a vm_struct on vmlist (VM_IOREMAP, with
 * the physical address in phys_addr), one pte per page, a guard page
 * after (V5).  Device registers must not be cached, so ioremap() maps them
 * with PCD and PWT set (PAGE_KERNEL_NOCACHE).
 *
 *   ioremap(0xfed00000, 1024)                       the HPET's registers
 *     phys   0xfed00000 +--------+
 *                       | 1 page |---- pte ----+
 *                       +--------+             v
 *     virt   area->addr +--------+--------+  returned: area->addr + (phys & ~PAGE_MASK)
 *                       | mapped | guard  |
 *                       +--------+--------+
 *
 * Two ranges are never given a new mapping.  The ISA hole, 640 KB - 1 MB
 * (VGA memory, BIOS ROMs), is inside the direct map, which always maps
 * it: ioremap() returns its direct-map address.  Ordinary RAM, any page
 * in mem_map that is not PG_reserved, belongs to the page allocator: a
 * second, uncached mapping of it would be a bug, so it is refused.
 *
 * Mirrors: arch/i386/mm/ioremap.c __ioremap(), ioremap_nocache(),
 * iounmap() (2.6.11), with later Linux's choices where 2.6.11 is lax:
 * ioremap() is ioremap_nocache() (2.6.25), all of RAM is refused, not only
 * lowmem, with the "ioremap on RAM" report, and iounmap() accepts only
 * ioremap()'s own addresses.  Omitted: change_page_attr() of the direct
 * map (it never maps anything we ioremap: RAM is refused), boot-time
 * early_ioremap().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/traps.h>

/* Is [phys, last] in the ISA hole, which the direct map covers? */
static bool is_ISA_range(phys_addr_t phys, phys_addr_t last)
{
	return phys >= ISA_START_ADDRESS && last < ISA_END_ADDRESS;
}

/* The first page of RAM (in mem_map, not PG_reserved) in [phys, last], or NULL. */
static struct page *first_ram_page(phys_addr_t phys, phys_addr_t last)
{
	for (unsigned long pfn = PFN_DOWN(phys); pfn <= PFN_DOWN(last) && pfn_valid(pfn); pfn++)
		if (!PageReserved(pfn_to_page(pfn)))
			return pfn_to_page(pfn);
	return NULL;
}

/*
 * remap_area_pages - map @size bytes at @addr to the physical pages from
 * @phys on; 0, or -ENOMEM when no page is left for a page table.
 */
static int remap_area_pages(unsigned long addr, phys_addr_t phys, unsigned long size,
			    pgprot_t prot)
{
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		pte_t *pte = pte_alloc_kernel(addr + off);

		if (!pte)
			return -ENOMEM;
		BUG_ON(!pte_none(*pte));      /* 2.6.11: "remap_area_pte: page already exists" */
		set_pte(pte, pfn_pte(PFN_DOWN(phys + off), prot));
	}
	return 0;
}

static void *__ioremap_caller(phys_addr_t phys_addr, unsigned long size,
			      unsigned long flags, unsigned long caller)
{
	phys_addr_t last_addr = phys_addr + size - 1;
	unsigned long offset;
	struct vm_struct *area;
	struct page *ram;

	if (!size || last_addr < phys_addr) {         /* zero size, or wraps past 4 GB */
		printk("ioremap: bad range: %lu bytes at 0x%08lx\n", size, (unsigned long)phys_addr);
		return NULL;
	}
	if (is_ISA_range(phys_addr, last_addr))
		return phys_to_virt(phys_addr);       /* always mapped */
	ram = first_ram_page(phys_addr, last_addr);
	if (ram) {
		printk("ioremap on RAM at 0x%08lx - 0x%08lx (pfn %05lx is in use)\n",
		       (unsigned long)phys_addr, (unsigned long)last_addr,
		       page_to_pfn(ram));
		return NULL;
	}

	/* Whole pages: map from the page that holds phys_addr, return the offset into it. */
	offset = phys_addr & ~PAGE_MASK;
	phys_addr &= PAGE_MASK;
	size = ALIGN((u64)last_addr + 1, PAGE_SIZE) - phys_addr;

	area = __get_vm_area(size, VM_IOREMAP, VMALLOC_START, VMALLOC_END, caller);
	if (!area) {
		printk("ioremap: no room in the vmalloc area for %lu bytes\n", size);
		return NULL;
	}
	area->phys_addr = phys_addr;
	if (remap_area_pages((unsigned long)area->addr, phys_addr, size,
			     __pgprot(__PAGE_KERNEL | flags))) {
		printk("ioremap: no page for a page table\n");
		vunmap(area->addr);
		return NULL;
	}
	return (char *)area->addr + offset;
}

/**
 * __ioremap - map @size bytes of device memory at @phys_addr into the
 * vmalloc area, with @flags (_PAGE_PCD, _PAGE_PWT) added to PAGE_KERNEL.
 * Returns the kernel address of @phys_addr, or NULL with a report.  The
 * ISA hole gets its direct-map address; RAM is refused.
 */
void *__ioremap(phys_addr_t phys_addr, unsigned long size, unsigned long flags)
{
	return __ioremap_caller(phys_addr, size, flags,
				(unsigned long)__builtin_return_address(0));
}

/** ioremap_nocache - __ioremap() uncached (PAGE_KERNEL_NOCACHE): for registers. */
void *ioremap_nocache(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, _PAGE_PCD | _PAGE_PWT,
				(unsigned long)__builtin_return_address(0));
}

/** ioremap - the same as ioremap_nocache(), as on x86 since 2.6.25 (2.6.11 cached it). */
void *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, _PAGE_PCD | _PAGE_PWT,
				(unsigned long)__builtin_return_address(0));
}

/**
 * iounmap - undo ioremap(): @addr is what it returned.  An address in the
 * ISA hole was never mapped, so nothing is done.  Anything that is not in
 * the first page of an ioremap() area is reported ("iounmap: bad
 * address") and nothing changes.
 */
void iounmap(volatile void *addr)
{
	unsigned long a = (unsigned long)addr;
	struct vm_struct *p;

	if (a >= (unsigned long)phys_to_virt(ISA_START_ADDRESS) &&
	    a < (unsigned long)phys_to_virt(ISA_END_ADDRESS))
		return;
	p = find_vm_area((void *)(a & PAGE_MASK));
	if (!p || !(p->flags & VM_IOREMAP)) {
		printk("iounmap: bad address %p (%s)\n", (void *)a,
		       p ? "not an ioremap() area" : "no area starts there");
		dump_stack();
		return;
	}
	vunmap(p->addr);
}
