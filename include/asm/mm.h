/* asm/mm.h - arch/i386/mm/init.c: the kernel page tables and memory at boot. */
#ifndef _ASM_MM_H
#define _ASM_MM_H

#include <asm/pgtable.h>

extern unsigned long highstart_pfn, highend_pfn;

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
