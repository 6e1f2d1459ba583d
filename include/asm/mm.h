/* asm/mm.h - arch/i386/mm/init.c: the kernel page tables at boot. */
#ifndef _ASM_MM_H
#define _ASM_MM_H

#include <asm/pgtable.h>

/*
 * The page directory as boot/head.asm left it, copied at the top of
 * start_kernel() before zap_low_mappings() changes it (read by the P3
 * self-test).
 */
extern pgd_t boot_pgd_snapshot[PTRS_PER_PGD];

void snapshot_boot_pgd(void);
/* Drop the identity map of the first 8 MB: user space is empty again (P3). */
void zap_low_mappings(void);

#endif /* _ASM_MM_H */
