/*
 * tests/kernel/highmem_test.c - the pkmap window (K1-K5), highmem pages'
 * addresses (Z7), the fixmap (F1, F2), kmap_atomic's per-CPU slots (F3),
 * the APIC slots (F4), and __pa() refusing a window address (P1).
 *
 * Every test holds at every size of the make test matrix (16 MB to 4 GB).
 * Up to 896 MB there is no HighMem, and a highmem page is what kmap()
 * exists for: the tests that need one check what they can and then skip.
 * Every page a test allocates is freed, and every slot it kmaps released,
 * so the buddy lists and the window are as before.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/apic.h>
#include <asm/fault.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/uaccess.h>
#include "selftest.h"

static bool have_highmem(void)
{
	return contig_page_data.node_zones[ZONE_HIGHMEM].present_pages > 0;
}

/* "no HighMem at -m 512M": QEMU's -m, from max_pfn rounded up to a MB. */
static const char *skip_no_highmem(void)
{
	return ktest_skip("no HighMem at -m %luM", (max_pfn + 255) >> (20 - PAGE_SHIFT));
}

/* A page from ZONE_HIGHMEM, or NULL. */
static struct page *alloc_highmem_page(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);

	if (page && !PageHighMem(page)) {
		__free_page(page);
		return NULL;
	}
	return page;
}

/* Free pages in the buddy lists, per-CPU lists drained first. */
static unsigned long free_pages_now(void)
{
	drain_all_pages();
	return nr_free_pages();
}

/* Does reading @addr fault?  (Recovered through the exception table.) */
static bool read_faults(unsigned long addr)
{
	u32 v;

	return probe_kernel_read(&v, (void *)addr, sizeof(v)) == -EFAULT &&
	       last_kernel_fault.address == addr && last_kernel_fault.fixed_up;
}

/* Fill @page (any zone) with words that name it and @salt. */
static void fill_page(struct page *page, u32 salt)
{
	u32 *p = kmap_atomic(page, KM_USER1);

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = page_to_pfn(page) ^ salt ^ (i << 20);
	kunmap_atomic(p, KM_USER1);
}

/* Does @p (a mapping of @page) hold what fill_page(@page, @salt) wrote? */
static bool holds_fill(const u32 *p, struct page *page, u32 salt)
{
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		if (p[i] != (page_to_pfn(page) ^ salt ^ (i << 20)))
			return false;
	return true;
}

/* The checks of test_kmap_highmem, on a highmem @page. */
static const char *check_kmap_highmem(struct page *page, unsigned int free0)
{
	unsigned long pfn = page_to_pfn(page), v, nr;
	int level;
	u32 *a;

	v = (unsigned long)kmap(page);
	KTEST_EXPECT(v >= PKMAP_BASE && v < PKMAP_ADDR(LAST_PKMAP));
	KTEST_EXPECT(v % PAGE_SIZE == 0);
	nr = PKMAP_NR(v);
	KTEST_EXPECT(lookup_address(v, &level) == &pkmap_page_table[nr] && level == 1);
	KTEST_EXPECT(pte_present(pkmap_page_table[nr]));
	KTEST_EXPECT_EQ(pte_pfn(pkmap_page_table[nr]), pfn);
	KTEST_EXPECT_EQ(slow_virt_to_phys(v), PFN_PHYS(pfn));
	KTEST_EXPECT_EQ(pkmap_count[nr], 2);               /* one user */
	KTEST_EXPECT_EQ(nr_free_pkmap_slots(), free0 - 1);
	KTEST_EXPECT_EQ((unsigned long)page_address(page), v);
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		((u32 *)v)[i] = pfn ^ 0x4b310000 ^ (i << 20);
	a = kmap_atomic(page, KM_USER0);                   /* a second window */
	KTEST_EXPECT((unsigned long)a != v);
	KTEST_EXPECT(holds_fill(a, page, 0x4b310000));
	kunmap_atomic(a, KM_USER0);
	KTEST_EXPECT_EQ((unsigned long)kmap(page), v);     /* same page: same slot */
	KTEST_EXPECT_EQ(pkmap_count[nr], 3);               /* two users */
	kunmap(page);
	kunmap(page);
	KTEST_EXPECT_EQ(pkmap_count[nr], 1);               /* free, pte kept */
	KTEST_EXPECT_EQ(nr_free_pkmap_slots(), free0);
	KTEST_EXPECT_EQ(pte_pfn(pkmap_page_table[nr]), pfn);
	KTEST_EXPECT_EQ((unsigned long)kmap(page), v);     /* found again, no new slot */
	KTEST_EXPECT_EQ(pkmap_count[nr], 2);
	kunmap(page);
	printk("# kmap(pfn %#lx) = %#lx, pkmap slot %lu, pte %08x\n", pfn, v, nr,
	       pte_val(pkmap_page_table[nr]));
	return NULL;
}

