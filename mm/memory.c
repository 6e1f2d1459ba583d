/*
 * mm/memory.c - the user half of a page directory: page tables, demand
 * paging, and tearing down or copying an address space.
 *
 * A user page is allocated only when the process first touches it:
 *
 *   touch 0x0804c123 (heap, never used)
 *     -> page fault, error "not present"          (arch/i386/mm/fault.c)
 *     -> the address lies in a region that allows the access
 *     -> handle_mm_fault(): a page table if the pgd entry has none, then
 *        a zeroed page from GFP_HIGHUSER, mapped with the region's rights
 *     -> iret: the instruction runs again and succeeds.
 *
 * Both the user page and its page table come from GFP_HIGHUSER: with 2 GB
 * of RAM they are usually in ZONE_HIGHMEM, which the kernel has no
 * permanent address for (P7, U6).  So the kernel reaches a page table
 * through the kmap_atomic slot KM_PTE0 (pte_offset_map) and the content
 * of a user page through KM_USER0/KM_USER1, only for as long as it works
 * on them.  The process itself sees its pages at its own addresses,
 * whatever zone they are in.
 *
 * Mirrors: mm/memory.c handle_mm_fault(), do_anonymous_page(),
 * zap_page_range(), copy_page_range() (2.6.11); free_pgtables() and
 * __pte_alloc() of later 2.6 kernels (2.6.11 has clear_page_range() and
 * pte_alloc_map()); include/asm-i386/pgtable.h pte_offset_map() (2.6.11,
 * CONFIG_HIGHPTE).
 * Every pte set or cleared for a user page goes with page_add_anon_rmap()
 * or page_remove_rmap() (mm/rmap.c), so the page's _mapcount is right.
 * Omitted: copy-on-write (fork copies every page at once), swap, files,
 * the zero page, reference counts of shared pages (nothing is shared).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

static struct page *pmd_page(pmd_t pmd)
{
	return pfn_to_page(pmd_phys(pmd) >> PAGE_SHIFT);
}

pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)kmap_atomic(pmd_page(*pmd), KM_PTE0) + pte_index(addr);
}

void pte_unmap(pte_t *pte)
{
	kunmap_atomic(pte, KM_PTE0);
}

/* Flush one user page from this CPU's TLB if @mm is the one loaded. */
static void flush_tlb_page(struct mm_struct *mm, unsigned long addr)
{
	if (current->active_mm == mm)
		__flush_tlb_one(addr);
}

static pgprot_t vm_page_prot(const struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_WRITE) ? PAGE_SHARED : PAGE_READONLY;
}

/*
 * The pte for @addr in @mm, mapped at KM_PTE0; a zeroed page table is
 * added first if the pgd entry is empty.  NULL if no page is left.
 */
pte_t *pte_alloc_map(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pgd_offset(mm->pgd, addr), addr);

	if (pmd_none(*pmd)) {
		struct page *table = alloc_page(GFP_HIGHUSER | __GFP_ZERO);

		if (!table)
			return NULL;
		set_pmd(pmd, __pmd((u32)PFN_PHYS(page_to_pfn(table)) | _PAGE_TABLE));
		mm->nr_ptes++;
		nr_page_table_pages++;
	}
	return pte_offset_map(pmd, addr);
}

/* The page mapped at @addr in @mm, or NULL. */
struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pgd_offset(mm->pgd, addr), addr);
	struct page *page = NULL;
	pte_t *pte;

	if (addr >= TASK_SIZE || !pmd_present(*pmd))
		return NULL;
	pte = pte_offset_map(pmd, addr);
	if (pte_present(*pte))
		page = pfn_to_page(pte_pfn(*pte));
	pte_unmap(pte);
	return page;
}

/*
 * install_page - map @page at @addr of @vma (exec uses it for the
 * program's own pages and the first stack page).  The pte must be empty.
 */
