/*
 * tests/kernel/vmalloc_test.c - the vmalloc area: guard pages (V4),
 * scattered pages (V1), vmap (V5; ioremap in ioremap_test.c), vmlist and
 * /proc/vmallocinfo (V6), its size (V7), beating the buddy allocator's
 * largest block (A3), failures that undo everything, misuse reports,
 * vmalloc_fault() and a random stress run.
 *
 * Every test holds at every size of the make test matrix (16 MB to 4 GB)
 * and leaves vmlist and the buddy lists as it found them, with two
 * exceptions.  Kernel page tables are never freed (see mm/vmalloc.c), so a
 * test that compares the free lists before and after first makes the page
 * tables its areas will need (prepare_page_tables()).  And a freed
 * vm_struct or pages[] array goes back to its kmalloc() cache, whose slab
 * keeps its pages until the cache is shrunk, so such a test shrinks every
 * cache before both snapshots (snapshot_free_shrunk()).  First fit puts a
 * new area at the lowest hole; the tests free what they take, so vmlist
 * has no holes and their areas land right after the last area.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/fault.h>
#include <asm/io.h>
#include <asm/mm.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/uaccess.h>
#include <asm/hpet.h>
#include "selftest.h"

static struct zone *zones = contig_page_data.node_zones;

static bool have_highmem(void)
{
	return zones[ZONE_HIGHMEM].present_pages > 0;
}

/* The end of the highest area (guard page included), or VMALLOC_START. */
static unsigned long vmlist_end(void)
{
	unsigned long end = VMALLOC_START;

	for (struct vm_struct *v = vmlist; v; v = v->next)
		end = max(end, (unsigned long)v->addr + v->size);
	return end;
}

static bool has_page_table(unsigned long addr)
{
	return !pmd_none(*pmd_offset(pgd_offset_k(addr), addr));
}

/*
 * The page tables for @bytes of areas after the last one: made now, so
 * that the free lists a test compares do not count them.
 */
static void prepare_page_tables(unsigned long bytes)
{
	unsigned long start = vmlist_end(), end = min(start + bytes, (unsigned long)VMALLOC_END);

	for (unsigned long a = start & PMD_MASK; a < end; a += PMD_SIZE)
		if (!pte_alloc_kernel(max(a, start)))
			return;            /* out of memory: the comparison will say so */
}

/*
 * A 4 MB region with no page table yet, at least 3 pages above the last
 * area, and a spacer area reserved from the last area up to @below pages
 * under it, so that the next area lands @below pages before the region.
 * Returns the region, or 0 (no such region, or no spacer).
 */
static unsigned long reserve_up_to_fresh_region(unsigned long below, struct vm_struct **spacer)
{
	unsigned long from = vmlist_end();

	for (unsigned long r = ALIGN(from + (below + 2) * PAGE_SIZE, PMD_SIZE);
	     r + PMD_SIZE <= VMALLOC_END && r > from; r += PMD_SIZE) {
		if (has_page_table(r))
			continue;
		/* The spacer: [from, r - below pages), its guard page included. */
		*spacer = __get_vm_area(r - below * PAGE_SIZE - from - PAGE_SIZE, VM_ALLOC,
					from, r, (unsigned long)__builtin_return_address(0));
		return *spacer ? r : 0;
	}
	return 0;
}

/* ---- holding memory ---- */

/* Blocks taken from the buddy allocator, linked through page->lru, the
 * last taken first. */
struct held {
	struct list_head list;
};

/* Take blocks of @order until @gfp can get no more. */
static void hold_order(struct held *h, gfp_t gfp, int order)
{
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		page->private = order;         /* as allocated: __free_pages checks it */
		list_add(&page->lru, &h->list);
	}
}

/* Take all that @gfp can get, biggest blocks first. */
static void hold(struct held *h, gfp_t gfp)
{
	for (int order = MAX_ORDER - 1; order >= 0; order--)
		hold_order(h, gfp, order);
}

/* Give back the last block taken; its order, or -1 if none is held. */
static int release_last(struct held *h)
{
	struct page *page = list_entry(h->list.next, struct page, lru);
	int order;

	if (list_empty(&h->list))
		return -1;
	order = page->private;
	list_del(&page->lru);
	__free_pages(page, order);
	return order;
}

static void release_all(struct held *h)
{
	while (release_last(h) >= 0)
		;
}

/* ---- V4: the guard page ---- */

