/*
 * mm/highmem.c - kernel addresses for highmem pages, for a while.
 *
 * A highmem page (above 896 MB) is outside the direct map, so it has no
 * kernel address of its own: page_address() is NULL for it (claim Z7).
 * The kernel lends it one of two kinds of window:
 *
 *   kmap(page)               one of the LAST_PKMAP slots of the pkmap
 *                            window, held until kunmap(page) (K1-K5);
 *   kmap_atomic(page, type)  the fixmap slot @type of this CPU, held until
 *                            kunmap_atomic(); no lock, one invlpg (F3).
 *                            Arch code, as in 2.6.11: arch/i386/mm/highmem.c.
 *
 *  PKMAP_BASE                          PKMAP_ADDR(nr) = PKMAP_BASE + nr pages
 *  0xff800000   slot 0   1   2   3  ...  last_pkmap_nr  ...  1023
 *              +-----+-----+-----+-----+---+-----+---+-----+------+
 *  pkmap_count |  0  |  3  |  1  |  0  |...|  2  |...|  0  |  0   |
 *              +-----+-----+-----+-----+---+-----+---+-----+------+
 *               free  two   free,       ...  one       the search goes on
 *                     users stale TLB            user      from here, and
 *                                                          wraps to 0
 *
 * The window is one page table, pkmap_page_table (made at boot by
 * paging_init()).  kunmap() leaves the pte in place and only drops the
 * count to 1: the page keeps its address, and a later kmap() of the same
 * page finds it again for free.  Slots are reclaimed in bulk: when the
 * search for a free slot wraps around, flush_all_zero_pkmaps() clears
 * every count-1 pte and then flushes the TLB once for the whole window,
 * instead of one invlpg per kunmap().
 *
 * Mirrors: mm/highmem.c flush_all_zero_pkmaps(), map_new_virtual(),
 * kmap_high(), kunmap_high(), page_address(), set_page_address();
 * arch/i386/mm/highmem.c kmap(), kunmap() (2.6.11); kmap_flush_unused()
 * (2.6.22) and the "flush only if something was cleared" test of later
 * kernels.  Omitted: sleeping on pkmap_map_wait (this kernel has schedule()
 * but no wait queues, and its one thread that fills the window, the pkmap
 * self-test, would wait on itself: kmap() returns NULL when the window is
 * full), the bounce buffers of the block layer, preempt counts, SMP TLB
 * shootdown.
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <asm/pgtable.h>
#include <asm/processor.h>     /* __flush_tlb_all() */
#include <trace/events/highmem.h>

int pkmap_count[LAST_PKMAP];
unsigned int last_pkmap_nr;

/*
 * The kmap lock.  Linux guards pkmap_count[], last_pkmap_nr,
 * pkmap_page_table and the page_address hash with a spinlock (kmap_lock,
 * with the bucket locks of the hash).  On one CPU the only code that can
 * cut in is an interrupt handler, so turning interrupts off is the whole
 * lock; the SMP build turns these two into spin_lock_irqsave(&kmap_lock)
 * and spin_unlock_irqrestore(), and nothing else changes.  Functions with
 * a leading __ expect the caller to hold it.
 */
static inline u32 lock_kmap_any(void)
{
	return local_irq_save();
}

static inline void unlock_kmap_any(u32 flags)
{
	local_irq_restore(flags);
}

/* ---- page_address(): which highmem page sits in which slot ---- */

/*
 * struct page_address_map - "@page is mapped at @virtual".  i386 keeps no
 * address in struct page (it would cost 4 bytes per page for the few that
 * are mapped), so Linux looks highmem pages up in a hash table of these.
 * A highmem page has an address only while it holds a pkmap slot, so there
 * are never more than LAST_PKMAP of them: Linux takes them from a free
 * pool; here map i simply belongs to slot i.  Each bucket is a
 * NULL-terminated chain (Linux: a list_head), so the zeroed table is ready
 * at boot and needs no page_address_init().
 */
struct page_address_map {
	struct page *page;
	void *virtual;
	struct page_address_map *next;     /* the next map in the same bucket */
};

#define PA_HASH_ORDER 7                    /* 128 buckets, as in Linux */

static struct page_address_map page_address_maps[LAST_PKMAP];
static struct page_address_map *page_address_htable[1 << PA_HASH_ORDER];

