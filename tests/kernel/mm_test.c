/*
 * tests/kernel/mm_test.c - physical memory: the direct map (P4), mem_map
 * (P5, P7), the three zones (Z1-Z4, P8), the buddy allocator (Z5, Z6), pages
 * without addresses (Z7), checked conversions (Z8), GFP zone choice and
 * fallback (A2), and the "Bad page state" reports.
 *
 * Every test must hold at every memory size of the make test matrix
 * (16 MB to 4 GB), so each states the claim as a relation to this boot's
 * max_pfn, and checks the literal numbers where the claim names a size.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/desc.h>
#include <asm/mm.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include "selftest.h"

static struct zone *zones = contig_page_data.node_zones;

/*
 * ZONE_DMA is [0, 16 MB), ZONE_NORMAL [16 MB, max_low_pfn), ZONE_HIGHMEM
 * [max_low_pfn, max_pfn), each as much of that as there is RAM for.
 * Expect those spans, and the zone number in every page's flags to agree.
 */
static const char *test_zone_spans(void)
{
	unsigned long dma_end = min(max_low_pfn, (unsigned long)MAX_DMA_PFN);

	KTEST_EXPECT_EQ(MAX_DMA_PFN, (16u << 20) / PAGE_SIZE);
	KTEST_EXPECT_EQ(zones[ZONE_DMA].zone_start_pfn, 0);
	KTEST_EXPECT_EQ(zone_end_pfn(&zones[ZONE_DMA]), dma_end);
	KTEST_EXPECT_EQ(zones[ZONE_NORMAL].zone_start_pfn, dma_end);
	KTEST_EXPECT_EQ(zone_end_pfn(&zones[ZONE_NORMAL]), max_low_pfn);
	KTEST_EXPECT_EQ(zones[ZONE_HIGHMEM].zone_start_pfn, max_low_pfn);
	KTEST_EXPECT_EQ(zone_end_pfn(&zones[ZONE_HIGHMEM]), max_pfn);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long s = zones[z].zone_start_pfn, e = zone_end_pfn(&zones[z]);

		for (unsigned long pfn = s; pfn < e; pfn += 997)
			KTEST_EXPECT_EQ(page_zonenum(pfn_to_page(pfn)), z);
		if (e > s)
			KTEST_EXPECT_EQ(page_zonenum(pfn_to_page(e - 1)), z);
	}
	printk("# zones: DMA %lu, Normal %lu, HighMem %lu pages present\n",
	       zones[0].present_pages, zones[1].present_pages, zones[2].present_pages);
	return NULL;
}

/*
 * Zones may be empty: with 16 MB only DMA has pages, up to 896 MB there is
 * no HighMem.  Expect exactly the zones this much RAM calls for, and the
 * zonelists to leave the empty ones out.  (A boot shows one shape; the
 * host tests zone_layout_* boot all four, with a machine without ZONE_DMA.)
 */
static const char *test_empty_zones(void)
{
	bool normal = max_pfn > MAX_DMA_PFN, high = max_pfn > MAXMEM_PFN;
	struct zonelist *zl = &contig_page_data.node_zonelists[2];

	KTEST_EXPECT(zones[ZONE_DMA].present_pages > 0);
	KTEST_EXPECT_EQ(zones[ZONE_NORMAL].present_pages > 0, normal);
	KTEST_EXPECT_EQ(zones[ZONE_HIGHMEM].present_pages > 0, high);
	KTEST_EXPECT_EQ(zones[ZONE_HIGHMEM].spanned_pages > 0, high);
	int populated = 1 + normal + high;

	KTEST_EXPECT(zl->zones[0] == &zones[high ? ZONE_HIGHMEM : normal ? ZONE_NORMAL : ZONE_DMA]);
	KTEST_EXPECT(zl->zones[populated - 1] == &zones[ZONE_DMA]);
	KTEST_EXPECT(zl->zones[populated] == NULL);
	return NULL;
}

/*
 * At most 896 MB is direct-mapped: max_low_pfn = min(max_pfn, MAXMEM_PFN),
 * high_memory = PAGE_OFFSET + that.  Expect MAXMEM = 1 GB - 128 MB, the
 * page tables to map every 4 MB of [PAGE_OFFSET, high_memory) to
 * virtual - PAGE_OFFSET, and high_memory itself past the direct map.
 */