/* The misuse part of test_kmap_highmem: kunmap() of a page not kmapped. */
static const char *check_kunmap_misuse(struct page *page)
{
	unsigned long v = (unsigned long)page_address(page), nr = PKMAP_NR(v);
	unsigned long since = log_position();

	kunmap(page);                        /* count 1: one kunmap() too many */
	KTEST_EXPECT_EQ(pkmap_count[nr], 1);
	KTEST_EXPECT(log_contains_since(since, "one kunmap() too many"));
	kmap_flush_unused();
	since = log_position();
	kunmap(page);                        /* no pkmap address at all */
	KTEST_EXPECT(log_contains_since(since, "is not kmapped (it has no pkmap address)"));
	KTEST_EXPECT(page_address(page) == NULL);
	KTEST_EXPECT_EQ(pkmap_count[nr], 0);
	return NULL;
}

/*
 * kmap() of a highmem page:
 *
 *   page (pfn above 896 MB) --kmap--> PKMAP_ADDR(nr), pkmap_page_table[nr] = pfn
 *                           --kmap_atomic(KM_USER0)--> a fixmap slot, same page
 *
 * Expect an address in the window whose pte (in pkmap_page_table) holds
 * the page's pfn, data written there seen through kmap_atomic(), the count
 * going 2, 3 (a second kmap of the page shares the slot) and back to 1 on
 * kunmap(), the pte kept for a later kmap() of the same page; and a kunmap()
 * too many reported with nothing changed.
 */
static const char *test_kmap_highmem(void)
{
	unsigned long before = free_pages_now();
	struct page *page;
	const char *err;

	if (!have_highmem())
		return skip_no_highmem();
	page = alloc_highmem_page();
	KTEST_EXPECT(page);
	err = check_kmap_highmem(page, nr_free_pkmap_slots());
	if (!err)
		err = check_kunmap_misuse(page);
	kmap_flush_unused();
	__free_page(page);
	if (err)
		return err;
	KTEST_EXPECT_EQ(free_pages_now(), before);
	return NULL;
}

/*
 * The window is exactly one page table: LAST_PKMAP = PTRS_PER_PTE = 1024
 * slots of 4 KB = 4 MB, starting at a 4 MB boundary.  Expect that, and the
 * kernel page tables to reach its first and last slot through
 * pkmap_page_table.
 */
static const char *test_pkmap_window_is_one_page_table(void)
{
	unsigned long last = PKMAP_ADDR(LAST_PKMAP - 1);
	int level;

	KTEST_EXPECT_EQ(LAST_PKMAP, 1024);
	KTEST_EXPECT_EQ(LAST_PKMAP, PTRS_PER_PTE);
	KTEST_EXPECT_EQ(PKMAP_ADDR(0), 0xff800000u);          /* 0xff800000 + 1024 x 4 KB */
	KTEST_EXPECT_EQ(PKMAP_ADDR(LAST_PKMAP), 0xffc00000u);
	KTEST_EXPECT_EQ(last, 0xffbff000u);
	KTEST_EXPECT_EQ(PKMAP_ADDR(LAST_PKMAP) - PKMAP_BASE, 4u << 20);
	KTEST_EXPECT_EQ(PKMAP_BASE % PMD_SIZE, 0);
	KTEST_EXPECT_EQ(pgd_index(PKMAP_BASE), pgd_index(last));
	KTEST_EXPECT(lookup_address(PKMAP_BASE, &level) == pkmap_page_table && level == 1);
	KTEST_EXPECT(lookup_address(last, &level) == pkmap_page_table + LAST_PKMAP - 1);
	KTEST_EXPECT_EQ(PKMAP_NR(last), LAST_PKMAP - 1);
	return NULL;
}

/*
 *  FIXADDR_BOOT_START  0xfffc7000  (FIXADDR_TOP - 56 slots)
 *      - (LAST_PKMAP + 1) pages     0xffbc6000
 *      & PMD_MASK                   0xff800000 = PKMAP_BASE
 *
 * Expect PKMAP_BASE to be that formula, 0xff800000 in this build, and the
 * window to end below the fixmap.
 */