static const char *check_guard_page(char *a, char *b)
{
	struct vm_struct *va = find_vm_area(a), *vb = find_vm_area(b);
	unsigned long faults = last_kernel_fault.count;
	char buf[16];
	long ret;

	KTEST_EXPECT(a && b && va && vb);
	KTEST_EXPECT_EQ((unsigned long)b, (unsigned long)a + 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(va->size, 8192);
	KTEST_EXPECT_EQ(va->nr_pages, 1);
	KTEST_EXPECT(find_vm_area_covering((unsigned long)a + PAGE_SIZE) == va);
	KTEST_EXPECT(find_vm_area_covering((unsigned long)b) == vb);
	KTEST_EXPECT_EQ(slow_virt_to_phys((unsigned long)a + PAGE_SIZE), (u64)-1);

	memset(b, 0x5a, PAGE_SIZE);
	memset(buf, 0xa5, sizeof(buf));
	ret = probe_kernel_write(a + PAGE_SIZE - 8, buf, sizeof(buf));   /* 8 bytes too many */
	KTEST_EXPECT_EQ(ret, -EFAULT);
	KTEST_EXPECT_EQ(last_kernel_fault.count, faults + 1);
	KTEST_EXPECT(last_kernel_fault.fixed_up);
	KTEST_EXPECT_EQ(last_kernel_fault.address, (unsigned long)a + PAGE_SIZE);
	KTEST_EXPECT_EQ(last_kernel_fault.error_code, X86_PF_WRITE);     /* not present */
	KTEST_EXPECT_EQ((u8)a[PAGE_SIZE - 1], 0xa5);                     /* up to the guard */
	for (unsigned int i = 0; i < PAGE_SIZE; i++)
		if ((u8)b[i] != 0x5a)
			return ktest_fail("b[%u] = 0x%02x: the overrun reached b", i, (u8)b[i]);
	printk("# vmalloc(100) twice: %p and %p; a write past the first faulted at %08lx\n",
	       a, b, last_kernel_fault.address);
	return NULL;
}

/*
 * vmalloc(100) twice.  Each area is one page and one unmapped guard page,
 * and first fit puts the second right after the first's guard:
 *
 *   a           a + 4K      b = a + 8K  b + 4K
 *   | a: 1 page | guard     | b: 1 page | guard |
 *
 * Expect b = a + 8 KB, both 8192 bytes long in vmlist, and a copy running
 * off the end of a to fault at a + 4 KB (the exception table turns the
 * fault into -EFAULT) after writing the bytes before it, with b untouched.
 */
static const char *test_guard_page(void)
{
	char *a = vmalloc(100), *b = vmalloc(100);
	const char *err = check_guard_page(a, b);

	vfree(b);
	vfree(a);
	return err;
}

/* ---- V1: scattered pages ---- */

#define V1_PAGES 8

static const char *check_scattered(char *p)
{
	struct vm_struct *area = find_vm_area(p);
	unsigned int breaks = 0;

	KTEST_EXPECT(p && area && area->pages);
	KTEST_EXPECT_EQ(area->nr_pages, V1_PAGES);
	for (unsigned int i = 0; i < V1_PAGES; i++) {
		struct page *page = area->pages[i];
		unsigned long va = (unsigned long)p + i * PAGE_SIZE;

		memset((char *)va, 'A' + i, PAGE_SIZE);
		KTEST_EXPECT(vmalloc_to_page((void *)va) == page);
		KTEST_EXPECT_EQ(slow_virt_to_phys(va + 123), PFN_PHYS(page_to_pfn(page)) + 123);
		KTEST_EXPECT_EQ(PageHighMem(page), have_highmem());
		KTEST_EXPECT(!PageHead(page));                    /* one page at a time */
		if (!PageHighMem(page))                           /* the same bytes, twice mapped */
			KTEST_EXPECT_EQ(((char *)page_address(page))[7], 'A' + i);
		if (i && page_to_pfn(page) != page_to_pfn(area->pages[i - 1]) + 1)
			breaks++;
	}
	KTEST_EXPECT(breaks > 0);
	printk("# %u virtually contiguous pages at %p: pfns %05lx %05lx %05lx ... (%s)\n",
	       V1_PAGES, p, page_to_pfn(area->pages[0]), page_to_pfn(area->pages[1]),
	       page_to_pfn(area->pages[2]), have_highmem() ? "HighMem" : "lowmem");
	return NULL;
}

/*
 * Take 2 x V1_PAGES pages as vmalloc() would (HighMem first), give back
 * every other one, then vmalloc(V1_PAGES pages): it gets free pages one
 * by one, and those are now scattered.  Expect a virtually contiguous
 * area whose pages are not physically contiguous, each mapped where
 * vmalloc_to_page() says, all from HighMem when this boot has HighMem,
 * from lowmem otherwise (V1); then everything back as it was.
 */
static const char *test_scattered_pages(void)
{
	struct page *pages[2 * V1_PAGES];
	struct free_snapshot before;
	const char *err;
	char *p;

	prepare_page_tables(V1_PAGES * PAGE_SIZE + PAGE_SIZE);
	snapshot_free_shrunk(&before);
	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i++)
		if (!(pages[i] = alloc_page(GFP_HIGHUSER)))
			return ktest_fail("no page %u", i);
	for (unsigned int i = 1; i < ARRAY_SIZE(pages); i += 2)
		__free_page(pages[i]);
	p = vmalloc(V1_PAGES * PAGE_SIZE);
	err = check_scattered(p);
	vfree(p);
	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i += 2)
		__free_page(pages[i]);
	return err ? err : free_lists_unchanged_shrunk(&before);
}

/* ---- V5: vmap and ioremap ---- */

static const char *check_vmap(char *v, struct page **pages)
{
	struct vm_struct *area = find_vm_area(v);

	KTEST_EXPECT(v && area);
	KTEST_EXPECT_EQ(area->flags, VM_MAP);
	KTEST_EXPECT_EQ(area->nr_pages, 3);
	KTEST_EXPECT(area->pages == NULL);                 /* the pages are the caller's */
	KTEST_EXPECT_EQ(area->size, 4 * PAGE_SIZE);
	for (unsigned int i = 0; i < 3; i++) {
		KTEST_EXPECT(vmalloc_to_page(v + i * PAGE_SIZE) == pages[i]);
		KTEST_EXPECT_EQ(v[i * PAGE_SIZE], ((char *)page_address(pages[i]))[0]);
		KTEST_EXPECT_EQ(v[i * PAGE_SIZE + PAGE_SIZE - 1], ((char *)page_address(pages[i]))[0]);
	}
	v[PAGE_SIZE + 5] = 'x';                             /* a write shows in the direct map */
	KTEST_EXPECT_EQ(((char *)page_address(pages[1]))[5], 'x');
	return NULL;
}