static const char *test_direct_map(void)
{
	unsigned long hm = (unsigned long)high_memory, tables = 0;
	char line[48];

	KTEST_EXPECT_EQ(MAXMEM, 896u << 20);
	KTEST_EXPECT_EQ(VMALLOC_RESERVE, 128u << 20);
	KTEST_EXPECT_EQ(max_low_pfn, min(max_pfn, (unsigned long)MAXMEM_PFN));
	KTEST_EXPECT_EQ(hm, PAGE_OFFSET + PFN_PHYS(max_low_pfn));
	for (unsigned long v = PAGE_OFFSET; v < hm; v += PMD_SIZE)
		KTEST_EXPECT_EQ(slow_virt_to_phys(v), v - PAGE_OFFSET);
	KTEST_EXPECT_EQ(slow_virt_to_phys(hm - 1), hm - 1 - PAGE_OFFSET);
	/* paging_init() turns on CR4.PSE exactly when it maps with 4 MB pages,
	 * and its "Direct map:" line counts the page tables it took. */
	if (!(read_cr4() & X86_CR4_PSE)) {
		/* One 4 KB table per 4 MB, but head.asm's first two are reused. */
		tables = (max_low_pfn + PTRS_PER_PTE - 1) / PTRS_PER_PTE - EARLY_MAP_SIZE / PMD_SIZE;
		KTEST_EXPECT(log_contains_since(0, " with 4 KB pages"));
	} else {
		/* Whole 4 MB pages up to the last 4 MB boundary, then one 4 KB
		 * table for a tail that is not 4 MB aligned. */
		tables = max_low_pfn % PTRS_PER_PTE ? 1 : 0;
		KTEST_EXPECT(log_contains_since(0, " with 4 MB pages"));
	}
	KTEST_EXPECT_EQ(slow_virt_to_phys(hm), (u64)-1);
	snprintf(line, sizeof(line), ", %lu new page tables\n", tables);
	if (!log_contains_since(0, line))
		return ktest_fail("no \"%s\" in the Direct map line", line);
	KTEST_EXPECT(log_contains_since(0, "MB LOWMEM available.\n"));
	KTEST_EXPECT(log_contains_since(0, "MB HIGHMEM available.\n"));
	return NULL;
}

/* Expect one 32-byte struct page per pfn below max_pfn, pfn <-> page exact. */
static const char *test_mem_map(void)
{
	const unsigned long pfns[] = { 0, 1, 159, 256, 4095, max_pfn / 2, max_pfn - 1 };

	KTEST_EXPECT_EQ(sizeof(struct page), 32);
	KTEST_EXPECT((unsigned long)mem_map >= PAGE_OFFSET);
	KTEST_EXPECT((unsigned long)(mem_map + max_pfn) <= (unsigned long)high_memory);
	for (unsigned int i = 0; i < ARRAY_SIZE(pfns); i++) {
		if (pfns[i] >= max_pfn)
			continue;
		KTEST_EXPECT_EQ(page_to_pfn(pfn_to_page(pfns[i])), pfns[i]);
		KTEST_EXPECT(pfn_to_page(pfns[i]) == &mem_map[pfns[i]]);
	}
	KTEST_EXPECT(log_contains_since(0, " struct pages of 32 bytes,"));
	return NULL;
}

/* The zone that holds the kernel-virtual @addr. */
static enum zone_type zone_of(const void *addr)
{
	return page_zonenum(virt_to_page(addr));
}

/*
 * Kernel code, the GDT, the IDT, the page directory and mem_map itself are
 * in lowmem (DMA or Normal), never HighMem (P7).  Expect that, and the
 * kernel image in its load zone.
 */
extern struct desc_struct cpu_gdt_table[NR_CPUS][GDT_ENTRIES];
static const char *test_kernel_data_in_lowmem(void)
{
	const void *things[] = { _text, cpu_gdt_table, idt_table, swapper_pg_dir,
				 mem_map, mem_map + max_pfn - 1 };

	for (unsigned int i = 0; i < ARRAY_SIZE(things); i++) {
		KTEST_EXPECT(zone_of(things[i]) != ZONE_HIGHMEM);
		KTEST_EXPECT(__pa(things[i]) < PFN_PHYS(max_low_pfn));
		KTEST_EXPECT(PageReserved(virt_to_page(things[i])));
	}
	if (max_pfn > MAX_DMA_PFN)      /* mem_map comes from the top of lowmem */
		KTEST_EXPECT_EQ(zone_of(mem_map), ZONE_NORMAL);
	return NULL;
}

/*
 * With 512 MB of RAM (or anything up to 896 MB) the whole of it is the
 * direct map, 3G..3G+RAM, and HighMem is empty (P8).  Expect that relation
 * at every size, and at 512 MB QEMU's exact end of RAM, 0x1ffe0000.
 */