static const char *test_pkmap_base(void)
{
	KTEST_EXPECT_EQ(FIXADDR_BOOT_START, FIXADDR_TOP - __end_of_fixed_addresses * PAGE_SIZE);
	KTEST_EXPECT_EQ(PKMAP_BASE, (FIXADDR_BOOT_START - PAGE_SIZE * (LAST_PKMAP + 1)) & PMD_MASK);
	KTEST_EXPECT_EQ(PKMAP_BASE, 0xff800000);
	KTEST_EXPECT_EQ(FIXADDR_BOOT_START, 0xfffc7000u);     /* 0xfffff000 - 56 x 4 KB */
	KTEST_EXPECT(PKMAP_ADDR(LAST_PKMAP) <= FIXADDR_BOOT_START);
	printk("# PKMAP_BASE = (%#x - %u pages) & PMD_MASK = %#x\n",
	       FIXADDR_BOOT_START, LAST_PKMAP + 1, PKMAP_BASE);
	return NULL;
}

static struct page *held[LAST_PKMAP + 1];
static unsigned long held_vaddr[LAST_PKMAP];

/* Hold every slot, see the next kmap() fail, free one, see it reused. */
static const char *check_window_full(void)
{
	struct page *extra = held[LAST_PKMAP];
	unsigned long since, flushes, v;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		held_vaddr[i] = (unsigned long)kmap(held[i]);
		KTEST_EXPECT(held_vaddr[i]);
		KTEST_EXPECT_EQ(pkmap_count[PKMAP_NR(held_vaddr[i])], 2);
	}
	KTEST_EXPECT_EQ(nr_free_pkmap_slots(), 0);
	since = log_position();
	flushes = pkmap_tlb_flushes;
	KTEST_EXPECT(kmap(extra) == NULL);
	KTEST_EXPECT(log_contains_since(since, "kmap: all 1024 pkmap slots are in use: "
					"Linux would sleep on pkmap_map_wait until a kunmap()"));
	KTEST_EXPECT_EQ(pkmap_tlb_flushes, flushes);     /* nothing to reclaim */
	KTEST_EXPECT(page_address(extra) == NULL);
	kunmap(held[17]);
	KTEST_EXPECT_EQ(nr_free_pkmap_slots(), 1);
	v = (unsigned long)kmap(extra);
	KTEST_EXPECT_EQ(v, held_vaddr[17]);                /* the window reused */
	KTEST_EXPECT_EQ(pkmap_tlb_flushes, flushes + 1);   /* after one flush */
	KTEST_EXPECT(page_address(held[17]) == NULL);
	KTEST_EXPECT_EQ(pte_pfn(pkmap_page_table[PKMAP_NR(v)]), page_to_pfn(extra));
	kunmap(extra);
	return NULL;
}

/*
 * Cycle @rounds x LAST_PKMAP kmap()/kunmap() pairs over LAST_PKMAP + 1
 * pages, writing each map's number into its page; return the TLB flushes.
 */
static unsigned long cycle_window(unsigned int rounds)
{
	unsigned long flushes = pkmap_tlb_flushes;

	for (unsigned int i = 0; i < rounds * LAST_PKMAP; i++) {
		struct page *page = held[i % (LAST_PKMAP + 1)];
		u32 *p = kmap(page);

		if (!p)
			return ~0ul;
		p[0] = i;
		kunmap(page);
	}
	return pkmap_tlb_flushes - flushes;
}

/*
 * The LAST_PKMAP slots are shared by all: hold them all and the next
 * kmap() finds none (Linux would sleep; here it returns NULL and says so).
 * Release one and it is reused, after the flush that reclaims it.  Then
 * cycle 5 x LAST_PKMAP kmap/kunmap pairs over LAST_PKMAP + 1 pages, each
 * needing a fresh slot: expect exactly 5 TLB flushes, one per wrap of the
 * search, none per kunmap(), and every page to hold the last number
 * written through the window (a stale TLB entry would put it elsewhere).
 */