/*
 * Three lowmem pages filled with 'A', 'B', 'C' through the direct map, then
 * vmap()ed in the order C, A, B.  Expect the three pages to show through
 * the new addresses in that order, a write through one to show in the
 * direct map, and vunmap() to unmap them (the TLB flushed: a read faults)
 * but leave the pages allocated, contents and all.
 */
static const char *test_vmap(void)
{
	struct page *page[3], *order[3];
	const char *err;
	char *v, c;

	for (int i = 0; i < 3; i++) {
		if (!(page[i] = alloc_page(GFP_KERNEL)))
			return ktest_fail("no page");
		memset(page_address(page[i]), 'A' + i, PAGE_SIZE);
	}
	order[0] = page[2];
	order[1] = page[0];
	order[2] = page[1];
	v = vmap(order, 3, VM_MAP, PAGE_KERNEL);
	err = check_vmap(v, order);
	vunmap(v);
	if (!err && slow_virt_to_phys((unsigned long)v) != (u64)-1)
		err = "vunmap() left the mapping";
	else if (!err && probe_kernel_read(&c, v, 1) != -EFAULT)
		err = "v still reads after vunmap(): a stale TLB entry";
	for (int i = 0; i < 3; i++) {
		if (!err && (page_count(page[i]) != 1 || *(char *)page_address(page[i]) != 'A' + i))
			err = "vunmap() changed the pages";
		__free_page(page[i]);
	}
	return err;
}

/* ---- V6: vmlist in /proc/vmallocinfo's format ---- */

/* Expect @area's line, built here from its fields, since @since. */
static const char *expect_info_line(unsigned long since, const void *addr, const char *tail)
{
	struct vm_struct *v = find_vm_area(addr);
	char line[200], sym[100];

	KTEST_EXPECT(v);
	sprint_symbol(sym, sizeof(sym), v->caller);
	if (strncmp(sym, "test_vmallocinfo+0x", 19))
		return ktest_fail("caller %s, expected test_vmallocinfo+0x...", sym);
	snprintf(line, sizeof(line), "] 0x%08lx-0x%08lx %7ld %s %s\n", (unsigned long)v->addr,
		 (unsigned long)v->addr + v->size, (long)v->size, sym, tail);
	if (!log_contains_since(since, line))
		return ktest_fail("no line \"%s\"", line + 2);
	return NULL;
}

static const char *check_vmallocinfo(void *a, void *big, void *v, char *io)
{
	unsigned long since = log_position();
	const char *err;

	KTEST_EXPECT(a && big && v && io);
	show_vmallocinfo();
	if ((err = expect_info_line(since, a, "pages=1 vmalloc")) ||
	    (err = expect_info_line(since, big, "pages=5 vmalloc")) ||
	    (err = expect_info_line(since, v, "pages=2 vmap")) ||
	    (err = expect_info_line(since, io, "phys=fed00000 ioremap")))
		return err;
	return NULL;
}

/*
 * A vmalloc(100), a vmalloc(5 pages), a vmap() of 2 pages and an
 * ioremap() of the HPET, then show_vmallocinfo().  Expect one line per
 * area in /proc/vmallocinfo's format (2.6.25):
 *   0x<start>-0x<end> <size incl. guard, %7ld> <caller> pages=N vmalloc
 *   ... pages=N vmap
 *   ... phys=fed00000 ioremap
 * each naming this function as its caller (V6).
 */
static const char *test_vmallocinfo(void)
{
	struct page *pages[2] = { alloc_page(GFP_KERNEL), alloc_page(GFP_KERNEL) };
	void *a = vmalloc(100), *big = vmalloc(5 * PAGE_SIZE);
	void *v = pages[0] && pages[1] ? vmap(pages, 2, VM_MAP, PAGE_KERNEL) : NULL;
	char *io = ioremap(HPET_ADDRESS, HPET_MMAP_SIZE);
	const char *err = check_vmallocinfo(a, big, v, io);

	iounmap(io);
	vunmap(v);
	vfree(big);
	vfree(a);
	for (int i = 0; i < 2; i++)
		if (pages[i])
			__free_page(pages[i]);
	return err;
}

/* ---- V7: the size of the area ---- */

/*
 * The area runs from VMALLOC_START, 8 to 16 MB above the end of the direct
 * map, to VMALLOC_END.  With 512 MB of RAM it starts at 0xe0800000 and is
 * far larger than 128 MB; from 896 MB on it starts at 0xf8800000 and is
 * smaller.  Expect get_vm_area() to reserve all the free space after the
 * last area (its size less the guard page) and no more, at every size.
 */
