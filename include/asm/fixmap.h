/*
 * asm/fixmap.h - compile-time virtual addresses, run-time physical pages
 * (claims F1-F4).  The slots are listed in memlayout.h (enum
 * fixed_addresses); their page table is made by paging_init().
 *
 * Mirrors: include/asm-i386/fixmap.h (2.6.11).
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <linux/kernel.h>
#include <memlayout.h>
#include <asm/pgtable.h>

/* Point fixmap slot @idx at physical page @phys with @prot (0: unmap),
 * and flush that one TLB entry. */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pgprot_t prot);

#define set_fixmap(idx, phys)          __set_fixmap(idx, phys, PAGE_KERNEL)
#define set_fixmap_nocache(idx, phys)  __set_fixmap(idx, phys, PAGE_KERNEL_NOCACHE)
#define clear_fixmap(idx)              __set_fixmap(idx, 0, __pgprot(0))

/* The address of slot @idx; an index past the list is a bug. */
static inline unsigned long fix_to_virt(unsigned int idx)
{
	BUG_ON(idx >= __end_of_fixed_addresses);
	return __fix_to_virt(idx);
}

/* The slot of fixmap address @vaddr (any byte of its page).  The top page
 * (FIX_HOLE) is no slot; the boot-time slots count, so the lower bound is
 * FIXADDR_BOOT_START. */
static inline unsigned int virt_to_fix(unsigned long vaddr)
{
	BUG_ON(vaddr >= FIXADDR_TOP || vaddr < FIXADDR_BOOT_START);
	return __virt_to_fix(vaddr);
}

#endif /* _ASM_FIXMAP_H */