static const char *test_pkmap_slots_scarce_and_reused(void)
{
	const unsigned int rounds = 5, n = LAST_PKMAP + 1;
	unsigned long before = free_pages_now(), flushes = 0;
	unsigned int got = 0;
	const char *err = NULL;

	if (!have_highmem())
		return skip_no_highmem();
	KTEST_EXPECT_EQ(nr_free_pkmap_slots(), LAST_PKMAP);    /* nobody holds one */
	while (got < n && (held[got] = alloc_highmem_page()))
		got++;
	if (got < n) {
		err = ktest_fail("only %u of %u highmem pages", got, n);
		goto out;
	}
	err = check_window_full();
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (i != 17)
			kunmap(held[i]);
	if (err)
		goto out;
	kmap_flush_unused();                  /* start the cycle from a clean window */
	flushes = cycle_window(rounds);
	if (flushes != rounds) {
		err = ktest_fail("%u x %u kmap/kunmap: %lu TLB flushes, expected %u",
				 rounds, LAST_PKMAP, flushes, rounds);
		goto out;
	}
	for (unsigned int k = 0; k < n && !err; k++) {
		u32 *p = kmap_atomic(held[k], KM_USER0);
		u32 last = rounds * LAST_PKMAP - 1 - (rounds * LAST_PKMAP - 1 - k) % n;

		if (p[0] != last)
			err = ktest_fail("page %u holds %u, expected %u", k, p[0], last);
		kunmap_atomic(p, KM_USER0);
	}
	printk("# %u kmap/kunmap pairs over %u pages: %lu TLB flushes, one per wrap\n",
	       rounds * LAST_PKMAP, n, flushes);
out:
	kmap_flush_unused();
	while (got)
		__free_page(held[--got]);
	if (err)
		return err;
	KTEST_EXPECT_EQ(nr_free_pkmap_slots(), LAST_PKMAP);
	KTEST_EXPECT_EQ(free_pages_now(), before);
	return NULL;
}

static int pkmap_count_before[LAST_PKMAP];

/*
 * A lowmem page is always mapped: kmap() returns its direct-map address
 * and takes no slot.  Expect page_address(), and pkmap_count[] and
 * last_pkmap_nr untouched by kmap() and kunmap().
 */
static const char *test_kmap_lowmem(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned int last = last_pkmap_nr;
	void *v;

	KTEST_EXPECT(page);
	memcpy(pkmap_count_before, pkmap_count, sizeof(pkmap_count));
	v = kmap(page);
	KTEST_EXPECT(v == page_address(page));
	KTEST_EXPECT(v == __va(PFN_PHYS(page_to_pfn(page))));
	KTEST_EXPECT(!memcmp(pkmap_count_before, pkmap_count, sizeof(pkmap_count)));
	KTEST_EXPECT_EQ(last_pkmap_nr, last);
	kunmap(page);
	KTEST_EXPECT(!memcmp(pkmap_count_before, pkmap_count, sizeof(pkmap_count)));
	__free_page(page);
	return NULL;
}

/*
 * A highmem page has an address only while it is in the window:
 *   before kmap     page_address() NULL
 *   kmap'ed         its PKMAP_ADDR
 *   kunmap'ed       still that address (count 1: the pte stays until ...)
 *   slots flushed   NULL, pte cleared, count 0
 * Expect exactly that.
 */
static const char *test_highmem_address_follows_kmap(void)
{
	struct page *page;
	unsigned long v, flushes;

	if (!have_highmem())
		return skip_no_highmem();
	kmap_flush_unused();
	page = alloc_highmem_page();
	KTEST_EXPECT(page);
	KTEST_EXPECT(page_address(page) == NULL);
	v = (unsigned long)kmap(page);
	KTEST_EXPECT(v && page_address(page) == (void *)v);
	kunmap(page);
	KTEST_EXPECT(page_address(page) == (void *)v);
	KTEST_EXPECT_EQ(pkmap_count[PKMAP_NR(v)], 1);
	flushes = pkmap_tlb_flushes;
	kmap_flush_unused();
	KTEST_EXPECT_EQ(pkmap_tlb_flushes, flushes + 1);
	KTEST_EXPECT(page_address(page) == NULL);
	KTEST_EXPECT(pte_none(pkmap_page_table[PKMAP_NR(v)]));
	KTEST_EXPECT_EQ(pkmap_count[PKMAP_NR(v)], 0);
	__free_page(page);
	return NULL;
}

static void call_fix_to_virt(unsigned long idx) { (void)fix_to_virt(idx); }

