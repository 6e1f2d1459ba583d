/*
 * asm/pgtable-2level.h - the classic i386 two-level page table.
 *
 *   31        22 21        12 11          0
 *  +------------+------------+-------------+
 *  | pgd index  | pte index  | page offset |      a linear address
 *  +------------+------------+-------------+
 *     1024 PDEs    1024 PTEs     4096 bytes
 *
 * One page directory entry covers 4 MB (PGDIR_SIZE).  The middle level (pmd)
 * is "folded": it is the pgd entry itself, so generic code written with
 * pgd/pmd/pte helpers also works for the 3-level PAE table
 * (pgtable-3level.h, a later build).
 *
 * Mirrors: include/asm-i386/pgtable-2level.h, pgtable-2level-defs.h.
 */
#ifndef _ASM_PGTABLE_2LEVEL_H
#define _ASM_PGTABLE_2LEVEL_H

#define PGDIR_SHIFT   22
#define PMD_SHIFT     PGDIR_SHIFT   /* the pmd is folded: one pmd per pgd entry */
#define PTRS_PER_PGD  1024
#define PTRS_PER_PMD  1
#define PTRS_PER_PTE  1024

typedef struct { u32 pte_low; } pte_t;
typedef struct { u32 pgd; } pgd_t;
typedef struct { pgd_t pgd; } pmd_t;     /* folded into the pgd */

#define pte_val(x)  ((x).pte_low)
#define pgd_val(x)  ((x).pgd)
#define pmd_val(x)  (pgd_val((x).pgd))
#define __pte(x)    ((pte_t){ (x) })
#define __pgd(x)    ((pgd_t){ (x) })
#define __pmd(x)    ((pmd_t){ { (x) } })

/* With two levels the pmd "table" is the pgd entry itself. */
static inline pmd_t *pmd_offset(pgd_t *pgd, unsigned long addr)
{
	(void)addr;
	return (pmd_t *)pgd;
}

static inline void set_pte(pte_t *ptep, pte_t pte) { *ptep = pte; }
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd) { *pmdp = pmd; }
static inline void set_pgd(pgd_t *pgdp, pgd_t pgd) { *pgdp = pgd; }

#endif /* _ASM_PGTABLE_2LEVEL_H */