/*
 * Linux's hash_ptr(page, PA_HASH_ORDER): multiply by a prime close to
 * 2^32 / phi and keep the top PA_HASH_ORDER bits of the product, which
 * depend on every bit of the pointer (struct pages are 32 bytes apart, so
 * the low bits alone would leave most buckets empty).
 */
#define GOLDEN_RATIO_PRIME_32 0x9e370001u

static struct page_address_map **page_slot(const struct page *page)
{
	u32 hash = (u32)(uintptr_t)page * GOLDEN_RATIO_PRIME_32;

	return &page_address_htable[hash >> (32 - PA_HASH_ORDER)];
}

/* The window address of highmem @page, or NULL.  Caller holds the kmap lock. */
static void *__page_address(const struct page *page)
{
	for (struct page_address_map *pam = *page_slot(page); pam; pam = pam->next)
		if (pam->page == page)
			return pam->virtual;
	return NULL;
}

/*
 * set_page_address - record that highmem @page is at pkmap address
 * @virtual, or (@virtual NULL) that it no longer has an address.
 * Caller holds the kmap lock.
 */
static void set_page_address(struct page *page, void *virtual)
{
	struct page_address_map **link = page_slot(page);

	BUG_ON(!PageHighMem(page));
	if (virtual) {
		struct page_address_map *pam =
			&page_address_maps[PKMAP_NR((unsigned long)virtual)];

		pam->page = page;
		pam->virtual = virtual;
		pam->next = *link;
		*link = pam;
		return;
	}
	for (; *link; link = &(*link)->next)
		if ((*link)->page == page) {
			*link = (*link)->next;
			return;
		}
}

/*
 * page_address - the kernel address of @page: always its direct-map
 * address for lowmem; for highmem, the pkmap address while it is mapped by
 * kmap() (or was, and the slot has not been reclaimed yet), else NULL
 * (claim Z7).  A kmap_atomic() address is not recorded here.
 */
void *page_address(const struct page *page)
{
	void *ret;
	u32 flags;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	flags = lock_kmap_any();
	ret = __page_address(page);
	unlock_kmap_any(flags);
	return ret;
}

/* ---- The pkmap window: kmap() and kunmap() ---- */

/*
 * flush_all_zero_pkmaps - reclaim every slot whose count is 1 (no users,
 * but maybe still in some TLB): clear its pte, forget the page's address,
 * set the count to 0.  Then one TLB flush makes all of them safe to reuse.
 * Linux calls flush_tlb_kernel_range() on the window, which i386 does as a
 * full flush: cheaper than 1024 invlpgs (an SMP build must also ask the
 * other CPUs to flush).  If no slot had count 1, nothing can be stale and
 * the flush is skipped (later kernels' need_flush).  Caller holds the kmap
 * lock.
 */
static void flush_all_zero_pkmaps(void)
{
	unsigned int cleared = 0;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		struct page *page;

		/* 0: nothing to do.  >1: in use.  1: free, to be unmapped. */
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		BUG_ON(pte_none(pkmap_page_table[i]));
		page = pfn_to_page(pte_pfn(pkmap_page_table[i]));
		pte_clear(&pkmap_page_table[i]);
		set_page_address(page, NULL);
		cleared++;
	}
	if (cleared) {
		__flush_tlb_all();
		trace_flush_all_zero_pkmaps(cleared);
	}
}

/*
 * map_new_virtual - put @page in the next free slot after last_pkmap_nr
 * and return its address, or 0 when every slot is in use.  Each time the
 * search wraps past the end, count-1 slots are reclaimed first, and the
 * search gets a fresh LAST_PKMAP tries.  Caller holds the kmap lock.
 */
static unsigned long map_new_virtual(struct page *page)
{
	unsigned int count = LAST_PKMAP;
	unsigned long vaddr;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;                  /* a free slot, and no TLB has it */
		if (--count)
			continue;
		/*
		 * Every slot is held.  Linux puts the caller to sleep on
		 * pkmap_map_wait here; kunmap_high() wakes it when a count
		 * drops to 1, and it searches again.  This kernel has no
		 * wait queues, so the caller gets NULL.
		 */
		return 0;
	}
	vaddr = PKMAP_ADDR(last_pkmap_nr);
	/* Linux: mk_pte(page, kmap_prot), with kmap_prot = PAGE_KERNEL. */
	set_pte(&pkmap_page_table[last_pkmap_nr], pfn_pte(page_to_pfn(page), PAGE_KERNEL));
	pkmap_count[last_pkmap_nr] = 1;
	set_page_address(page, (void *)vaddr);
	return vaddr;
}

