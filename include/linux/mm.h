/*
 * linux/mm.h - pages: their flags, their frame numbers, their addresses.
 *
 *   pfn_to_page(pfn)  = &mem_map[pfn]         page_to_pfn(page) = page - mem_map
 *   virt_to_page(va)  = pfn_to_page(__pa(va) >> PAGE_SHIFT)     (lowmem only)
 *   page_address(page)= __va(pfn << PAGE_SHIFT) for lowmem, NULL for an
 *                       unmapped highmem page (claim Z7)
 *
 * Each conversion checks its argument: a pfn past max_pfn, or a virtual
 * address outside the direct map, is a BUG, not a wrong answer (Z8).
 *
 * Mirrors: include/linux/mm.h, include/linux/page-flags.h (2.6.11).
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <asm/page.h>

extern struct page *mem_map;       /* one struct page per pfn below max_pfn */
extern unsigned long max_pfn;      /* one past the last page of RAM */
extern unsigned long max_low_pfn;  /* one past the last lowmem page */
extern unsigned long totalram_pages, totalhigh_pages;

/* Page flags: bit numbers in page->flags. */
enum pageflags {
	PG_reserved,     /* never handed to the allocator: hole, kernel, firmware */
	PG_buddy,        /* first page of a free block on a free_list */
	PG_head,         /* first page of an allocated block of order > 0 */
	PG_tail,         /* any other page of an allocated block of order > 0 */
	PG_slab,         /* belongs to a slab: lru.next is its cache, lru.prev its slab */
	NR_PAGEFLAGS
};

/* The zone number lives in the top ZONES_SHIFT bits of flags. */
#define BITS_PER_LONG   (8 * sizeof(unsigned long))
#define ZONES_SHIFT     2
#define ZONES_PGSHIFT   (BITS_PER_LONG - ZONES_SHIFT)
#define ZONES_MASK      ((1ul << ZONES_SHIFT) - 1)

static inline bool test_page_flag(const struct page *p, enum pageflags f)
{
	return p->flags & (1ul << f);
}
static inline void set_page_flag(struct page *p, enum pageflags f)   { p->flags |= 1ul << f; }
static inline void clear_page_flag(struct page *p, enum pageflags f) { p->flags &= ~(1ul << f); }

#define PageReserved(p)  test_page_flag(p, PG_reserved)
#define PageBuddy(p)     test_page_flag(p, PG_buddy)
#define PageHead(p)      test_page_flag(p, PG_head)
#define PageTail(p)      test_page_flag(p, PG_tail)
#define PageSlab(p)      test_page_flag(p, PG_slab)

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline int page_count(const struct page *page) { return page->_count; }
static inline void set_page_count(struct page *page, int v) { page->_count = v; }
static inline void get_page(struct page *page) { page->_count++; }

/*
 * The page tables that map @page: _mapcount counts them from -1 (none),
 * as in Linux 2.6, so the first mapping is the one that brings it to 0
 * (page_add_anon_rmap(), mm/rmap.c).
 */
static inline int page_mapcount(const struct page *page) { return page->_mapcount + 1; }
static inline bool page_mapped(const struct page *page) { return page->_mapcount >= 0; }

/*
 * An anonymous page's mapping is its mm_struct with bit 0 set, as Linux
 * sets it on an anon_vma pointer (both are at least 4-byte aligned), so
 * that PageAnon() tells it from a file's address_space.
 */
#define PAGE_MAPPING_ANON 1ul
static inline bool PageAnon(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_ANON) != 0;
}

/* mm/rmap.c: a user page is mapped at / unmapped from a pte. */
struct vm_area_struct;
void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma,
			unsigned long address);
void page_remove_rmap(struct page *page);

/* page->private holds the order of a free block (PG_buddy). */
static inline unsigned long page_order(const struct page *page) { return page->private; }
static inline void set_page_order(struct page *page, unsigned long order) { page->private = order; }

static inline bool pfn_valid(unsigned long pfn) { return pfn < max_pfn; }

static inline struct page *pfn_to_page(unsigned long pfn)
{
	BUG_ON(!pfn_valid(pfn));
	return mem_map + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	BUG_ON(page < mem_map || page >= mem_map + max_pfn);
	return page - mem_map;
}

static inline bool PageHighMem(const struct page *page)
{
	return page_zonenum(page) == ZONE_HIGHMEM;
}

#include <asm/direct_map.h>    /* virt_to_page(): uses pfn_to_page(), above */

/* ---- mm/mm_init.c and mm/page_alloc.c: setting up and checking the zones ---- */

/*
 * free_area_init_node - set up the zones of the one node over @map.
 * @zones_size: pages spanned by each zone, consecutive from pfn 0.
 * @zholes_size: pages of each span that are not RAM.
 * Every page starts PG_reserved with one reference; free_bootmem_range()
 * (through memblock_free_all()) releases RAM to the buddy lists later.
 */
void free_area_init_node(struct pglist_data *pgdat, struct page *map,
			 const unsigned long *zones_size, const unsigned long *zholes_size);
/* The watermarks and lowmem reserves, from the pages now free. */
void init_per_zone_pages_min(void);
bool zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
		       int classzone_idx, bool can_try_harder, bool gfp_high);
/* Empty the per-CPU page lists into the buddy lists (before reading them whole). */
void drain_all_pages(void);
unsigned long zone_pcp_pages(const struct zone *zone);
extern int min_free_kbytes;

/* The page's kernel address, or NULL for highmem not mapped (mm/highmem.c). */
void *page_address(const struct page *page);
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

/* ---- Address spaces of processes (mm/mmap.c, mm/memory.c) ---- */

struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
struct mm_struct *dup_mm(struct mm_struct *old);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_alloc(struct mm_struct *mm, unsigned long start,
				 unsigned long end, unsigned long flags);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int expand_stack(struct vm_area_struct *vma, unsigned long addr);
/* /proc/PID/maps of @mm into @buf; the characters written. */
size_t mm_show_maps(const struct mm_struct *mm, char *buf, size_t size);

int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr);
int install_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
struct page *follow_page(struct mm_struct *mm, unsigned long addr);
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void free_pgtables(struct mm_struct *mm);
int copy_page_range(struct vm_area_struct *dst, const struct vm_area_struct *src);

#endif /* _LINUX_MM_H */