static const char *test_area_size(void)
{
	unsigned long start = VMALLOC_START, size = VMALLOC_END - start;
	unsigned long tail = VMALLOC_END - vmlist_end();
	struct vm_struct *all;

	KTEST_EXPECT_EQ(start % VMALLOC_OFFSET, 0);
	KTEST_EXPECT(start >= (unsigned long)high_memory + VMALLOC_OFFSET);
	if (max_pfn == 0x1ffe0) {                          /* -m 512M */
		KTEST_EXPECT_EQ(start, 0xe0800000);
		KTEST_EXPECT(size > (256u << 20));
	}
	if (max_low_pfn == MAXMEM_PFN) {
		KTEST_EXPECT_EQ(start, 0xf8800000);
		KTEST_EXPECT(size < VMALLOC_RESERVE);
	}
	KTEST_EXPECT(get_vm_area(tail, VM_ALLOC) == NULL);     /* + guard: one page too many */
	all = get_vm_area(tail - PAGE_SIZE, VM_ALLOC);
	KTEST_EXPECT(all);
	KTEST_EXPECT_EQ((unsigned long)all->addr + all->size, VMALLOC_END);
	free_vm_area(all);
	printk("# vmalloc area: 0x%08lx-0x%08lx, %lu MB; reserved all %lu MB free\n",
	       start, (unsigned long)VMALLOC_END, size >> 20, tail >> 20);
	return NULL;
}

/* ---- A3: more than the largest buddy block ---- */

static const char *check_bigger_than_max_order(char *p, unsigned long nr_pages)
{
	struct vm_struct *area = find_vm_area(p);
	unsigned int crossings = 0;

	KTEST_EXPECT(p && area);
	for (unsigned long i = 0; i < nr_pages; i++) {
		p[i * PAGE_SIZE] = (char)i;
		p[i * PAGE_SIZE + PAGE_SIZE - 1] = (char)i;
		if (i && (page_to_pfn(area->pages[i]) >> (MAX_ORDER - 1)) !=
			 (page_to_pfn(area->pages[i - 1]) >> (MAX_ORDER - 1)))
			crossings++;
	}
	for (unsigned long i = 0; i < nr_pages; i++)
		KTEST_EXPECT_EQ(p[i * PAGE_SIZE + PAGE_SIZE - 1], (char)i);
	KTEST_EXPECT(crossings > 0);
	printk("# vmalloc(%lu KB) at %p: from one page to the next, the 4 MB block changes "
	       "%u times\n", nr_pages << (PAGE_SHIFT - 10), p, crossings);
	return NULL;
}

/*
 * The buddy allocator's largest block is 2^(MAX_ORDER-1) pages, 4 MB: no
 * alloc_pages() call can return more (A3).  vmalloc() takes pages one at
 * a time, so it can.  Expect alloc_pages(GFP_KERNEL, MAX_ORDER) to fail
 * and vmalloc() of 4 MB plus a quarter (5 MB, which even -m 16M has free)
 * to succeed, every page writable, and the free lists as before after vfree().
 */
static const char *test_bigger_than_max_order(void)
{
	unsigned long nr_pages = MAX_ORDER_NR_PAGES + MAX_ORDER_NR_PAGES / 4;
	struct free_snapshot before;
	const char *err;
	char *p;

	KTEST_EXPECT(alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER) == NULL);
	prepare_page_tables((nr_pages + 1) * PAGE_SIZE);
	snapshot_free_shrunk(&before);
	p = vmalloc(nr_pages * PAGE_SIZE);
	err = check_bigger_than_max_order(p, nr_pages);
	vfree(p);
	return err ? err : free_lists_unchanged_shrunk(&before);
}

/* ---- failures ---- */

/*
 * Requests that cannot fit: the whole area (its guard page would not fit),
 * sizes near 4 GB (which must not wrap to small ones), and 0.  Expect NULL
 * and "vmalloc: allocation failure: <size> bytes" for each, and vmlist
 * and the free lists unchanged.
 */
static const char *test_too_big_for_the_area(void)
{
	const unsigned long sizes[] = { VMALLOC_END - VMALLOC_START, 0xfffff000, 0xfffff001,
					0xffffffff, 0 };
	struct vmlist_snapshot vm_before;
	struct free_snapshot before;

	snapshot_vmlist(&vm_before);
	snapshot_free(&before);
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long since = log_position();
		char line[64];

		KTEST_EXPECT(vmalloc(sizes[i]) == NULL);
		snprintf(line, sizeof(line), "vmalloc: allocation failure: %lu bytes", sizes[i]);
		if (!log_contains_since(since, line))
			return ktest_fail("vmalloc(%lu): no \"%s\"", sizes[i], line);
	}
	KTEST_EXPECT(get_vm_area(VMALLOC_END - VMALLOC_START, VM_ALLOC) == NULL);
	KTEST_EXPECT(get_vm_area(0xfffff000, VM_ALLOC) == NULL);
	KTEST_EXPECT(get_vm_area(0xfffff001, VM_IOREMAP) == NULL);
	return vmlist_unchanged(&vm_before) ?: free_lists_unchanged(&before);
}

/*
 * Hold all the memory vmalloc() could have, then give back the last
 * blocks taken, 2 MB or a little more, and ask for 64 MB (or all of RAM
 * but a page, where that is less): the area has room, and no check on the
 * size refuses it up front, but free RAM runs out part way.  Expect NULL
 * with "vmalloc: allocation failure, allocated N of <size> bytes", N not
 * 0, and every page it got given back: the free lists as before the call,
 * then as at the start once the rest is released.
 */
