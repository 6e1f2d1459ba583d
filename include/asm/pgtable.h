/*
 * asm/pgtable.h - page-table entries and the helpers that walk them.
 *
 * Generic code never indexes a page directory by hand: it asks for
 * pgd_offset(), pmd_offset() and pte_offset_kernel() and tests entries with
 * pgd_none()/pmd_present()/pte_none(), exactly as Linux's mm/ does, so the
 * same code would serve Linux's 3-level PAE tables too (this kernel builds
 * only the 2-level ones).
 *
 * Mirrors: include/asm-i386/pgtable.h (2.6).
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable-2level.h>

#define PGDIR_SIZE  (1u << PGDIR_SHIFT)
#define PGDIR_MASK  (~(PGDIR_SIZE - 1))
#define PMD_SIZE    (1u << PMD_SHIFT)
#define PMD_MASK    (~(PMD_SIZE - 1))

/* The first pgd entry of kernel space: 768 for the 3G/1G split (S2). */
#define USER_PTRS_PER_PGD  (TASK_SIZE / PGDIR_SIZE)
#define KERNEL_PGD_PTRS    (PTRS_PER_PGD - USER_PTRS_PER_PGD)

/* Entry bits (Intel SDM vol. 3, "paging"). */
#define _PAGE_PRESENT   0x001
#define _PAGE_RW        0x002
#define _PAGE_USER      0x004
#define _PAGE_PWT       0x008
#define _PAGE_PCD       0x010
#define _PAGE_ACCESSED  0x020
#define _PAGE_DIRTY     0x040
#define _PAGE_PSE       0x080   /* in a pgd entry: a 4 MB page */
#define _PAGE_GLOBAL    0x100   /* not flushed by a CR3 reload */

#define _PAGE_TABLE     (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _KERNPG_TABLE   (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define __PAGE_KERNEL   (_PAGE_PRESENT | _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED)

#define PTE_PFN_MASK    PAGE_MASK

/* Protection bits of a pte, kept apart from the frame number. */
typedef struct { u32 pgprot; } pgprot_t;
#define pgprot_val(x)   ((x).pgprot)
#define __pgprot(x)     ((pgprot_t){ (x) })

/* Kernel mappings made at run time (vmalloc, kmap, fixmap): not global,
 * so a CR3 reload or invlpg drops them; only the direct map is global. */
#define PAGE_KERNEL          __pgprot(__PAGE_KERNEL)
#define PAGE_KERNEL_NOCACHE  __pgprot(__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)   /* MMIO */

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((u32)pfn << PAGE_SHIFT) | pgprot_val(prot));
}
static inline unsigned long pte_pfn(pte_t pte) { return pte_val(pte) >> PAGE_SHIFT; }

/* The kernel's own page directory; every process's kernel half copies it. */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

static inline unsigned long pgd_index(unsigned long addr)
{
	return (addr >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline pgd_t *pgd_offset(pgd_t *pgd_base, unsigned long addr)
{
	return pgd_base + pgd_index(addr);
}

#define pgd_offset_k(addr) pgd_offset(swapper_pg_dir, (addr))

static inline bool pgd_none(pgd_t pgd)     { return pgd_val(pgd) == 0; }
static inline bool pmd_none(pmd_t pmd)     { return pmd_val(pmd) == 0; }
static inline bool pmd_present(pmd_t pmd)  { return pmd_val(pmd) & _PAGE_PRESENT; }
static inline bool pmd_large(pmd_t pmd)    { return pmd_val(pmd) & _PAGE_PSE; }
static inline bool pte_none(pte_t pte)     { return pte_val(pte) == 0; }
static inline bool pte_present(pte_t pte)  { return pte_val(pte) & _PAGE_PRESENT; }
static inline phys_addr_t pte_phys(pte_t pte)    { return pte_val(pte) & PTE_PFN_MASK; }
static inline phys_addr_t pmd_phys(pmd_t pmd)    { return pmd_val(pmd) & PTE_PFN_MASK; }

static inline void pmd_clear(pmd_t *pmdp)  { set_pmd(pmdp, __pmd(0)); }
static inline void pte_clear(pte_t *ptep)  { set_pte(ptep, __pte(0)); }

/*
 * The page table a pmd points to, reached through the direct map.  Page
 * tables of the kernel always live in lowmem (P7).
 */
static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)__va(pmd_phys(*pmd)) + pte_index(addr);
}

/*
 * lookup_address - the pte (or the 4 MB pmd) that maps @addr in the kernel
 * page directory, or NULL if nothing maps it.  *@level is 1 for a pte, 2 for
 * a large pmd.  (Linux: arch/x86/mm/pageattr.c lookup_address().)
 */
pte_t *lookup_address(unsigned long addr, int *level);

/*
 * pte_alloc_kernel - the pte for kernel address @addr in swapper_pg_dir,
 * allocating (zeroed, from lowmem) the page table under it if there is
 * none; NULL if no page is left.  Page tables of kernel space are never
 * freed: other page directories may point to them (see vmalloc_fault()).
 */
pte_t *pte_alloc_kernel(unsigned long addr);

/* A process's page directory: kernel half copied from swapper_pg_dir (S2). */
pgd_t *pgd_alloc(void);
void pgd_free(pgd_t *pgd);

/*
 * User pages and the page tables that map them: both may live in
 * ZONE_HIGHMEM (P7; Linux's CONFIG_HIGHPTE), so a user page table is
 * reached through a kmap_atomic() slot, KM_PTE0, for as long as it is
 * used: pte_offset_map() ...
 * pte_unmap().  A pte for a user page: present, user, writable only if
 * its region is.
 */
#define PAGE_SHARED    __pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_READONLY  __pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr);
void pte_unmap(pte_t *pte);

/* The page tables of the fixmap and the pkmap window, made at boot. */
extern pte_t *pkmap_page_table;   /* covers PKMAP_BASE .. + LAST_PKMAP pages */
extern pte_t *kmap_pte;           /* the pte of FIX_KMAP_BEGIN; slot i is kmap_pte - i */

/*
 * slow_virt_to_phys - the physical address the kernel page tables give
 * @addr, found by walking them (any mapping: direct map, 4 KB or 4 MB
 * pages, later vmalloc), or (u64)-1 when nothing maps it.
 */
u64 slow_virt_to_phys(unsigned long addr);

#endif /* _ASM_PGTABLE_H */