/* Point FIX_WP_TEST at @page and expect to read @page's fill through it. */
static const char *check_fixmap_shows(struct page *page, u32 salt)
{
	unsigned long vaddr = fix_to_virt(FIX_WP_TEST);

	set_fixmap(FIX_WP_TEST, PFN_PHYS(page_to_pfn(page)));
	KTEST_EXPECT_EQ(slow_virt_to_phys(vaddr), PFN_PHYS(page_to_pfn(page)));
	KTEST_EXPECT(holds_fill((u32 *)vaddr, page, salt));
	return NULL;
}

/*
 *  FIXADDR_TOP - 0 pages   FIX_HOLE
 *              - 1 page    FIX_APIC_BASE       __fix_to_virt(i) = FIXADDR_TOP - i pages
 *              - 2 pages   FIX_IO_APIC_BASE_0
 *              - 3 pages   FIX_KMAP_BEGIN ...
 * Expect that for every slot, virt_to_fix() to invert it for any byte of
 * the page, an index past the list to BUG, and the page behind a slot to
 * be whatever set_fixmap() says at run time: two pages in turn, then none.
 */
static const char *test_fixmap_slots(void)
{
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	unsigned long vaddr = fix_to_virt(FIX_WP_TEST);
	const char *err;

	KTEST_EXPECT(a && b);
	/* The first slots, by hand: 0xfffff000 minus 0, 1, 2, 3 pages. */
	KTEST_EXPECT_EQ(__fix_to_virt(FIX_HOLE), 0xfffff000u);
	KTEST_EXPECT_EQ(__fix_to_virt(FIX_APIC_BASE), 0xffffe000u);
	KTEST_EXPECT_EQ(__fix_to_virt(FIX_IO_APIC_BASE_0), 0xffffd000u);
	KTEST_EXPECT_EQ(__fix_to_virt(FIX_KMAP_BEGIN), 0xffffc000u);
	for (unsigned int i = 0; i < __end_of_fixed_addresses; i++) {
		KTEST_EXPECT_EQ(__fix_to_virt(i), FIXADDR_TOP - i * PAGE_SIZE);
		KTEST_EXPECT_EQ(fix_to_virt(i), __fix_to_virt(i));
		if (i == FIX_HOLE)
			continue;                    /* FIXADDR_TOP itself: no slot */
		KTEST_EXPECT_EQ(virt_to_fix(__fix_to_virt(i)), i);
		KTEST_EXPECT_EQ(virt_to_fix(__fix_to_virt(i) + PAGE_SIZE - 1), i);
	}
	KTEST_EXPECT(provokes_bug(call_fix_to_virt, __end_of_fixed_addresses));
	fill_page(a, 0xa0000000);
	fill_page(b, 0xb0000000);
	err = check_fixmap_shows(a, 0xa0000000);
	if (!err)
		err = check_fixmap_shows(b, 0xb0000000);
	clear_fixmap(FIX_WP_TEST);
	__free_page(a);
	__free_page(b);
	if (err)
		return err;
	KTEST_EXPECT(read_faults(vaddr));
	printk("# fixmap: %u slots, FIX_KMAP_BEGIN..END = %u..%u at %#x..%#x\n",
	       (unsigned int)__end_of_fixed_addresses, (unsigned int)FIX_KMAP_BEGIN,
	       (unsigned int)FIX_KMAP_END, __fix_to_virt(FIX_KMAP_END),
	       __fix_to_virt(FIX_KMAP_BEGIN));
	return NULL;
}

static void call_set_fixmap_hole(unsigned long phys) { set_fixmap(FIX_HOLE, phys); }

/*
 * The fixmap ends one page short of 4 GB: FIXADDR_TOP = 0xfffff000 is
 * FIX_HOLE, reserved.  Expect FIXADDR_START = FIXADDR_TOP - __FIXADDR_SIZE
 * (the permanent slots), nothing mapped at 0xfffff000 (a read faults and
 * is recovered through the exception table), and set_fixmap(FIX_HOLE) a BUG.
 */