static const char *test_small_ram_all_direct(void)
{
	if (max_pfn > MAXMEM_PFN) {
		KTEST_EXPECT_EQ((unsigned long)high_memory, PAGE_OFFSET + MAXMEM);
		return NULL;
	}
	KTEST_EXPECT_EQ(max_low_pfn, max_pfn);
	KTEST_EXPECT_EQ(zones[ZONE_HIGHMEM].present_pages, 0);
	KTEST_EXPECT_EQ(totalhigh_pages, 0);
	KTEST_EXPECT_EQ((unsigned long)high_memory, PAGE_OFFSET + PFN_PHYS(max_pfn));
	if (max_pfn == 0x1ffe0)      /* -m 512M */
		KTEST_EXPECT_EQ((unsigned long)high_memory, 0xC0000000 + 0x1ffe0000);
	KTEST_EXPECT_EQ(slow_virt_to_phys((unsigned long)high_memory - 1), PFN_PHYS(max_pfn) - 1);
	return NULL;
}

/* The zone with the most free memory among DMA and Normal. */
static struct zone *busiest_lowmem_zone(void)
{
	return zones[ZONE_NORMAL].free_pages > zones[ZONE_DMA].free_pages ?
	       &zones[ZONE_NORMAL] : &zones[ZONE_DMA];
}

/* This zone's nr_free of every order: the buddyinfo line of one zone. */
static void snapshot_zone(const struct zone *zone, unsigned long nr_free[MAX_ORDER])
{
	for (int o = 0; o < MAX_ORDER; o++)
		nr_free[o] = zone->free_area[o].nr_free;
}

/* NULL if @zone's nr_free per order is @want's, else the first order that differs. */
static const char *zone_lists_are(const struct zone *zone, const unsigned long want[MAX_ORDER],
				  const char *step)
{
	for (int o = 0; o < MAX_ORDER; o++)
		if (zone->free_area[o].nr_free != want[o])
			return ktest_fail("%s: %s order %d has %lu free blocks, expected %lu",
					  step, zone->name, o, zone->free_area[o].nr_free, want[o]);
	return NULL;
}

#define SPLIT_ORDER 4        /* the test empties orders 1..3 first */
#define MAX_HELD    64

/*
 * A split and a merge at every memory size.  First every free block of
 * orders 1 to 3 is taken (held), so the smallest free block of order >= 1
 * is of some order k >= 4.  Then an order-1 block (order 0 would come from
 * the per-CPU list) must split it (expand()):
 *
 *   order      1    2    3   ...  k-1    k
 *   held:      0    0    0        m     n        (orders 1-3 emptied)
 *   alloc(1):  1    1    1        m+1   n-1      one upper half per order
 *   free(1):   0    0    0        m     n        merged all the way back
 *
 * and each split-off half is the allocated block's buddy at its order
 * (pfn ^ 2^j), on the free list with that order.  Freeing the held blocks
 * restores the lists as they were.  Expect every step exactly (Z5).
 */
static const char *test_buddy_split_and_merge(void)
{
	static struct page *held[MAX_HELD];
	static unsigned int held_order[MAX_HELD];
	struct zone *zone = busiest_lowmem_zone();
	gfp_t gfp = (zone == &zones[ZONE_DMA] ? GFP_DMA : GFP_KERNEL) | __GFP_NOWARN;
	unsigned long emptied[MAX_ORDER], split[MAX_ORDER];
	struct free_snapshot before;
	struct page *page;
	const char *err = NULL;
	int n = 0, k = SPLIT_ORDER;
	unsigned long pfn;

	snapshot_free(&before);
	for (unsigned int j = 1; j < SPLIT_ORDER; j++)
		while (zone->free_area[j].nr_free && n < MAX_HELD) {
			held_order[n] = j;
			held[n] = alloc_pages(gfp, j);
			if (!held[n++]) {
				err = ktest_fail("could not take a free order-%u block", j);
				goto out;
			}
		}
	while (k < MAX_ORDER && !zone->free_area[k].nr_free)
		k++;
	snapshot_zone(zone, emptied);
	if (k == MAX_ORDER || emptied[1] || emptied[2] || emptied[3]) {
		err = ktest_fail("orders 1-3 not emptied (%d blocks held) or nothing above", n);
		goto out;
	}

	page = alloc_pages(gfp, 1);
	if (!page || page_zone(page) != zone) {
		err = ktest_fail("alloc_pages(order 1) gave %p", page);
		goto out;
	}
	memcpy(split, emptied, sizeof(split));
	split[k]--;
	for (int j = 1; j < k; j++)
		split[j]++;
	err = zone_lists_are(zone, split, "after the split");
	pfn = page_to_pfn(page);
	for (int j = 1; j < k && !err; j++) {
		struct page *buddy = pfn_to_page(pfn ^ (1ul << j));

		if (!PageBuddy(buddy) || page_order(buddy) != (unsigned long)j)
			err = ktest_fail("pfn %#lx: its order-%d buddy %#lx is not a free order-%d block",
					 pfn, j, pfn ^ (1ul << j), j);
	}
	if (!err && (page_count(page) != 1 || PageBuddy(page)))
		err = ktest_fail("the allocated block is not in use");
	__free_pages(page, 1);
	if (!err)
		err = zone_lists_are(zone, emptied, "after the free");
	if (!err)
		printk("# split an order-%d block of zone %s and merged it back\n", k, zone->name);
out:
	while (n--)
		if (held[n])
			__free_pages(held[n], held_order[n]);
	if (err)
		return err;
	return free_lists_unchanged(&before);
}

