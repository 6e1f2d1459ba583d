/*
 * asm/mmu_context.h - changing address spaces: loading CR3.
 *
 * An address space is a page directory, and the CPU walks the one whose
 * *physical* address is in CR3 (S3).  Loading CR3 also drops every TLB
 * entry not marked global: the user half goes, the kernel's direct map
 * (global) stays.  Only these helpers load CR3 for an address space;
 * generic code (kernel/, mm/) calls them and never touches the register:
 *
 *   load_cr3(pgd)               CR3 = __pa(pgd)
 *   switch_mm(prev, next, tsk)  the CPU moves from @prev to @next; load
 *                               only if they differ (from one kernel
 *                               thread to another, both on init_mm, the
 *                               TLB stays as it is)
 *   activate_mm(prev, next)     exec: the current task's new address space
 *
 * The invariant they keep with their callers: CR3 holds
 * __pa(current->active_mm->pgd).  context_switch() sets next->active_mm,
 * exec sets it to the new mm, exit to init_mm (swapper_pg_dir) before the
 * old directory is freed; mmput() relies on it.
 *
 * Mirrors: include/asm-i386/mmu_context.h switch_mm(), activate_mm();
 * load_cr3() of include/asm-i386/processor.h (2.6.11).  Omitted: the
 * lazy-TLB state and cpu_vm_mask of SMP (one CPU: nothing to tell the
 * others), the LDT.
 */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

#include <linux/mm_types.h>
#include <asm/page.h>
#include <asm/processor.h>

struct task_struct;

static inline void load_cr3(pgd_t *pgdir)
{
	write_cr3((u32)__pa(pgdir));
}

static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	(void)tsk;              /* unused on i386, as in 2.6.11: other arches want it */
	if (prev != next)
		load_cr3(next->pgd);
}

static inline void activate_mm(struct mm_struct *prev, struct mm_struct *next)
{
	switch_mm(prev, next, NULL);
}

#endif /* _ASM_MMU_CONTEXT_H */
