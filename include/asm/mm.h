/* asm/mm.h - arch/i386/mm/init.c: the kernel page tables and memory at boot. */
#ifndef _ASM_MM_H
#define _ASM_MM_H

#include <asm/pgtable.h>

/*
 * The page directory as boot/head.asm left it, copied at the top of
 * start_kernel() before zap_low_mappings() changes it (read by the P3
 * self-test).
 */
extern pgd_t boot_pgd_snapshot[PTRS_PER_PGD];
extern unsigned long highstart_pfn, highend_pfn;
extern bool direct_map_uses_pse;     /* 4 MB pages (else 4 KB page tables) */
extern unsigned long direct_map_page_tables;   /* 4 KB tables it needed */
extern unsigned long top_page_tables;          /* the fixmap and pkmap tables */

/* TSC ticks spent initialising mem_map and releasing boot memory (make bench). */
extern u64 memmap_init_ticks, boot_release_ticks;
extern unsigned long boot_released_pages;

void snapshot_boot_pgd(void);
/* Drop the identity map of the first 8 MB: user space is empty again (P3). */
void zap_low_mappings(void);
/* Direct-map lowmem, allocate mem_map, size and initialise the zones. */
void paging_init(void);
/* Release free boot memory to the buddy allocator; set the watermarks. */
void mem_init(void);

#define MAXMEM_PFN  (MAXMEM >> PAGE_SHIFT)
#define MAX_DMA_PFN ((MAX_DMA_ADDRESS - PAGE_OFFSET) >> PAGE_SHIFT)

/* "virtual kernel memory layout:" and a drawing of the 4 GB (L1, L2). */
void show_memory_layout(void);

#endif /* _ASM_MM_H */