static const char *test_bigger_than_free_ram(void)
{
	unsigned long size = min((64ul << 20) >> PAGE_SHIFT, totalram_pages - 1) << PAGE_SHIFT;
	struct held h = { LIST_HEAD_INIT(h.list) };
	struct free_snapshot before, held;
	unsigned long since, back = 0;
	const char *err = NULL;
	char tail[40];
	int order;

	snapshot_free_shrunk(&before);
	hold(&h, GFP_HIGHUSER);
	while (back < (2u << 20) >> PAGE_SHIFT && (order = release_last(&h)) >= 0)
		back += 1ul << order;
	snapshot_free_shrunk(&held);
	since = log_position();
	snprintf(tail, sizeof(tail), " of %lu bytes\n", size);
	if (vmalloc(size))
		err = ktest_fail("vmalloc(%lu) succeeded", size);
	else if (!log_contains_since(since, "vmalloc: allocation failure, allocated ") ||
		 !log_contains_since(since, tail))
		err = ktest_fail("no \"vmalloc: allocation failure, allocated N%s\"", tail);
	else if (log_contains_since(since, "allocated 0 of"))
		err = "vmalloc() got no page at all: the test gave none back";
	else
		err = free_lists_unchanged_shrunk(&held);
	release_all(&h);
	if (!err)
		printk("# vmalloc(%lu) failed part way with %lu pages given back\n", size, back);
	return err ? err : free_lists_unchanged_shrunk(&before);
}

/* The failures met on the way, for test_failure_at_each_step. */
static const char *const step_reports[] = {
	"(no memory for the pages[] array)", "allocated 0 of 4096 bytes",
	"(no page for a page table)",
};

/*
 * Try vmalloc(4096) with k = 0, 1, 2, 3 lowmem pages given back.  The
 * free lists are compared without shrinking the slab caches: that would
 * drain the objects test_failure_at_each_step() left in their per-CPU
 * arrays, and a try would then need a slab page.  Here no slab may grow
 * or shrink at all.
 */
static const char *check_each_step(struct held *h, unsigned long region, bool seen[])
{
	for (int k = 0; k <= 3; k++) {
		struct vmlist_snapshot vm_before;
		struct free_snapshot before;
		unsigned long since;
		const char *err;
		void *p;

		if (k && release_last(h) != 0)
			return "the last block held was not a single page";
		snapshot_vmlist(&vm_before);
		snapshot_free(&before);
		since = log_position();
		p = vmalloc(PAGE_SIZE);
		if (p) {
			KTEST_EXPECT_EQ((unsigned long)p, region);
			printk("# vmalloc(4096) succeeded with %d lowmem pages free\n", k);
			vfree(p);
			return NULL;
		}
		for (unsigned int i = 0; i < ARRAY_SIZE(step_reports); i++)
			seen[i] |= log_contains_since(since, step_reports[i]);
		if ((err = vmlist_unchanged(&vm_before)) || (err = free_lists_unchanged(&before)))
			return err;
	}
	return "vmalloc(4096) still failed with 3 lowmem pages free";
}

/*
 * A vmalloc(4096) into a 4 MB region that has no page table yet needs two
 * kmalloc() objects, its vm_struct and its one-entry pages[] array, then
 * two pages: its page (HighMem first) and a page table (lowmem).  One
 * object of each size kmalloc()ed and kfree()d beforehand waits in its
 * cache's per-CPU array, so the objects need no page.  Hold all the lowmem
 * GFP_KERNEL can get, try, then give pages back one at a time and try
 * again.  With HighMem the first try fails at the page table; without,
 * the first fails at the page, the second at the page table.  Expect each
 * failure to leave vmlist and the free lists exactly as before it, the
 * page-table failure to have been met, and the array's never.
 */
static const char *test_failure_at_each_step(void)
{
	struct held h = { LIST_HEAD_INIT(h.list) };
	struct vm_struct *spacer = NULL;
	unsigned long region = reserve_up_to_fresh_region(0, &spacer);
	bool seen[ARRAY_SIZE(step_reports)] = { false };
	void *vm_struct_obj = kmalloc(sizeof(struct vm_struct), GFP_KERNEL);
	void *array_obj = kmalloc(sizeof(struct page *), GFP_KERNEL);
	const char *err;

	kfree(array_obj);
	kfree(vm_struct_obj);
	KTEST_EXPECT(region);
	if (!vm_struct_obj || !array_obj) {
		free_vm_area(spacer);
		return "kmalloc() of a vm_struct or a pages[] array failed";
	}
	hold(&h, GFP_KERNEL);
	/* The last blocks taken may be bigger than a page: give back at least
	 * 4 pages' worth and take them again page by page, so that the last
	 * ones held, given back first, are single pages. */
	for (int pages = 0, order; pages < 4 && (order = release_last(&h)) >= 0; )
		pages += 1 << order;
	hold_order(&h, GFP_KERNEL, 0);
	err = check_each_step(&h, region, seen);
	release_all(&h);
	free_vm_area(spacer);
	if (err)
		return err;
	KTEST_EXPECT(!seen[0]);
	KTEST_EXPECT_EQ(seen[1], !have_highmem());
	KTEST_EXPECT(seen[2]);
	return NULL;
}

/* ---- misuse ---- */

/* Expect @line since @since, with %p of @addr in it. */
static const char *expect_report(unsigned long since, const char *fmt, const void *addr)
{
	char line[96];

	snprintf(line, sizeof(line), fmt, addr);
	if (!log_contains_since(since, line))
		return ktest_fail("no \"%s\"", line);
	return NULL;
}