static const char *test_fixaddr_top_reserved(void)
{
	int level;
	pte_t *pte = lookup_address(FIXADDR_TOP, &level);

	KTEST_EXPECT_EQ(FIXADDR_TOP, 0xfffff000);
	KTEST_EXPECT_EQ(__FIXADDR_SIZE, __end_of_permanent_fixed_addresses * PAGE_SIZE);
	KTEST_EXPECT_EQ(FIXADDR_START, FIXADDR_TOP - __FIXADDR_SIZE);
	KTEST_EXPECT_EQ(FIXADDR_START, 0xfffc8000u);          /* 55 permanent slots */
	KTEST_EXPECT_EQ(__fix_to_virt(FIX_HOLE), FIXADDR_TOP);
	KTEST_EXPECT(pte && level == 1 && pte_none(*pte));
	KTEST_EXPECT(read_faults(0xfffff000));
	KTEST_EXPECT(read_faults(0xfffffffc));
	KTEST_EXPECT(provokes_bug(call_set_fixmap_hole, 0x100000));
	KTEST_EXPECT(pte_none(*pte));
	return NULL;
}

static struct page *bug_page;
static void call_kmap_atomic_bad_type(unsigned long type)
{
	kmap_atomic(bug_page, (enum km_type)type);
}

/* kmap_atomic of a lowmem page maps nothing; a bad type is a BUG. */
static const char *check_kmap_atomic_lowmem(void)
{
	struct page *low = alloc_page(GFP_KERNEL);
	pte_t *slot = kmap_pte - KM_USER0;
	pte_t old = *slot;
	void *v;

	KTEST_EXPECT(low);
	v = kmap_atomic(low, KM_USER0);
	KTEST_EXPECT(v == page_address(low));
	KTEST_EXPECT_EQ(pte_val(*slot), pte_val(old));
	KTEST_EXPECT(kmap_atomic_to_page(v) == low);
	kunmap_atomic(v, KM_USER0);
	KTEST_EXPECT_EQ(pte_val(*slot), pte_val(old));
	bug_page = low;
	KTEST_EXPECT(provokes_bug(call_kmap_atomic_bad_type, KM_TYPE_NR));
	__free_page(low);
	return NULL;
}

/* The highmem part of test_kmap_atomic_slots, on pages @a and @b. */
static const char *check_kmap_atomic_slots(struct page *a, struct page *b)
{
	unsigned int cpu_base = KM_TYPE_NR * smp_processor_id();
	unsigned long slot = __fix_to_virt(FIX_KMAP_BEGIN + KM_USER0 + cpu_base);
	unsigned long va, vb, vc, since;

	va = (unsigned long)kmap_atomic(a, KM_USER0);
	KTEST_EXPECT_EQ(va, slot);
	KTEST_EXPECT_EQ(virt_to_fix(va), FIX_KMAP_BEGIN + KM_USER0 + cpu_base);
	KTEST_EXPECT_EQ(pte_pfn(*(kmap_pte - KM_USER0 - cpu_base)), page_to_pfn(a));
	KTEST_EXPECT(kmap_atomic_to_page((void *)va) == a);
	KTEST_EXPECT(holds_fill((u32 *)va, a, 0xa0000000));
	vb = (unsigned long)kmap_atomic(b, KM_USER0);      /* replaces a */
	KTEST_EXPECT_EQ(vb, va);
	KTEST_EXPECT(holds_fill((u32 *)vb, b, 0xb0000000));
	KTEST_EXPECT(kmap_atomic_to_page((void *)vb) == b);
	vc = (unsigned long)kmap_atomic(a, KM_USER1);      /* another type: another slot */
	KTEST_EXPECT_EQ(vc, __fix_to_virt(FIX_KMAP_BEGIN + KM_USER1 + cpu_base));
	KTEST_EXPECT(holds_fill((u32 *)vc, a, 0xa0000000));
	KTEST_EXPECT(holds_fill((u32 *)vb, b, 0xb0000000));
	since = log_position();
	kunmap_atomic((void *)vb, KM_USER1);               /* wrong type: refused */
	KTEST_EXPECT(log_contains_since(since, "is not the slot of km_type 4 on CPU 0"));
	KTEST_EXPECT(holds_fill((u32 *)vb, b, 0xb0000000));
	KTEST_EXPECT(holds_fill((u32 *)vc, a, 0xa0000000));
	kunmap_atomic((void *)vc, KM_USER1);
	kunmap_atomic((void *)vb, KM_USER0);
	KTEST_EXPECT(pte_none(*(kmap_pte - KM_USER0 - cpu_base)));
	KTEST_EXPECT(read_faults(vb));                     /* a stale use faults */
	KTEST_EXPECT(read_faults(vc));
	return NULL;
}

