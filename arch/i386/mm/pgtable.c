/*
 * arch/i386/mm/pgtable.c - changing kernel page tables after boot: fixmap
 * slots, and page tables for the vmalloc area.
 *
 * Mirrors: arch/i386/mm/pgtable.c set_pte_pfn(), __set_fixmap();
 * mm/memory.c pte_alloc_kernel() (2.6).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/fixmap.h>
#include <asm/processor.h>

/*
 * __set_fixmap - slot @idx now shows physical page @phys (or nothing, with
 * a zero @prot).  Only this CPU's TLB entry for the one page is flushed:
 * the fixmap is for things each CPU maps for itself (F1, F3), and an SMP
 * build that shares a slot must flush the others itself.
 */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot)
{
	unsigned long vaddr = fix_to_virt(idx);
	pte_t *pte;
	int level;

	BUG_ON(idx == FIX_HOLE);
	pte = lookup_address(vaddr, &level);
	BUG_ON(!pte || level != 1);      /* fixrange_init() made the table */
	if (pgprot_val(prot))
		set_pte(pte, pfn_pte(phys >> PAGE_SHIFT, prot));
	else
		pte_clear(pte);
	__flush_tlb_one(vaddr);
}

pte_t *pte_alloc_kernel(unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pgd_offset_k(addr), addr);

	BUG_ON(addr < (unsigned long)high_memory);   /* the direct map is built at boot */
	if (pmd_none(*pmd)) {
		/* Kernel page tables must be reachable through the direct map. */
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page)
			return NULL;
		memset(page_address(page), 0, PAGE_SIZE);
		set_pmd(pmd, __pmd((u32)PFN_PHYS(page_to_pfn(page)) | _KERNPG_TABLE));
	}
	BUG_ON(pmd_large(*pmd));
	return pte_offset_kernel(pmd, addr);
}

/*
 * pgd_alloc - a page directory for a new process (S2).  It lives in
 * lowmem, where the kernel can always reach it and CR3 can take its
 * physical address (P7).  The user half (entries 0-767) starts empty;
 * the kernel half (768-1023) is copied from swapper_pg_dir, so every
 * process sees the same kernel at the same addresses, through the very
 * same kernel page tables.  Page tables the kernel adds later (vmalloc)
 * reach this copy through vmalloc_fault().
 */
pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)__get_free_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memset(pgd, 0, USER_PTRS_PER_PGD * sizeof(pgd_t));
	memcpy(pgd + USER_PTRS_PER_PGD, swapper_pg_dir + USER_PTRS_PER_PGD,
	       KERNEL_PGD_PTRS * sizeof(pgd_t));
	return pgd;
}

/* The user half's page tables must be gone already (free_pgtables()). */
void pgd_free(pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}