/**
 * kmap_high - a pkmap address for highmem @page, counted as one more user.
 * @page: a highmem page.
 *
 * A page already in the window (even with count 1, after its last
 * kunmap()) keeps its slot; otherwise map_new_virtual() finds one.  When
 * all LAST_PKMAP slots are held, Linux sleeps until a kunmap(); this kernel
 * has no wait queue to sleep on, so it prints why and returns NULL.  Not
 * for interrupt handlers (Linux may sleep here): they use kmap_atomic().
 */
void *kmap_high(struct page *page)
{
	unsigned long vaddr;
	u32 flags = lock_kmap_any();

	vaddr = (unsigned long)__page_address(page);
	if (!vaddr)
		vaddr = map_new_virtual(page);
	if (vaddr) {
		pkmap_count[PKMAP_NR(vaddr)]++;
		BUG_ON(pkmap_count[PKMAP_NR(vaddr)] < 2);
	}
	unlock_kmap_any(flags);
	if (!vaddr)
		printk("kmap: all %u pkmap slots are in use: Linux would sleep on "
		       "pkmap_map_wait until a kunmap(); this kernel has no wait queues, "
		       "so kmap() returns NULL\n", (unsigned int)LAST_PKMAP);
	return (void *)vaddr;
}

/* The pkmap slot of @page, or -1 with a report of why it has none. */
static int kmapped_slot_or_report(const struct page *page)
{
	unsigned long vaddr = (unsigned long)__page_address(page);
	int nr = vaddr ? (int)PKMAP_NR(vaddr) : -1;

	if (nr >= 0 && pkmap_count[nr] >= 2)
		return nr;
	/* Linux 2.6 calls BUG() here; we report, change nothing, go on. */
	printk("kunmap: page (pfn %#lx) is not kmapped (%s): ignored, nothing changed\n",
	       page_to_pfn(page), nr < 0 ? "it has no pkmap address" :
	       "its slot has no users left: one kunmap() too many");
	dump_stack();
	return -1;
}

/**
 * kunmap_high - one user fewer for highmem @page, mapped by kmap_high().
 * @page: a highmem page.
 *
 * The slot's count drops; at 1 it is free, but its pte stays (the page
 * keeps its address) until flush_all_zero_pkmaps() reclaims it: a count
 * must never reach 0 without a TLB flush.  Linux wakes pkmap_map_wait
 * sleepers here (this kernel has none: see kmap_high()).  A page that is
 * not kmapped is reported and left alone.
 */
void kunmap_high(struct page *page)
{
	u32 flags = lock_kmap_any();
	int nr = kmapped_slot_or_report(page);

	if (nr >= 0)
		pkmap_count[nr]--;
	unlock_kmap_any(flags);
}

/**
 * kmap - a kernel address for @page until kunmap(@page).
 *
 * Lowmem: its direct-map address, no slot used (K5).  Highmem: a pkmap
 * slot (K1), or NULL when all are held (see kmap_high()).
 */
void *kmap(struct page *page)
{
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_high(page);
}

/* kunmap - undo kmap(@page); nothing to do for lowmem. */
void kunmap(struct page *page)
{
	if (!PageHighMem(page))
		return;
	kunmap_high(page);
}

/**
 * kmap_flush_unused - reclaim every pkmap slot with no users now, as the
 * next wrap-around would, and flush the TLB once if any was reclaimed.
 * Their pages lose their addresses (page_address() is NULL again).
 */
void kmap_flush_unused(void)
{
	u32 flags = lock_kmap_any();

	flush_all_zero_pkmaps();
	unlock_kmap_any(flags);
}

unsigned int nr_free_pkmap_slots(void)
{
	unsigned int free = 0;
	u32 flags = lock_kmap_any();

	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_count[i] <= 1)
			free++;
	unlock_kmap_any(flags);
	return free;
}