static const char *check_bad_frees(char *a)
{
	unsigned long since = log_position();
	const char *err;

	KTEST_EXPECT(a);
	vfree(NULL);
	KTEST_EXPECT_EQ(log_position(), since);            /* not a word */
	vfree(a + 1);
	vfree(a + PAGE_SIZE);
	vfree(_text);
	iounmap(a);
	iounmap(a + 8 * PAGE_SIZE + 0x10);
	if ((err = expect_report(since, "Trying to vfree() bad address (%p)", a + 1)) ||
	    (err = expect_report(since, "Trying to vfree() nonexistent vm area (%p)", a + PAGE_SIZE)) ||
	    (err = expect_report(since, "Trying to vfree() nonexistent vm area (%p)", _text)) ||
	    (err = expect_report(since, "iounmap: bad address %p (not an ioremap() area)", a)) ||
	    (err = expect_report(since, "iounmap: bad address %p (no area starts there)",
				 a + 8 * PAGE_SIZE + 0x10)))
		return err;
	for (unsigned int i = 0; i < 2 * PAGE_SIZE; i++)
		KTEST_EXPECT_EQ((u8)a[i], 0x5a);
	return NULL;
}

/*
 * vfree() of NULL does nothing.  vfree() of an address inside an area,
 * or of one that is no area, and iounmap() of what ioremap() did not
 * return are reported in Linux's words and change nothing; a second
 * vfree() of an area is reported too.  Expect the reports, the area
 * intact, and vmlist and the free lists unchanged.
 */
static const char *test_bad_frees(void)
{
	struct vmlist_snapshot vm_before;
	struct free_snapshot before;
	unsigned long since;
	const char *err;
	char *a;

	prepare_page_tables(3 * PAGE_SIZE);
	snapshot_vmlist(&vm_before);
	snapshot_free_shrunk(&before);
	a = vmalloc(2 * PAGE_SIZE);
	if (a)
		memset(a, 0x5a, 2 * PAGE_SIZE);
	err = check_bad_frees(a);
	vfree(a);
	since = log_position();
	vfree(a);
	if (!err)
		err = expect_report(since, "Trying to vfree() nonexistent vm area (%p)", a);
	return err ?: vmlist_unchanged(&vm_before) ?: free_lists_unchanged_shrunk(&before);
}

/*
 * Which pages an area owns follows Linux 2.6.11's __vunmap(addr,
 * deallocate_pages): vfree() of a vmap() area unmaps it and frees none of
 * the caller's pages; vunmap() of a vmalloc() area unmaps it and frees
 * nothing, so its pages and their array stay allocated (the caller's bug:
 * a leak).  Expect exactly that; this test then frees the leaked pages
 * and kfree()s the array itself, and the free lists are as before.
 */
static const char *test_vfree_vunmap_mixups(void)
{
	struct page *page = alloc_page(GFP_KERNEL), *leaked[2];
	struct free_snapshot before;
	struct page **array;
	char *v, *m;

	KTEST_EXPECT(page);
	prepare_page_tables(4 * PAGE_SIZE);
	memset(page_address(page), 'v', PAGE_SIZE);
	v = vmap(&page, 1, VM_MAP, PAGE_KERNEL);
	KTEST_EXPECT(v && *v == 'v');
	vfree(v);
	KTEST_EXPECT(find_vm_area(v) == NULL);
	KTEST_EXPECT_EQ(slow_virt_to_phys((unsigned long)v), (u64)-1);
	KTEST_EXPECT_EQ(page_count(page), 1);
	KTEST_EXPECT_EQ(*(char *)page_address(page), 'v');
	__free_page(page);

	snapshot_free_shrunk(&before);
	m = vmalloc(2 * PAGE_SIZE);
	KTEST_EXPECT(m && find_vm_area(m));
	array = find_vm_area(m)->pages;
	leaked[0] = array[0];
	leaked[1] = array[1];
	vunmap(m);
	KTEST_EXPECT(find_vm_area(m) == NULL);
	KTEST_EXPECT_EQ(slow_virt_to_phys((unsigned long)m), (u64)-1);
	KTEST_EXPECT(page_count(leaked[0]) == 1 && page_count(leaked[1]) == 1);
	KTEST_EXPECT(array[0] == leaked[0]);                /* the array too */
	__free_page(leaked[0]);
	__free_page(leaked[1]);
	kfree(array);
	return free_lists_unchanged_shrunk(&before);
}

static void call_pa(unsigned long va)          { (void)__pa(va); }
static void call_virt_to_page(unsigned long va) { (void)virt_to_page((void *)va); }

/*
 * A vmalloc address has no physical twin by subtraction: __pa() and
 * virt_to_page() of one BUG (the other side of P1); vmalloc_to_page()
 * walks the page tables instead.  Expect both BUGs, and vmalloc_to_page()
 * to agree with the page tables.
 */
static const char *test_pa_of_vmalloc_address(void)
{
	char *p = vmalloc(PAGE_SIZE);
	unsigned long since = log_position();
	const char *err = NULL;

	if (!p)
		return "vmalloc(4096) failed";
	if (!provokes_bug(call_pa, (unsigned long)p) ||
	    !provokes_bug(call_virt_to_page, (unsigned long)p))
		err = "__pa() or virt_to_page() of a vmalloc address did not BUG";
	else if (!log_contains_since(since, "kernel BUG at include/asm/page.h:"))
		err = "no \"kernel BUG at include/asm/page.h:\"";
	else if (!vmalloc_to_page(p) ||
		 slow_virt_to_phys((unsigned long)p) != PFN_PHYS(page_to_pfn(vmalloc_to_page(p))))
		err = "vmalloc_to_page() disagrees with the page tables";
	vfree(p);
	return err;
}

