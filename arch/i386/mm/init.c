/*
 * arch/i386/mm/init.c - the kernel's page tables after boot/head.asm.
 *
 * head.asm entered its two page tables twice in swapper_pg_dir, at 0 and at
 * PAGE_OFFSET (claim P3).  The identity half is needed only for the few
 * instructions between turning paging on and jumping to the high address;
 * zap_low_mappings() clears it once nothing reads low addresses, so that
 * every user-space entry (0-767) of the kernel's directory is empty and a
 * NULL pointer faults.
 *
 * Mirrors: arch/i386/mm/init.c zap_low_mappings() (2.6),
 * arch/x86/mm/pageattr.c lookup_address().
 */
#include <linux/string.h>
#include <asm/mm.h>
#include <asm/processor.h>

/* Only the early map is there until the direct map is built. */
void *high_memory = (void *)(uintptr_t)(PAGE_OFFSET + EARLY_MAP_SIZE);

pgd_t boot_pgd_snapshot[PTRS_PER_PGD];

void snapshot_boot_pgd(void)
{
	memcpy(boot_pgd_snapshot, swapper_pg_dir, sizeof(boot_pgd_snapshot));
}

void zap_low_mappings(void)
{
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		set_pgd(swapper_pg_dir + i, __pgd(0));
	__flush_tlb();
}

pte_t *lookup_address(unsigned long addr, int *level)
{
	pgd_t *pgd = pgd_offset_k(addr);
	pmd_t *pmd = pmd_offset(pgd, addr);

	if (!pmd_present(*pmd))
		return NULL;
	if (pmd_large(*pmd)) {
		*level = 2;
		return (pte_t *)pmd;
	}
	*level = 1;
	return pte_offset_kernel(pmd, addr);
}