/*
 * kmap_atomic(page, type) uses this CPU's fixmap slot
 * FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu:
 *
 *   kmap_atomic(A, KM_USER0)   slot KM_USER0 shows A
 *   kmap_atomic(B, KM_USER0)   same address, now B (A's mapping is gone)
 *   kmap_atomic(A, KM_USER1)   another slot, A; B still in KM_USER0
 *
 * Expect that, kunmap_atomic() of the wrong type refused, each slot empty
 * after kunmap_atomic() so a stale read faults; a lowmem page not mapped
 * at all; a type past KM_TYPE_NR a BUG.
 */
static const char *test_kmap_atomic_slots(void)
{
	unsigned long before = free_pages_now();
	const char *err = check_kmap_atomic_lowmem();
	struct page *a, *b;

	if (err)
		return err;
	if (!have_highmem())
		return skip_no_highmem();
	a = alloc_highmem_page();
	b = alloc_highmem_page();
	if (a && b) {
		fill_page(a, 0xa0000000);
		fill_page(b, 0xb0000000);
		err = check_kmap_atomic_slots(a, b);
	} else {
		err = "no highmem page";
	}
	if (a)
		__free_page(a);
	if (b)
		__free_page(b);
	if (err)
		return err;
	KTEST_EXPECT_EQ(free_pages_now(), before);
	return NULL;
}

/*
 * Two slots hold the interrupt controllers, uncached:
 *   FIX_APIC_BASE      -> the local APIC (IA32_APIC_BASE; 0xfee00000)
 *   FIX_IO_APIC_BASE_0 -> the I/O APIC (0xfec00000)
 * Expect the boot's "mapped APIC to ..." lines; the local APIC's ID
 * register to hold this CPU's APIC ID (cpuid 1, ebx bits 31:24) and its
 * version to be an integrated APIC's (0x10-0x15; QEMU 0x14); the I/O
 * APIC's register 1 to give an I/O APIC's version (0x1X, the 82093AA and
 * its copies, or 0x20, later Intel chipsets' and QEMU 7's default) and 23
 * as the highest of its 24 redirection entries.
 */
static const char *test_apic_slots(void)
{
	unsigned long io = __fix_to_virt(FIX_IO_APIC_BASE_0);
	u32 eax, ebx, ecx, edx, id, lvr, flags;
	union IO_APIC_reg_01 reg_01;
	char line[64];

	cpuid(1, &eax, &ebx, &ecx, &edx);
	if (!(edx & X86_FEATURE_APIC))
		return ktest_skip("this CPU has no local APIC");
	KTEST_EXPECT_EQ(mp_lapic_addr, APIC_DEFAULT_PHYS_BASE);
	KTEST_EXPECT_EQ(slow_virt_to_phys(APIC_BASE), mp_lapic_addr);
	KTEST_EXPECT_EQ(slow_virt_to_phys(io), IO_APIC_DEFAULT_PHYS_BASE);
	KTEST_EXPECT(pgprot_val(PAGE_KERNEL_NOCACHE) & _PAGE_PCD);
	snprintf(line, sizeof(line), "mapped APIC to %08x (%08lx)\n", APIC_BASE, mp_lapic_addr);
	KTEST_EXPECT(log_contains_since(0, line));
	snprintf(line, sizeof(line), "mapped IOAPIC to %08lx (%08x)\n", io,
		 IO_APIC_DEFAULT_PHYS_BASE);
	KTEST_EXPECT(log_contains_since(0, line));

	id = apic_read(APIC_ID);
	lvr = apic_read(APIC_LVR);
	KTEST_EXPECT_EQ(GET_APIC_ID(id), ebx >> 24);
	KTEST_EXPECT_EQ(id & 0x00ffffff, 0);              /* bits 23:0 are reserved */
	KTEST_EXPECT(APIC_INTEGRATED(GET_APIC_VERSION(lvr)));
	KTEST_EXPECT(GET_APIC_VERSION(lvr) >= 0x10 && GET_APIC_VERSION(lvr) <= 0x15);
	flags = local_irq_save();
	reg_01.raw = io_apic_read(IO_APIC_VERSION_REG);
	local_irq_restore(flags);
	KTEST_EXPECT((reg_01.bits.version & 0xf0) == 0x10 || reg_01.bits.version == 0x20);
	KTEST_EXPECT_EQ(reg_01.bits.entries, 23);
	printk("# local APIC: ID %08x, version %08x; I/O APIC: version register %08x\n",
	       id, lvr, reg_01.raw);
	return NULL;
}