/*
 * /proc/buddyinfo: per zone, the free blocks of each order (Z6).  Expect
 * the sum of count x 2^order to be every free page, and the printed line
 * in Linux's layout: "Node 0, zone %8s " then "%6lu " per order.
 */
static const char *test_buddyinfo(void)
{
	unsigned long pages = 0, since = log_position();
	char expect[128];
	int n;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < MAX_ORDER; o++)
			pages += zones[z].free_area[o].nr_free << o;
	KTEST_EXPECT_EQ(pages, nr_free_pages());
	show_buddyinfo();
	n = snprintf(expect, sizeof(expect), "Node 0, zone      DMA ");
	for (int o = 0; o < MAX_ORDER && n < (int)sizeof(expect); o++)
		n += snprintf(expect + n, sizeof(expect) - n, "%6lu ",
			      zones[ZONE_DMA].free_area[o].nr_free);
	KTEST_EXPECT(log_contains_since(since, expect));
	KTEST_EXPECT_EQ(log_contains_since(since, "zone  HighMem "),
			zones[ZONE_HIGHMEM].present_pages > 0);
	return NULL;
}

/*
 * A page from __GFP_HIGHMEM may be a HighMem page, which has no kernel
 * address until mapped: page_address() is NULL (Z7).  Expect that when
 * HighMem exists, and a lowmem page with its direct-map address otherwise.
 */
static const char *test_highmem_page_has_no_address(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	struct page *low = alloc_page(GFP_KERNEL);
	bool high = zones[ZONE_HIGHMEM].present_pages > 0;

	KTEST_EXPECT(page && low);
	KTEST_EXPECT_EQ(PageHighMem(page), high);
	if (high) {
		KTEST_EXPECT(page_address(page) == NULL);
		KTEST_EXPECT(page_to_pfn(page) >= max_low_pfn);
	} else {
		KTEST_EXPECT(page_address(page) == __va(PFN_PHYS(page_to_pfn(page))));
	}
	KTEST_EXPECT(page_address(low) == __va(PFN_PHYS(page_to_pfn(low))));
	KTEST_EXPECT(virt_to_page(page_address(low)) == low);
	__free_page(page);
	__free_page(low);
	return NULL;
}

static void call_pa(unsigned long va)        { (void)__pa(va); }
static void call_va(unsigned long pa)        { (void)__va(pa); }
static void call_pfn_to_page(unsigned long p) { (void)pfn_to_page(p); }
static void call_virt_to_page(unsigned long va) { (void)virt_to_page((void *)va); }

/*
 * __pa/virt_to_phys and __va/phys_to_virt work only on the direct map
 * (Z8); a highmem physical address or an address above high_memory has no
 * such twin.  Expect each misuse to BUG (caught here), and right uses not to.
 */
static const char *test_conversions_check_their_argument(void)
{
	unsigned long since = log_position();

	KTEST_EXPECT(provokes_bug(call_pa, 0xFF000000));                /* above the direct map */
	KTEST_EXPECT(provokes_bug(call_pa, 0x08048000));                /* user space */
	KTEST_EXPECT(provokes_bug(call_va, MAXMEM));                    /* 896 MB: highmem */
	KTEST_EXPECT(provokes_bug(call_va, PFN_PHYS(max_low_pfn)));
	KTEST_EXPECT(provokes_bug(call_pfn_to_page, max_pfn));
	KTEST_EXPECT(provokes_bug(call_virt_to_page, (unsigned long)high_memory));
	KTEST_EXPECT(!provokes_bug(call_pa, (unsigned long)high_memory - 1));
	KTEST_EXPECT(!provokes_bug(call_va, PFN_PHYS(max_low_pfn) - 1));
	KTEST_EXPECT(log_contains_since(since, "kernel BUG at include/asm/page.h:"));
	KTEST_EXPECT(log_contains_since(since, "kernel BUG at include/linux/mm.h:"));
	return NULL;
}