/* ---- vmalloc_fault ---- */

/* Interrupts off, run on @pgd: vmalloc(2 pages) at @p_out and touch both.
 * @entry_before gets @pgd's entries for the two pages before the touch. */
static long touch_on_other_pgd(pgd_t *pgd, char **p_out, u32 entry_before[2])
{
	u32 flags = local_irq_save(), cr3 = read_cr3();
	char one = 1, two = 2;
	long ret = -ENOMEM;
	char *p;

	write_cr3(__pa(pgd));
	p = vmalloc(2 * PAGE_SIZE);
	if (p) {
		for (int i = 0; i < 2; i++) {
			unsigned long addr = (unsigned long)p + i * PAGE_SIZE;

			entry_before[i] = pmd_val(*pmd_offset(pgd_offset(pgd, addr), addr));
		}
		ret = probe_kernel_write(p, &one, 1) ?: probe_kernel_write(p + PAGE_SIZE, &two, 1);
	}
	write_cr3(cr3);
	local_irq_restore(flags);
	*p_out = p;
	return ret;
}

static const char *check_vmalloc_fault(pgd_t *pgd, unsigned long region)
{
	unsigned long idx = pgd_index(region);
	u32 entry_before[2] = { ~0u, ~0u };
	char *p = NULL;
	long ret = touch_on_other_pgd(pgd, &p, entry_before);
	const char *err = NULL;

	if (!p)
		return "vmalloc(8192) failed";
	if ((unsigned long)p != region - PAGE_SIZE)
		err = ktest_fail("the area is at %p, not across %08lx", p, region);
	else if (entry_before[1] != 0)
		err = "the new directory already had the entry";
	else if (entry_before[0] != pgd_val(swapper_pg_dir[idx - 1]))
		err = "the first page's entry was not there before: two entries to sync, expected 1";
	else if (ret)
		err = ktest_fail("touching the area faulted for good (%ld)", ret);
	else if (pgd_val(pgd[idx]) != pgd_val(swapper_pg_dir[idx]))
		err = "the synced entry differs from swapper_pg_dir's";
	else if (pgd_val(pgd[idx - 1]) != entry_before[0])
		err = "the first page's entry changed";
	else if (p[0] != 1 || p[PAGE_SIZE] != 2)
		err = "the writes did not land";
	else if (vmalloc_fault((unsigned long)p + 2 * PAGE_SIZE) != -1)  /* the guard */
		err = "vmalloc_fault() of a guard page did not say -1";
	vfree(p);
	return err;
}

/*
 * A second page directory, made as a process's will be: entries 768-1023
 * copied from swapper_pg_dir (S2), 0-767 empty.  A 4 MB region of the
 * vmalloc area has no page table yet, so the copy has no entry for it.
 * On the new directory (interrupts off), vmalloc(2 pages) across the
 * region's start: the new page table goes into swapper_pg_dir only.
 * Expect the copy's entry to be empty, the touch of the second page to
 * fault, vmalloc_fault() to copy swapper_pg_dir's entry (one sync), the
 * write to land; and vmalloc_fault() to refuse where there is nothing to
 * copy (a region with no table, the guard page).
 */
static const char *test_vmalloc_fault(void)
{
	struct page *pgd_page = alloc_page(GFP_KERNEL);
	struct vm_struct *spacer = NULL;
	unsigned long region;
	const char *err;
	pgd_t *pgd;

	KTEST_EXPECT(pgd_page);
	pgd = page_address(pgd_page);
	memset(pgd, 0, USER_PTRS_PER_PGD * sizeof(pgd_t));
	memcpy(pgd + USER_PTRS_PER_PGD, swapper_pg_dir + USER_PTRS_PER_PGD,
	       KERNEL_PGD_PTRS * sizeof(pgd_t));
	region = reserve_up_to_fresh_region(1, &spacer);
	if (!region) {
		__free_page(pgd_page);
		return "no 4 MB region without a page table";
	}
	err = check_vmalloc_fault(pgd, region);
	if (!err && !has_page_table(region + PMD_SIZE) && vmalloc_fault(region + PMD_SIZE) != -1)
		err = "vmalloc_fault() where swapper_pg_dir has no table did not say -1";
	free_vm_area(spacer);
	__free_page(pgd_page);
	return err;
}

/* ---- stress ---- */

#define STRESS_OPS       10000
#define STRESS_LIVE      64
#define STRESS_MAX_SIZE  (64u << 10)
#define STRESS_SPAN      (16u << 20)     /* page tables made beforehand */

static u32 prng_state;

/* Marsaglia's xorshift32: deterministic, never 0 from a nonzero seed. */
static u32 prng(void)
{
	prng_state ^= prng_state << 13;
	prng_state ^= prng_state >> 17;
	prng_state ^= prng_state << 5;
	return prng_state;
}

struct stress_area {
	u32 *p;
	unsigned long size;
	u32 tag;
};

/*
 * Fill @a: word i holds tag + i, and each byte after the last whole word
 * the low byte of tag + its index; so no two areas, no two words alike.
 * (Four words a turn: under QEMU's emulation the loop costs per turn.)
 */