int install_page(struct vm_area_struct *vma, unsigned long addr, struct page *page)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = pte_alloc_map(mm, addr);

	if (!pte)
		return -ENOMEM;
	BUG_ON(!pte_none(*pte));
	set_pte(pte, pfn_pte(page_to_pfn(page), vm_page_prot(vma)));
	pte_unmap(pte);
	page_add_anon_rmap(page, vma, addr);
	mm->rss++;
	return 0;
}

/*
 * handle_mm_fault - a not-present fault at @addr inside @vma, whose
 * rights the caller has checked: give it a zeroed page.  0, or -ENOMEM
 * when memory has run out (the caller kills the process).
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t *pte;

	addr &= PAGE_MASK;
	pte = pte_alloc_map(mm, addr);
	if (!pte)
		return -ENOMEM;
	if (pte_present(*pte)) {          /* already there: nothing to do */
		pte_unmap(pte);
		return 0;
	}
	pte_unmap(pte);                   /* the allocation below may kmap KM_USER0 */
	page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	if (!page)
		return -ENOMEM;
	pte = pte_offset_map(pmd_offset(pgd_offset(mm->pgd, addr), addr), addr);
	set_pte(pte, pfn_pte(page_to_pfn(page), vm_page_prot(vma)));
	pte_unmap(pte);
	page_add_anon_rmap(page, vma, addr);
	mm->rss++;
	return 0;
}

/*
 * zap_page_range - unmap and free every page in [start, end) of @mm.
 * The page tables stay (free_pgtables() takes them at exit).
 */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr = start;

	while (addr < end) {
		pmd_t *pmd = pmd_offset(pgd_offset(mm->pgd, addr), addr);
		unsigned long next = (addr + PMD_SIZE) & PMD_MASK;
		pte_t *pte;

		if (!next || next > end)
			next = end;
		if (!pmd_present(*pmd)) {
			addr = next;
			continue;
		}
		pte = pte_offset_map(pmd, addr);
		for (; addr < next; addr += PAGE_SIZE, pte++) {
			struct page *page;

			if (!pte_present(*pte))
				continue;
			page = pfn_to_page(pte_pfn(*pte));
			pte_clear(pte);
			flush_tlb_page(mm, addr);
			page_remove_rmap(page);
			__free_page(page);
			mm->rss--;
		}
		pte_unmap(pte - 1);
	}
}

/* Free the user half's page tables; the pages must be gone already. */
void free_pgtables(struct mm_struct *mm)
{
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++) {
		pmd_t *pmd = pmd_offset(mm->pgd + i, i << PGDIR_SHIFT);

		if (pmd_none(*pmd))
			continue;
		__free_page(pmd_page(*pmd));
		pmd_clear(pmd);
		mm->nr_ptes--;
		nr_page_table_pages--;
	}
	if (current->active_mm == mm)
		__flush_tlb();
}

/*
 * copy_page_range - fork: give region @dst (the child's copy of @src) a
 * copy of every page @src has mapped, at the same addresses.  Copying through two kmap_atomic slots
 * works whatever zone either page is in.
 */
int copy_page_range(struct vm_area_struct *dst, const struct vm_area_struct *src)
{
	for (unsigned long addr = src->vm_start; addr < src->vm_end; addr += PAGE_SIZE) {
		struct page *from = follow_page(src->vm_mm, addr), *to;
		void *s, *d;
		int err;

		if (!from)
			continue;
		to = alloc_page(GFP_HIGHUSER);
		if (!to)
			return -ENOMEM;
		s = kmap_atomic(from, KM_USER0);
		d = kmap_atomic(to, KM_USER1);
		memcpy(d, s, PAGE_SIZE);
		kunmap_atomic(d, KM_USER1);
		kunmap_atomic(s, KM_USER0);
		err = install_page(dst, addr, to);
		if (err) {
			__free_page(to);
			return err;
		}
	}
	return 0;
}