/* Expect every GFP_DMA allocation, of any order, below 16 MB (Z1, A2). */
static const char *test_gfp_dma_below_16m(void)
{
	struct page *pages[32];
	unsigned int n = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[n] = alloc_pages(GFP_DMA | __GFP_NOWARN, i % 4);
		if (pages[n])
			n++;
	}
	KTEST_EXPECT(n > 0);
	for (unsigned int i = 0; i < n; i++) {
		unsigned long end = page_to_pfn(pages[i]) + (1ul << (i % 4));

		KTEST_EXPECT(PFN_PHYS(end) <= (16u << 20));
		KTEST_EXPECT_EQ(page_zonenum(pages[i]), ZONE_DMA);
	}
	for (unsigned int i = 0; i < n; i++)
		__free_pages(pages[i], i % 4);
	return NULL;
}

/* Allocations kept on a list through page->lru (the owner's to use). */
struct held {
	struct list_head list;
	unsigned long pages[MAX_NR_ZONES];
};

static struct page *take(struct held *h, gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp | __GFP_NOWARN, order);

	if (page) {
		page->private = order;         /* as allocated; __free_pages checks it */
		list_add(&page->lru, &h->list);
		h->pages[page_zonenum(page)] += 1ul << order;
	}
	return page;
}

static void release_all(struct held *h)
{
	while (!list_empty(&h->list)) {
		struct page *page = list_entry(h->list.next, struct page, lru);

		list_del(&page->lru);
		__free_pages(page, page->private);
	}
}

/* Take all a gfp kind will give, biggest blocks first; the first zone
 * other than @first that gave a page, or MAX_NR_ZONES. */
static enum zone_type drain(struct held *h, gfp_t gfp, enum zone_type first)
{
	enum zone_type fell_to = MAX_NR_ZONES;

	for (int order = MAX_ORDER - 1; order >= 0; order--) {
		struct page *page;

		while ((page = take(h, gfp, order)))
			if (page_zonenum(page) != first && fell_to == MAX_NR_ZONES)
				fell_to = page_zonenum(page);
	}
	return fell_to;
}

/* The min watermark as zone_watermark_ok() lowers it for GFP_ATOMIC. */
static unsigned long atomic_min(const struct zone *zone)
{
	unsigned long min = zone->pages_min - zone->pages_min / 2;   /* __GFP_HIGH */

	return min - min / 4;                                         /* cannot wait */
}

/* The checks of test_exhaust_and_fall_back, while everything is held. */
static const char *check_exhausted(struct held *h)
{
	bool high = zones[ZONE_HIGHMEM].present_pages, normal = zones[ZONE_NORMAL].present_pages;
	enum zone_type fell;

	fell = drain(h, GFP_HIGHUSER, high ? ZONE_HIGHMEM : normal ? ZONE_NORMAL : ZONE_DMA);
	if (high || normal)
		KTEST_EXPECT_EQ(fell, high ? (normal ? ZONE_NORMAL : ZONE_DMA) : ZONE_DMA);
	KTEST_EXPECT_EQ(h->pages[ZONE_HIGHMEM], zones[ZONE_HIGHMEM].managed_pages -
			zones[ZONE_HIGHMEM].free_pages - zone_pcp_pages(&zones[ZONE_HIGHMEM]));
	/* lowmem_reserve kept pages back from HighMem-capable requests ... */
	fell = drain(h, GFP_KERNEL, normal ? ZONE_NORMAL : ZONE_DMA);
	KTEST_EXPECT(h->pages[ZONE_HIGHMEM] == zones[ZONE_HIGHMEM].managed_pages -
		     zones[ZONE_HIGHMEM].free_pages - zone_pcp_pages(&zones[ZONE_HIGHMEM]));
	/* ... and Normal-capable ones: GFP_DMA may still dig into DMA. */
	drain(h, GFP_DMA, ZONE_DMA);
	KTEST_EXPECT(take(h, GFP_HIGHUSER, 0) == NULL);
	KTEST_EXPECT(take(h, GFP_KERNEL, 0) == NULL);
	KTEST_EXPECT(take(h, GFP_DMA, 0) == NULL);
	/* Only an atomic DMA request may now go below the min watermark. */
	KTEST_EXPECT(zones[ZONE_DMA].free_pages > atomic_min(&zones[ZONE_DMA]));
	while (take(h, GFP_ATOMIC | __GFP_DMA, 0))
		;
	KTEST_EXPECT_EQ(zones[ZONE_DMA].free_pages, atomic_min(&zones[ZONE_DMA]));
	KTEST_EXPECT(zones[ZONE_DMA].free_pages < zones[ZONE_DMA].pages_min);
	printk("# drained: HighMem %lu, Normal %lu, DMA %lu pages; DMA left %lu (min %lu)\n",
	       h->pages[ZONE_HIGHMEM], h->pages[ZONE_NORMAL], h->pages[ZONE_DMA],
	       zones[ZONE_DMA].free_pages, zones[ZONE_DMA].pages_min);
	return NULL;
}

