/*
 * arch/i386/mm/highmem.c - kmap_atomic(): a highmem page mapped at one of
 * this CPU's fixmap slots, for a short while.
 *
 * kmap() (mm/highmem.c) shares the pkmap window among all CPUs, so it
 * takes a lock, may find no free slot, and reclaims slots with a
 * whole-TLB flush.  kmap_atomic(page, type) needs none of that: each CPU
 * owns KM_TYPE_NR fixmap slots, one per use (enum km_type: KM_USER0 for
 * copying to user pages, KM_IRQ0 for an interrupt handler ...), so the
 * caller writes one pte and flushes one TLB entry (invlpg) (claim F3).
 * The price: the holder must not sleep, and must give the slot back
 * before using the same @type again on this CPU.
 *
 * This is arch code because the slots are fixmap ptes, which 2.6.11 keeps
 * per architecture: the generic pkmap window stays in mm/highmem.c.  (2.6.11
 * also puts the kmap()/kunmap() wrappers here; they stay beside
 * kmap_high() in mm/highmem.c.)  kmap_pte, the pte of FIX_KMAP_BEGIN, is
 * set by paging_init() (arch/i386/mm/init.c, as 2.6.11's kmap_init()).
 *
 * Mirrors: arch/i386/mm/highmem.c kmap_atomic(), kunmap_atomic(),
 * kmap_atomic_to_page() (2.6.11).  Omitted: preempt counts (the kernel is
 * not preemptive), CONFIG_DEBUG_HIGHMEM's checks (the pte is always
 * cleared and a wrong address always reported, see kunmap_atomic()).
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/smp.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/processor.h>     /* __flush_tlb_one() */

/*
 *  FIXADDR_TOP   FIX_HOLE, FIX_APIC_BASE, ... FIX_KMAP_BEGIN  (idx 0)  <- kmap_pte
 *                                             FIX_KMAP_BEGIN + 1       <- kmap_pte - 1
 *                                             ...
 *   idx = type + KM_TYPE_NR * cpu             FIX_KMAP_END             <- kmap_pte - (KM_TYPE_NR * NR_CPUS - 1)
 *
 * Fixmap addresses go down as the index goes up, and so do their ptes in
 * the one fixmap page table: slot idx's pte is kmap_pte - idx.
 */
_Static_assert((__fix_to_virt(FIX_KMAP_END) & PMD_MASK) ==
	       (__fix_to_virt(FIX_KMAP_BEGIN) & PMD_MASK),
	       "all kmap_atomic slots share kmap_pte's page table");

/* The fixmap slot of @type on this CPU, counted from FIX_KMAP_BEGIN. */
static unsigned int kmap_atomic_idx(enum km_type type)
{
	return type + KM_TYPE_NR * smp_processor_id();
}

/**
 * kmap_atomic - map @page at this CPU's fixmap slot for @type, and return
 * its address (F3).  Lowmem pages are not mapped: their direct-map address
 * comes back.  Whatever the slot showed before is replaced: a second
 * kmap_atomic() with the same @type on this CPU takes the slot over (2.6.11
 * BUGs on that only with CONFIG_DEBUG_HIGHMEM).  No lock is needed, the
 * slot is this CPU's; the holder must not sleep, and must not use @type
 * again before kunmap_atomic().  A @type past KM_TYPE_NR is a BUG.
 */
void *kmap_atomic(struct page *page, enum km_type type)
{
	unsigned int idx;
	unsigned long vaddr;

	BUG_ON((unsigned int)type >= KM_TYPE_NR);
	if (!PageHighMem(page))
		return page_address(page);
	idx = kmap_atomic_idx(type);
	vaddr = __fix_to_virt(FIX_KMAP_BEGIN + idx);
	set_pte(kmap_pte - idx, pfn_pte(page_to_pfn(page), PAGE_KERNEL));
	__flush_tlb_one(vaddr);         /* the old mapping may be in the TLB */
	return (void *)vaddr;
}

/**
 * kunmap_atomic - release the slot @type that kmap_atomic() returned as
 * @kvaddr.  The pte is cleared and its TLB entry flushed, so a stale use
 * faults at once (2.6.11 did this only with CONFIG_DEBUG_HIGHMEM).  A
 * lowmem address needs nothing.  An address that is not this CPU's slot
 * for @type is reported and nothing is unmapped (2.6.11 BUGs).
 */
void kunmap_atomic(void *kvaddr, enum km_type type)
{
	unsigned long vaddr = (unsigned long)kvaddr & PAGE_MASK;
	unsigned int idx;

	BUG_ON((unsigned int)type >= KM_TYPE_NR);
	if (vaddr >= PAGE_OFFSET && vaddr < (unsigned long)high_memory)
		return;                 /* a lowmem page: kmap_atomic mapped nothing */
	idx = kmap_atomic_idx(type);
	if (vaddr != __fix_to_virt(FIX_KMAP_BEGIN + idx)) {
		printk("kunmap_atomic: %08lx is not the slot of km_type %u on CPU %d "
		       "(%08lx): nothing unmapped\n", (unsigned long)kvaddr,
		       (unsigned int)type, smp_processor_id(),
		       (unsigned long)__fix_to_virt(FIX_KMAP_BEGIN + idx));
		dump_stack();
		return;
	}
	pte_clear(kmap_pte - idx);
	__flush_tlb_one(vaddr);
}

/**
 * kmap_atomic_to_page - the page that kmap_atomic() address @ptr shows:
 * read back from the slot's pte (a direct-map address: virt_to_page()).
 * An address of another fixmap slot, or of an empty one, is a BUG.
 */
struct page *kmap_atomic_to_page(void *ptr)
{
	unsigned long vaddr = (unsigned long)ptr;
	unsigned int idx;
	pte_t *pte;

	if (vaddr < FIXADDR_START)
		return virt_to_page(ptr);
	idx = virt_to_fix(vaddr);
	BUG_ON(idx < FIX_KMAP_BEGIN || idx > FIX_KMAP_END);
	pte = kmap_pte - (idx - FIX_KMAP_BEGIN);
	BUG_ON(!pte_present(*pte));
	return pfn_to_page(pte_pfn(*pte));
}