static void stress_fill(const struct stress_area *a)
{
	unsigned long words = a->size / 4, i = 0;
	u32 *p = a->p, t = a->tag;

	for (; i + 4 <= words; i += 4) {
		p[i] = t + i;
		p[i + 1] = t + i + 1;
		p[i + 2] = t + i + 2;
		p[i + 3] = t + i + 3;
	}
	for (; i < words; i++)
		p[i] = t + i;
	for (unsigned long j = 4 * words; j < a->size; j++)
		((u8 *)p)[j] = (u8)(t + j);
}

static const char *stress_check_and_free(const struct stress_area *a)
{
	unsigned long words = a->size / 4, i = 0;
	const u32 *p = a->p;
	u32 t = a->tag;

	for (; i + 4 <= words; i += 4)
		if ((p[i] ^ (t + i)) | (p[i + 1] ^ (t + i + 1)) |
		    (p[i + 2] ^ (t + i + 2)) | (p[i + 3] ^ (t + i + 3)))
			break;
	for (; i < words; i++)
		if (p[i] != t + i)
			return ktest_fail("area %p (%lu bytes): word %lu is %08x, expected %08x",
					  p, a->size, i, p[i], (u32)(t + i));
	for (unsigned long j = 4 * words; j < a->size; j++)
		if (((const u8 *)p)[j] != (u8)(t + j))
			return ktest_fail("area %p (%lu bytes): byte %lu changed", p, a->size, j);
	vfree(a->p);
	return NULL;
}

static const char *stress(struct stress_area *live, unsigned int *n, unsigned long limit)
{
	for (u32 op = 0; op < STRESS_OPS; op++) {
		u32 r = prng();
		const char *err;

		if (*n == 0 || (*n < STRESS_LIVE && (r & 1))) {
			struct stress_area *a = &live[*n];

			a->size = 1 + prng() % STRESS_MAX_SIZE;
			a->tag = prng();
			a->p = vmalloc(a->size);
			if (!a->p)
				return ktest_fail("op %u: vmalloc(%lu) failed", op, a->size);
			if ((unsigned long)a->p + a->size > limit)
				return ktest_fail("op %u: area %p past the prepared page tables",
						  op, a->p);
			stress_fill(a);
			++*n;
		} else {
			unsigned int i = prng() % *n;

			if ((err = stress_check_and_free(&live[i])))
				return err;
			live[i] = live[--*n];
		}
	}
	return NULL;
}

/*
 * 10,000 random vmalloc()s and vfree()s (a fixed seed, so every boot does
 * the same), 1 byte to 64 KB, up to 64 areas live, each filled with its
 * own pattern and checked when freed.  Expect no area ever to see another's
 * bytes, and at the end vmlist as at the start and, the slab caches
 * shrunk, every buddy free list exactly as before: no page leaked, and no
 * pages[] array or vm_struct holding a slab.
 */
static const char *test_stress(void)
{
	static struct stress_area live[STRESS_LIVE];
	unsigned long limit = vmlist_end() + STRESS_SPAN;
	struct vmlist_snapshot vm_before;
	struct free_snapshot before;
	unsigned int n = 0;
	const char *err;
	u64 t = rdtsc();

	prng_state = 2463534242u;
	prepare_page_tables(STRESS_SPAN);
	snapshot_vmlist(&vm_before);
	snapshot_free_shrunk(&before);
	err = stress(live, &n, limit);
	while (n) {
		const char *e = stress_check_and_free(&live[--n]);

		err = err ?: e;
	}
	if (err)
		return err;
	printk("# %u vmalloc/vfree in %llu M TSC ticks\n", STRESS_OPS, (rdtsc() - t) >> 20);
	return vmlist_unchanged(&vm_before) ?: free_lists_unchanged_shrunk(&before);
}

static const struct selftest vmalloc_tests[] = {
	{ "vmalloc_areas_are_one_guard_page_apart", "seeds: V4", test_guard_page },
	{ "vmalloc_pages_are_scattered_low_or_high", "seeds: V1", test_scattered_pages },
	{ "vmap_shows_the_pages_given", "seeds: V5", test_vmap },
	{ "vmallocinfo_lists_every_area", "seeds: V6", test_vmallocinfo },
	{ "get_vm_area_takes_all_free_space_not_more", "seeds: V7", test_area_size },
	{ "vmalloc_beats_the_largest_buddy_block", "seeds: A3", test_bigger_than_max_order },
	{ "vmalloc_too_big_for_the_area_fails", NULL, test_too_big_for_the_area },
	{ "vmalloc_bigger_than_free_ram_fails_cleanly", NULL, test_bigger_than_free_ram },
	{ "vmalloc_failure_at_each_step_undoes_all", NULL, test_failure_at_each_step },
	{ "bad_vfree_and_iounmap_reported_harmless", NULL, test_bad_frees },
	{ "vfree_vunmap_mixups_as_linux_2_6_11", NULL, test_vfree_vunmap_mixups },
	{ "pa_of_a_vmalloc_address_is_a_bug", "seeds: P1", test_pa_of_vmalloc_address },
	{ "vmalloc_fault_copies_a_new_page_table", "seeds: S2", test_vmalloc_fault },
	{ "vmalloc_vfree_stress_restores_everything", NULL, test_stress },
};

const struct selftest_suite vmalloc_suite = {
	"vmalloc", vmalloc_tests, ARRAY_SIZE(vmalloc_tests),
};
