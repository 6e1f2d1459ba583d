/*
 * mm/rmap.c - which page tables map a user page: page->_mapcount, and for
 * an anonymous page its owner (page->mapping) and offset (page->index).
 *
 *   handle_mm_fault(), install_page()    page_add_anon_rmap():
 *     (demand paging, exec, fork)          _mapcount -1 -> 0, mapping and
 *                                          index set by the first mapping
 *   zap_page_range()                     page_remove_rmap():
 *     (munmap, brk, exit)                  _mapcount back to -1, mapping
 *                                          and index cleared by the last
 *
 * So a page is page_mapped() exactly while some pte points at it, and
 * freeing it then is a bug that free_pages_check() (mm/internal.h)
 * reports as Linux does ("Bad page state ... nonzero mapcount") instead
 * of handing the process's memory to someone else.
 *
 * Mirrors: mm/rmap.c page_add_anon_rmap(), page_remove_rmap() and
 * include/linux/mm.h PageAnon(), PAGE_MAPPING_ANON (2.6.11).  2.6.11
 * points mapping at the region's anon_vma, which lists every vma that
 * may map the page, and clears it when the page is freed; nothing is
 * shared here (fork copies every page), so mapping points at the one
 * mm_struct and is cleared with the last mapping.  Omitted: anon_vma,
 * try_to_unmap() (there is no swap), file pages.
 */
#include <linux/kernel.h>
#include <linux/mm.h>

/*
 * page_add_anon_rmap - @page has just been mapped at @address of @vma.
 * The first mapping records the owner and the page's offset in the
 * region's linear numbering (Linux: linear_page_index()).
 */
void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma,
			unsigned long address)
{
	BUG_ON(PageReserved(page));
	if (++page->_mapcount == 0) {
		page->mapping = (void *)((unsigned long)vma->vm_mm | PAGE_MAPPING_ANON);
		page->index = ((address - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
	}
}

/* page_remove_rmap - a pte that mapped @page has just been cleared. */
void page_remove_rmap(struct page *page)
{
	BUG_ON(!page_mapped(page));
	if (--page->_mapcount < 0) {
		page->mapping = NULL;
		page->index = 0;
	}
}