/*
 * Fallback (A2): GFP_HIGHUSER drains HighMem, then Normal, then DMA, each
 * down to its watermark plus the lowmem reserve that protects the lower
 * zones from requests that could have gone higher; GFP_KERNEL then digs a
 * little further into Normal and DMA, GFP_DMA into DMA, and at last only
 * GFP_ATOMIC goes below the min watermark.  Then everything is freed, and
 * /proc/buddyinfo must be exactly as before: nothing lost, all merged back.
 */
static const char *test_exhaust_and_fall_back(void)
{
	struct held h = { LIST_HEAD_INIT(h.list), { 0 } };
	unsigned long free_before;
	struct free_snapshot before;
	const char *err;

	snapshot_free(&before);
	free_before = nr_free_pages();
	err = check_exhausted(&h);
	release_all(&h);
	if (err)
		return err;
	drain_all_pages();
	KTEST_EXPECT_EQ(nr_free_pages(), free_before);
	return free_lists_unchanged(&before);
}

/* Expect GFP_KERNEL pages only from Normal while it has any above its watermark. */
static const char *test_gfp_kernel_prefers_normal(void)
{
	struct page *page;

	if (!zones[ZONE_NORMAL].present_pages)
		return NULL;
	page = alloc_page(GFP_KERNEL);
	KTEST_EXPECT(page);
	KTEST_EXPECT_EQ(page_zonenum(page), ZONE_NORMAL);
	__free_page(page);
	page = alloc_page(GFP_HIGHUSER);
	KTEST_EXPECT(page);
	KTEST_EXPECT_EQ(page_zonenum(page),
			zones[ZONE_HIGHMEM].present_pages ? ZONE_HIGHMEM : ZONE_NORMAL);
	__free_page(page);
	return NULL;
}

/* Free @page as @order and expect a Bad page state report for @reason,
 * naming the process the self-tests run in (kernel_init: "init", pid 1),
 * not swapper, in its first line and in dump_stack()'s, with the free
 * lists untouched. */
static const char *expect_bad_page(struct page *page, unsigned int order, const char *reason)
{
	unsigned long since = log_position(), bad = nr_bad_pages;
	unsigned long flags = page->flags;
	int count = page->_count;
	struct free_snapshot before;
	const char *err;

	snapshot_free(&before);
	__free_pages(page, order);
	KTEST_EXPECT_EQ(nr_bad_pages, bad + 1);
	KTEST_EXPECT(log_contains_since(since, "BUG: Bad page state in process init  pfn:"));
	KTEST_EXPECT(log_contains_since(since, "CPU: 0 PID: 1 Comm: init Not tainted"));
	if (!log_contains_since(since, reason))
		return ktest_fail("no \"%s\" in the report", reason);
	KTEST_EXPECT(log_contains_since(since, "freed by: expect_bad_page+0x"));
	KTEST_EXPECT_EQ(page->flags, flags);
	KTEST_EXPECT_EQ(page->_count, count);
	err = free_lists_unchanged(&before);
	return err;
}

/*
 * Misuse gets Linux's "BUG: Bad page state" and changes nothing: a double
 * free, a free of a reserved page, a free with the wrong order, a free of
 * a tail page, a free of a page still mapped.  A free of a page with a
 * second reference only drops that reference, as Linux's put_page().
 */
static const char *test_bad_page_reports(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	const char *err;

	KTEST_EXPECT(page);
	if ((err = expect_bad_page(page, 0, "freeing with the wrong order")) ||
	    (err = expect_bad_page(page, 3, "freeing with the wrong order")) ||
	    (err = expect_bad_page(page + 1, 0, "freeing a tail page of a larger allocation")))
		return err;
	__free_pages(page, 2);
	if ((err = expect_bad_page(page, 2, "already free (double free)")) ||
	    (err = expect_bad_page(virt_to_page(_text), 0, "freeing a reserved page")))
		return err;
	page = alloc_pages(GFP_KERNEL, 1);
	KTEST_EXPECT(page);
	if ((err = expect_bad_page(page, 0, "freeing with the wrong order")))
		return err;
	page->_mapcount = 0;           /* as if one page table still maps it */
	err = expect_bad_page(page, 1, "freeing a page still mapped");
	page->_mapcount = -1;
	if (err)
		return err;
	get_page(page);                /* a second reference: free only drops it */
	__free_pages(page, 1);
	KTEST_EXPECT_EQ(page_count(page), 1);
	__free_pages(page, 1);
	KTEST_EXPECT(PageBuddy(page) || page_count(page) == 0);
	return NULL;
}