static void call_pa(unsigned long va)         { (void)__pa(va); }
static void call_virt_to_page(unsigned long va) { (void)virt_to_page((void *)va); }

/*
 * A window address has no physical twin by subtraction: __pa() works only
 * on the direct map (P1).  Expect __pa() and virt_to_page() of pkmap and
 * fixmap addresses, and of a live kmap() address, to BUG.
 */
static const char *test_pa_of_window_address(void)
{
	unsigned long since = log_position();
	struct page *page;
	unsigned long v;
	bool caught;

	KTEST_EXPECT(provokes_bug(call_pa, PKMAP_BASE));
	KTEST_EXPECT(provokes_bug(call_pa, PKMAP_ADDR(LAST_PKMAP - 1)));
	KTEST_EXPECT(provokes_bug(call_pa, __fix_to_virt(FIX_KMAP_BEGIN)));
	KTEST_EXPECT(provokes_bug(call_virt_to_page, PKMAP_BASE));
	KTEST_EXPECT(log_contains_since(since, "kernel BUG at include/asm/page.h:"));
	if (!have_highmem())
		return NULL;
	page = alloc_highmem_page();
	KTEST_EXPECT(page);
	v = (unsigned long)kmap(page);
	caught = v && provokes_bug(call_pa, v);
	kunmap(page);
	kmap_flush_unused();
	__free_page(page);
	KTEST_EXPECT(caught);
	return NULL;
}

/*
 * __GFP_ZERO on a highmem page: the allocator clears it through
 * kmap_atomic(), having no other address for it (2.6: clear_highpage()).
 * Dirty a highmem page through kmap_atomic, free it, and ask for a zeroed
 * one: the hot per-CPU list gives the same page back.  Expect it zeroed,
 * and the KM_USER0 slot left unmapped.
 */
static const char *test_gfp_zero_on_highmem(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	struct page *again;
	u32 *p;

	if (!page || !PageHighMem(page)) {
		if (page)
			__free_page(page);
		return skip_no_highmem();
	}
	p = kmap_atomic(page, KM_USER0);
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = 0xdeadbeef;
	kunmap_atomic(p, KM_USER0);
	__free_page(page);
	again = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	KTEST_EXPECT(again != NULL);
	p = kmap_atomic(again, KM_USER1);
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		if (p[i]) {
			u32 v = p[i];

			kunmap_atomic(p, KM_USER1);
			__free_page(again);
			return ktest_fail("word %u of the zeroed page is %#x", i, v);
		}
	kunmap_atomic(p, KM_USER1);
	KTEST_EXPECT(again == page);
	KTEST_EXPECT(pte_none(*(kmap_pte - (KM_USER0 + KM_TYPE_NR * smp_processor_id()))));
	__free_page(again);
	return NULL;
}

static const struct selftest highmem_tests[] = {
	{ "kmap_maps_highmem_page_into_pkmap_window", "seeds: K1", test_kmap_highmem },
	{ "pkmap_window_is_one_page_table_of_1024", "seeds: K2", test_pkmap_window_is_one_page_table },
	{ "pkmap_base_is_below_fixmap_at_pmd_boundary", "seeds: K3", test_pkmap_base },
	{ "pkmap_slots_are_scarce_and_reused", "seeds: K4", test_pkmap_slots_scarce_and_reused },
	{ "kmap_of_lowmem_page_uses_no_slot", "seeds: K5", test_kmap_lowmem },
	{ "highmem_page_address_only_while_kmapped", "seeds: Z7", test_highmem_address_follows_kmap },
	{ "fixmap_slots_count_down_from_fixaddr_top", "seeds: F1", test_fixmap_slots },
	{ "fixaddr_top_page_is_reserved", "seeds: F2", test_fixaddr_top_reserved },
	{ "kmap_atomic_slot_per_type_replaced_by_next_use", "seeds: F3", test_kmap_atomic_slots },
	{ "apic_and_io_apic_in_fixed_slots", "seeds: F4", test_apic_slots },
	{ "pa_of_pkmap_address_is_a_bug", "seeds: P1", test_pa_of_window_address },
	{ "gfp_zero_clears_highmem_page_through_kmap_atomic", "seeds: Z7 F3", test_gfp_zero_on_highmem },
};

const struct selftest_suite highmem_suite = {
	"highmem", highmem_tests, ARRAY_SIZE(highmem_tests),
};