/*
 * A user page mapped by a page table is counted in its _mapcount, and its
 * mm and page number are in mapping and index (mm/rmap.c).  Freeing it
 * while still mapped is Linux's "Bad page state ... nonzero mapcount",
 * and the page stays mapped; munmap's path then unmaps and frees it:
 *
 *   0x08048000 [ not touched ][ touched: pte -> page, _mapcount 0 ]
 *   __free_page(page)   report; page, pte and free lists unchanged
 *   zap_page_range()    _mapcount -1, mapping NULL, page free
 *
 * Expect the report, then every page back after mmput().
 */
static const char *test_free_of_mapped_user_page(void)
{
	unsigned long addr = 0x08048000, user = addr + PAGE_SIZE;
	struct free_snapshot before;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	struct page *page;
	const char *err;

	snapshot_free_shrunk(&before);
	mm = mm_alloc();
	KTEST_EXPECT(mm);
	vma = vma_alloc(mm, addr, addr + 2 * PAGE_SIZE, VM_READ | VM_WRITE);
	KTEST_EXPECT(vma && !insert_vm_struct(mm, vma));
	KTEST_EXPECT_EQ(handle_mm_fault(vma, user), 0);
	page = follow_page(mm, user);
	KTEST_EXPECT(page);
	KTEST_EXPECT_EQ(page_mapcount(page), 1);
	KTEST_EXPECT(PageAnon(page));
	KTEST_EXPECT(page->mapping == (void *)((unsigned long)mm | PAGE_MAPPING_ANON));
	KTEST_EXPECT_EQ(page->index, user >> PAGE_SHIFT);
	err = expect_bad_page(page, 0, "nonzero mapcount: freeing a page still mapped");
	if (!err && (follow_page(mm, user) != page || page_mapcount(page) != 1))
		err = ktest_fail("the bad free changed the mapping");
	zap_page_range(mm, addr, addr + 2 * PAGE_SIZE);
	if (!err && (page_mapped(page) || page->mapping || page->index || mm->rss))
		err = ktest_fail("after zap_page_range: mapcount %d, mapping %p, rss %lu",
				 page_mapcount(page), page->mapping, mm->rss);
	mmput(mm);
	return err ? err : free_lists_unchanged_shrunk(&before);
}

/*
 * The watermarks of three boots, worked out by hand from QEMU's e820 map
 * (RAM [0, 0x9fc00) and [1 MB, top), so DMA has 159 + 3840 = 3999
 * present pages when RAM reaches 16 MB) as 2.6.11 computes them:
 *   lowmem KB  = 4 x present pages of DMA and Normal
 *   min_free_kbytes = isqrt(16 x lowmem KB), pages_min = min_free_kbytes / 4
 *   lowmem zone: min = pages_min x present / lowmem present (rounded down)
 *   HighMem: min = present / 1024 within [32, 128]
 *   low = min x 5/4, high = min x 6/4 (rounded down)
 *
 * -m 16M: top 0xfe0000, DMA present 159 + 3808 = 3967, no Normal
 *   16 x 15868 KB = 253888; 503^2 = 253009 <= it < 504^2: 503 KB, 125 pages
 *   DMA 125 x 3967/3967 = 125, low 156, high 187
 * -m 512M: top 0x1ffe0000, Normal [4096, 131040) = 126944 pages
 *   lowmem 3999 + 126944 = 130943 pages = 523772 KB; 16 x = 8380352
 *   2894^2 = 8375236 <= it < 2895^2: 2894 KB, 723 pages
 *   DMA 723 x 3999/130943 = 22.08: 22, 27, 33
 *   Normal 723 x 126944/130943 = 700.9: 700, 875, 1050
 * -m 2G: top 0x7ffe0000, Normal [4096, 229376) = 225280, HighMem
 *   [229376, 524256) = 294880 pages
 *   lowmem 229279 pages = 917116 KB; 16 x = 14673856
 *   3830^2 = 14668900 <= it < 3831^2: 3830 KB, 957 pages
 *   DMA 957 x 3999/229279 = 16.69: 16, 20, 24
 *   Normal 957 x 225280/229279 = 940.3: 940, 1175, 1410
 *   HighMem 294880/1024 = 287 > 128: 128, 160, 192
 * (Linux 2.6.11 on i386 counts DMA's 97 hole pages as present, 4096, and
 * gets 3831 KB: DMA 17/21/25, Normal 939/1173/1408.  Here a zone's
 * present pages exclude the holes, so 2.6.11's formula gives the above.)
 */
static const struct boot_watermarks {
	unsigned long max_pfn;
	int min_free_kbytes;
	unsigned long wmark[MAX_NR_ZONES][3];   /* min, low, high */
} boot_watermarks[] = {
	{ 0x00fe0,  503, { { 125, 156, 187 }, {   0,    0,    0 }, {   0,   0,   0 } } },
	{ 0x1ffe0, 2894, { {  22,  27,  33 }, { 700,  875, 1050 }, {   0,   0,   0 } } },
	{ 0x7ffe0, 3830, { {  16,  20,  24 }, { 940, 1175, 1410 }, { 128, 160, 192 } } },
};

/*
 * Expect 2.6.11's watermarks: at 16 MB, 512 MB and 2 GB the literal values
 * above; at every size low = 5/4 min and high = 6/4 min, and an empty zone
 * has none.
 */
static const char *test_watermarks(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(boot_watermarks); i++) {
		const struct boot_watermarks *w = &boot_watermarks[i];

		if (max_pfn != w->max_pfn)
			continue;
		KTEST_EXPECT_EQ(min_free_kbytes, w->min_free_kbytes);
		for (int z = 0; z < MAX_NR_ZONES; z++) {
			KTEST_EXPECT_EQ(zones[z].pages_min, w->wmark[z][0]);
			KTEST_EXPECT_EQ(zones[z].pages_low, w->wmark[z][1]);
			KTEST_EXPECT_EQ(zones[z].pages_high, w->wmark[z][2]);
		}
	}
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];

		if (!zone->present_pages)
			KTEST_EXPECT_EQ(zone->pages_min, 0);
		KTEST_EXPECT_EQ(zone->pages_low, zone->pages_min * 5 / 4);
		KTEST_EXPECT_EQ(zone->pages_high, zone->pages_min * 6 / 4);
	}
	return NULL;
}

/* Expect the boot report in Linux's words (make run shows these). */
static const char *test_boot_report(void)
{
	/* (Each logged line starts with its timestamp, so match line by line.) */
	KTEST_EXPECT(log_contains_since(0, "] Zone ranges:\n"));
	KTEST_EXPECT(log_contains_since(0, "]   DMA      [mem 0x0000000000000000-0x"));
	KTEST_EXPECT(log_contains_since(0, "] Early memory node ranges\n"));
	KTEST_EXPECT(log_contains_since(0, "]   node   0: [mem 0x0000000000000000-0x000000000009efff]\n"));
	KTEST_EXPECT(log_contains_since(0, "Memory: "));
	KTEST_EXPECT(log_contains_since(0, "K kernel code, "));
	KTEST_EXPECT_EQ(log_contains_since(0, "]   HighMem  empty\n"), !zones[ZONE_HIGHMEM].present_pages);
	KTEST_EXPECT_EQ(log_contains_since(0, "]   Normal   empty\n"), !zones[ZONE_NORMAL].present_pages);
	return NULL;
}

static const struct selftest mm_tests[] = {
	{ "zones_split_at_16m_and_896m", "seeds: Z1 Z2 Z3", test_zone_spans },
	{ "empty_zones_follow_ram_size", "seeds: Z4", test_empty_zones },
	{ "direct_map_is_min_of_ram_and_896m", "seeds: P4", test_direct_map },
	{ "mem_map_has_one_32_byte_page_per_pfn", "seeds: P5", test_mem_map },
	{ "kernel_data_and_mem_map_live_in_lowmem", "seeds: P7", test_kernel_data_in_lowmem },
	{ "small_ram_is_all_direct_mapped", "seeds: P8", test_small_ram_all_direct },
	{ "buddy_splits_then_merges_back", "seeds: Z5", test_buddy_split_and_merge },
	{ "buddyinfo_counts_every_free_page", "seeds: Z6", test_buddyinfo },
	{ "highmem_page_has_no_address", "seeds: Z7", test_highmem_page_has_no_address },
	{ "pa_va_refuse_addresses_off_the_direct_map", "seeds: Z8 P1", test_conversions_check_their_argument },
	{ "gfp_dma_always_below_16m", "seeds: Z1 A2", test_gfp_dma_below_16m },
	{ "gfp_kernel_prefers_normal_highuser_highmem", "seeds: A2", test_gfp_kernel_prefers_normal },
	{ "exhaust_fall_back_then_free_restores_buddyinfo", "seeds: A2 Z5 Z6", test_exhaust_and_fall_back },
	{ "misuse_reports_bad_page_state_and_changes_nothing", NULL, test_bad_page_reports },
	{ "free_of_mapped_user_page_reports_bad_page_state", NULL, test_free_of_mapped_user_page },
	{ "watermarks_follow_linux_2_6", NULL, test_watermarks },
	{ "zone_report_printed_like_linux", NULL, test_boot_report },
};

const struct selftest_suite mm_suite = {
	"mm", mm_tests, ARRAY_SIZE(mm_tests),
};
