/*
 * tests/unit/test_vmalloc.c - the vmalloc area's bookkeeping (mm/vmlist.c):
 * first fit, the guard page, vmlist's order, freed ranges merging with
 * their neighbours, exhaustion, sizes that could wrap, vm_structs from
 * kmalloc(), /proc/vmallocinfo's format.
 *
 * mm/vmlist.c, the area allocator, is compiled here unchanged; the half
 * that maps pages (mm/vmalloc.c: vmalloc(), vmap() ...) is not: an area
 * is address space only, and __get_vm_area() takes any range, so the tests
 * use small ones at made-up addresses.  unmap_vm_area(), which
 * remove_vm_area() calls across the split, is the stub below: it records
 * what it was given.  The vm_structs come from the real kmalloc()
 * (mm/kmalloc.c, mm/slab*.c), whose slabs come from the real page
 * allocator (mm/page_alloc.c, mm/buddy.c) over a one-zone machine of 1024 pages whose
 * "RAM" is a malloc'ed arena.
 *
 * The drawings show an area as [name: n pages|g], g its guard page, and a
 * free range as ( ... ), one character column per page where it matters.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include "unit.h"

#define PG          ((unsigned long)PAGE_SIZE)
#define BASE        0xf8800000ul             /* where the areas of a test start */
#define NR_PAGES    1024                     /* the machine's RAM: 4 MB */

extern unsigned char *host_page_arena;       /* host_stubs.c: page_address() */

static struct page *map;
static struct vm_struct *last_unmapped;
static unsigned int nr_unmapped;

/* The host has no page tables: remove_vm_area() "unmaps" here. */
void unmap_vm_area(struct vm_struct *area)
{
	last_unmapped = area;
	nr_unmapped++;
}

static void setup(void)
{
	static const unsigned long zones[MAX_NR_ZONES] = { NR_PAGES, 0, 0 };

	host_machine_boot(zones);
	map = host_machine_map;
	kmem_cache_init();
	vmlist = NULL;
	last_unmapped = NULL;
	nr_unmapped = 0;
	host_log_reset();
}

static void teardown(void)
{
	while (vmlist)                 /* kfree()s every vm_struct */
		free_vm_area(vmlist);
	host_machine_free();
	map = NULL;
}

/* Reserve @pages pages (plus the guard) in [BASE, BASE + @range pages). */
static struct vm_struct *get(unsigned long pages, unsigned long range)
{
	return __get_vm_area(pages * PG, VM_ALLOC, BASE, BASE + range * PG, 0x1234);
}

/* The first address of @v, in pages from BASE. */
static long at(const struct vm_struct *v)
{
	ck_assert_ptr_nonnull(v);
	return ((unsigned long)v->addr - BASE) / PG;
}

/*
 * Free pages, once every slab cache is shrunk (a freed vm_struct waits in
 * its cache's per-CPU array or a free slab until then) and the per-CPU
 * page lists are drained.
 */
static unsigned long free_pages_now(void)
{
	kmem_cache_shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

/* The free blocks of each order, after the same shrink and drain. */
static void snapshot_free_lists(unsigned long nr_free[MAX_ORDER])
{
	free_pages_now();
	for (int order = 0; order < MAX_ORDER; order++)
		nr_free[order] = contig_page_data.node_zones[0].free_area[order].nr_free;
}

/* The size of the general cache that kmalloc(sizeof(struct vm_struct)) uses. */
static size_t vm_struct_cache_size(void)
{
	return malloc_sizes[kmalloc_index(sizeof(struct vm_struct))].cs_size;
}

/* vmlist is sorted, and no two areas overlap. */
static void check_vmlist_order(void)
{
	for (struct vm_struct *v = vmlist; v && v->next; v = v->next)
		if ((unsigned long)v->addr + v->size > (unsigned long)v->next->addr)
			ck_abort_msg("area %p (%lu bytes) runs into the next, %p", v->addr, v->size,
				     v->next->addr);
}

/*
 *   [a: 1|g][b: 3    |g][c: 1|g]( ...            then free a:
 *   (  2   )[b: 3    |g][c: 1|g]( ...
 * A 2-page request needs 3 pages with its guard: not in a's 2-page hole,
 * so after c.  A 1-page request fits a's hole exactly.
 */
START_TEST(first_fit_takes_the_lowest_hole_that_fits)
{
	struct vm_struct *a = get(1, 64), *b = get(3, 64), *c = get(1, 64);

	ck_assert_int_eq(at(a), 0);
	ck_assert_int_eq(at(b), 2);
	ck_assert_int_eq(at(c), 6);
	free_vm_area(a);
	ck_assert_int_eq(at(get(2, 64)), 8);
	ck_assert_int_eq(at(get(1, 64)), 0);
	check_vmlist_order();
}
END_TEST

/* Every area is its size rounded up to pages, plus exactly one page. */
START_TEST(every_area_ends_with_one_guard_page)
{
	const unsigned long sizes[] = { 1, 100, PG - 1, PG, PG + 1, 5 * PG };
	const unsigned long expect[] = { 2, 2, 2, 2, 3, 6 };
	unsigned long next = BASE;

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct vm_struct *v = __get_vm_area(sizes[i], VM_ALLOC, BASE, BASE + 64 * PG, 0);

		ck_assert_ptr_nonnull(v);
		ck_assert_uint_eq((unsigned long)v->addr, next);
		ck_assert_uint_eq(v->size, expect[i] * PG);
		ck_assert_uint_eq(v->nr_pages, 0);          /* nothing mapped: address space only */
		next += v->size;
	}
}
END_TEST

/* Holes refilled in any order: the list stays sorted and without overlaps. */
START_TEST(areas_are_kept_in_address_order)
{
	struct vm_struct *v[12];

	for (int i = 0; i < 12; i++)
		v[i] = get(1 + i % 3, 256);
	for (int i = 0; i < 12; i += 3)
		free_vm_area(v[i]);
	for (int i = 0; i < 8; i++)
		ck_assert_ptr_nonnull(get(1 + (i * 5) % 2, 256));
	check_vmlist_order();
	ck_assert_ptr_eq(vmlist->addr, (void *)BASE);
}
END_TEST

/*
 *   [a: 1|g][b: 1|g][c: 1|g][d: 1|g]( ...       free the middle one, b:
 *   [a: 1|g](  2   )[c: 1|g][d: 1|g]( ...       a 3-page request (4 with
 * its guard) does not fit there; free a and c as well:
 *   (          6           )[d: 1|g]( ...
 * b's hole merged with both neighbours: a 5-page request (6) lands at a.
 */
START_TEST(freed_neighbours_merge_into_one_hole)
{
	struct vm_struct *a = get(1, 64), *b = get(1, 64), *c = get(1, 64), *d = get(1, 64), *e;

	ck_assert_int_eq(at(d), 6);
	free_vm_area(b);
	e = get(3, 64);
	ck_assert_int_eq(at(e), 8);
	free_vm_area(e);
	free_vm_area(a);
	free_vm_area(c);
	ck_assert_int_eq(at(get(5, 64)), 0);
	ck_assert_ptr_eq(vmlist->next, d);
	check_vmlist_order();
}
END_TEST

/*
 * In a range of 8 pages, four 1-page areas take all 8; the next request
 * gets NULL, and so does a 8-page one in the empty range (the guard would
 * not fit), while a 7-page one fits exactly.  A failure changes nothing,
 * and keeps no vm_struct: with every area gone and the slab caches
 * shrunk, every page is free again.
 */
START_TEST(exhausted_range_returns_null)
{
	unsigned long start = free_pages_now(), free;

	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(at(get(1, 8)), 2 * i);
	free = free_pages_now();
	ck_assert_ptr_null(get(1, 8));
	ck_assert_uint_eq(free_pages_now(), free);
	while (vmlist)
		free_vm_area(vmlist);
	ck_assert_ptr_null(get(8, 8));
	ck_assert_ptr_null(vmlist);
	ck_assert_int_eq(at(get(7, 8)), 0);
	ck_assert_ptr_null(get(1, 8));
	free_vm_area(vmlist);
	ck_assert_uint_eq(free_pages_now(), start);   /* no vm_struct kept by a failure */
}
END_TEST

/*
 * Sizes within a page of 2^32 (i386's unsigned long) must fail in a range
 * near the top of 32 bits, and sizes within two pages of 2^64 (the host's)
 * in any range: rounding up or adding the guard would wrap them to a small
 * size.  A range at the very top of the address space, once full, must
 * fail too, not wrap around to 0; so must a start that wraps when aligned.
 */
START_TEST(sizes_near_the_top_do_not_wrap)
{
	const unsigned long near_4g[] = { 0xfffff000ul, 0xfffff001ul, 0xfffffffful, 0 };
	const unsigned long near_top[] = { ~0ul, ~0ul - PG + 2, ~0ul - 2 * PG + 2, 0 };
	unsigned long high = ~0ul & ~(PG - 1);       /* the host's last page */
	struct vm_struct *v;

	for (unsigned int i = 0; i < ARRAY_SIZE(near_4g); i++)
		ck_assert_ptr_null(__get_vm_area(near_4g[i], VM_ALLOC, 0xff000000ul, 0xfffff000ul, 0));
	for (unsigned int i = 0; i < ARRAY_SIZE(near_top); i++) {
		ck_assert_ptr_null(__get_vm_area(near_top[i], VM_ALLOC, 0, ~0ul, 0));
		ck_assert_ptr_null(__get_vm_area(near_top[i], VM_IOREMAP, 0, ~0ul, 0));
	}
	ck_assert_ptr_null(vmlist);
	/*   high - 16 pages                 high        ~0ul
	 *   [v: 15 pages              |g]   (last page: a range [start, ~0ul)
	 *                                    never holds its last byte) */
	v = __get_vm_area(15 * PG, VM_ALLOC, high - 16 * PG, ~0ul, 0);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq((unsigned long)v->addr + v->size, high);
	ck_assert_ptr_null(__get_vm_area(PG, VM_ALLOC, high - 16 * PG, ~0ul, 0));
	ck_assert_ptr_null(__get_vm_area(PG, VM_ALLOC, ~0ul - 100, ~0ul, 0));  /* ALIGN(start) wraps */
	ck_assert_ptr_eq(vmlist, v);
	ck_assert_ptr_null(v->next);
}
END_TEST

/* remove_vm_area() of an address that starts no area: NULL, nothing changes. */
START_TEST(remove_of_an_unknown_address_returns_null)
{
	struct vm_struct *a = get(2, 64), *b = get(1, 64);

	ck_assert_ptr_null(remove_vm_area((char *)a->addr + PG));   /* inside a */
	ck_assert_ptr_null(remove_vm_area((char *)a->addr + 2 * PG)); /* its guard */
	ck_assert_ptr_null(remove_vm_area(NULL));
	ck_assert_uint_eq(nr_unmapped, 0);
	ck_assert_ptr_eq(vmlist, a);
	ck_assert_ptr_eq(a->next, b);
	/* And of one that does: unlinked, unmapped, handed back. */
	ck_assert_ptr_eq(remove_vm_area(b->addr), b);
	ck_assert_ptr_eq(last_unmapped, b);
	ck_assert_uint_eq(nr_unmapped, 1);
	ck_assert_ptr_null(a->next);
	free_vm_area(a);
	ck_assert_ptr_eq(last_unmapped, a);
	ck_assert_ptr_null(vmlist);
}
END_TEST

/*
 *   [a: 2 |g](hole)[b: 1|g]
 *   0       3     5       7
 * find_vm_area() wants the first byte; find_vm_area_covering() any byte,
 * the guard page's included (the fault handler names it with this).
 */
START_TEST(find_vm_area_covering_includes_the_guard_page)
{
	struct vm_struct *a = get(2, 64), *gap = get(1, 64), *b = get(1, 64);

	free_vm_area(gap);             /* a hole of 2 pages at 3 */
	ck_assert_int_eq(at(b), 5);
	ck_assert_ptr_eq(find_vm_area((void *)BASE), a);
	ck_assert_ptr_null(find_vm_area((void *)(BASE + 1)));
	ck_assert_ptr_eq(find_vm_area_covering(BASE + 2 * PG + 100), a);  /* the guard */
	ck_assert_ptr_eq(find_vm_area_covering(BASE + 3 * PG - 1), a);
	ck_assert_ptr_null(find_vm_area_covering(BASE + 3 * PG));        /* the hole */
	ck_assert_ptr_eq(find_vm_area_covering(BASE + 6 * PG), b);
	ck_assert_ptr_null(find_vm_area_covering(BASE + 7 * PG));
	ck_assert_ptr_null(find_vm_area_covering(BASE - 1));
}
END_TEST

/*
 * 2.6.11 aligns an ioremap area to the power of two above its size (fls),
 * between a page and 128 pages: 3 pages -> 16 KB, 1 MB -> 512 KB.
 */
START_TEST(ioremap_areas_are_aligned_to_their_size)
{
	struct vm_struct *v;

	ck_assert_int_eq(at(get(1, 1024)), 0);
	v = __get_vm_area(3 * PG, VM_IOREMAP, BASE, BASE + 1024 * PG, 0);
	ck_assert_int_eq(at(v), 4);
	v = __get_vm_area(1ul << 20, VM_IOREMAP, BASE, BASE + 1024 * PG, 0);
	ck_assert_int_eq(at(v), 128);
	ck_assert_uint_eq(v->size, (1ul << 20) + PG);
	v = __get_vm_area(PG, VM_IOREMAP, BASE, BASE + 1024 * PG, 0);   /* fls(4096): 8 KB */
	ck_assert_int_eq(at(v), 2);
	check_vmlist_order();
}
END_TEST

/*
 * A vm_struct is a kmalloc() object: ksize() says it sits in the general
 * cache that serves sizeof(struct vm_struct) (size-64 on the host, size-32
 * on i386), on a slab page.  Expect that for two areas, and the first one
 * freed to come back as the next area's vm_struct: kfree() pushed it on
 * the cache's per-CPU array, and kmalloc() pops the last object pushed.
 */
START_TEST(vm_structs_come_from_kmalloc)
{
	struct vm_struct *a = get(1, 64), *b = get(1, 64);

	ck_assert_uint_ge(vm_struct_cache_size(), sizeof(struct vm_struct));
	ck_assert_uint_eq(ksize(a), vm_struct_cache_size());
	ck_assert_uint_eq(ksize(b), vm_struct_cache_size());
	ck_assert(PageSlab(virt_to_page(a)));
	free_vm_area(a);
	ck_assert_ptr_eq(get(1, 64), a);
	check_vmlist_order();
}
END_TEST

/*
 * 300 areas take slab pages for their vm_structs, at least as many as
 * 300 objects of the cache's size fill.  Freed, the vm_structs wait in the
 * cache (the last ones freed in its per-CPU array, keeping their slabs
 * busy), so some pages are still out; kmem_cache_shrink_all() gives them
 * back.  Expect, once shrunk, every buddy free list as before, order by
 * order.
 */
START_TEST(freed_vm_structs_go_back_to_the_buddy_lists_when_shrunk)
{
	unsigned long before[MAX_ORDER], after[MAX_ORDER], used;
	unsigned long start = free_pages_now();
	size_t size = vm_struct_cache_size();

	snapshot_free_lists(before);
	for (int i = 0; i < 300; i++)
		ck_assert_ptr_nonnull(get(1, 1024));
	used = start - free_pages_now();
	ck_assert_uint_ge(used, 300 * size / PG);
	ck_assert_uint_le(used, 300 * size / (PG / 2) + 2);
	while (vmlist)
		free_vm_area(vmlist);
	drain_all_pages();
	ck_assert_uint_lt(nr_free_pages(), start);      /* not shrunk yet */
	snapshot_free_lists(after);
	for (int order = 0; order < MAX_ORDER; order++)
		ck_assert_msg(after[order] == before[order], "order %d: %lu free blocks, was %lu",
			      order, after[order], before[order]);
}
END_TEST

/*
 * No memory for a vm_struct: one object of the vm_structs' cache put
 * aside, then every page GFP_KERNEL can get held, and every object the
 * cache can still hand out taken.  Expect NULL and vmlist as it was; with
 * the object put aside kfree()d, the next try to work and to get exactly
 * that object.
 */
START_TEST(no_memory_for_a_vm_struct_returns_null)
{
	void *spare = kmalloc(sizeof(struct vm_struct), GFP_KERNEL);
	struct list_head held = LIST_HEAD_INIT(held);
	void **objs = NULL, **obj;
	struct page *page;

	ck_assert_ptr_nonnull(spare);
	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		list_add(&page->lru, &held);
	while ((obj = kmalloc(sizeof(struct vm_struct), GFP_KERNEL))) {
		*obj = objs;                   /* a stack of the objects taken */
		objs = obj;
	}
	ck_assert_ptr_null(get(1, 64));
	ck_assert_ptr_null(vmlist);
	kfree(spare);
	ck_assert_int_eq(at(get(1, 64)), 0);
	ck_assert_ptr_eq(vmlist, spare);
	while (objs) {
		obj = objs;
		objs = *obj;
		kfree(obj);
	}
	while (!list_empty(&held)) {
		page = list_entry(held.next, struct page, lru);
		list_del(&page->lru);
		__free_page(page);
	}
}
END_TEST

/* get_vm_area(): [VMALLOC_START, VMALLOC_END), and a caller recorded. */
START_TEST(get_vm_area_uses_the_vmalloc_range)
{
	struct vm_struct *v;

	high_memory = (void *)(uintptr_t)(PAGE_OFFSET + (512u << 20));
	ck_assert_uint_eq(VMALLOC_START, 0xe0800000u);
	v = get_vm_area(100, VM_ALLOC);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq((unsigned long)v->addr, 0xe0800000u);
	ck_assert_uint_eq(v->size, 2 * PG);
	ck_assert_uint_ne(v->caller, 0);
	ck_assert_ptr_null(get_vm_area(VMALLOC_END - VMALLOC_START - 2 * PG + 1, VM_ALLOC));
	ck_assert_ptr_nonnull(get_vm_area(VMALLOC_END - VMALLOC_START - 3 * PG, VM_ALLOC));
	ck_assert(is_vmalloc_addr(v->addr));
	ck_assert(!is_vmalloc_addr((void *)(uintptr_t)VMALLOC_END));
	ck_assert(!is_vmalloc_addr(high_memory));
	high_memory = NULL;
}
END_TEST

/*
 * /proc/meminfo's view of the vmalloc area (get_vmalloc_info()), with
 * 512 MB of lowmem, so [0xe0800000, VMALLOC_END):
 *
 *   empty:            (               whole range                )
 *   a, b, free a:     ( 2 )[b: 3   |g](          the rest           )
 *
 * Expect used = the areas' sizes with their guard pages (0, then 4
 * pages), and largest_chunk = the whole range, then the rest after b.
 */
START_TEST(vmalloc_info_sums_areas_and_finds_largest_hole)
{
	struct vmalloc_info vmi;
	struct vm_struct *a, *b;

	high_memory = (void *)(uintptr_t)(PAGE_OFFSET + (512u << 20));
	get_vmalloc_info(&vmi);
	ck_assert_uint_eq(vmi.used, 0);
	ck_assert_uint_eq(vmi.largest_chunk, VMALLOC_END - VMALLOC_START);
	a = get_vm_area(100, VM_ALLOC);
	b = get_vm_area(3 * PG, VM_ALLOC);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	free_vm_area(a);
	get_vmalloc_info(&vmi);
	ck_assert_uint_eq(vmi.used, 4 * PG);
	ck_assert_uint_eq(vmi.largest_chunk, VMALLOC_END - (VMALLOC_START + 6 * PG));
	high_memory = NULL;
}
END_TEST

/*
 * /proc/vmallocinfo (2.6.25): start-end (guard included), the size in
 * %7ld, the caller (the host's sprint_symbol() prints it in hex), then
 * pages=, phys= and the kind when they apply; one line per area, in order.
 */
START_TEST(vmallocinfo_prints_each_area_like_linux)
{
	struct vm_struct *a = __get_vm_area(100, VM_ALLOC, BASE, BASE + 64 * PG, 0xc0101234);
	struct vm_struct *m = __get_vm_area(2 * PG, VM_MAP, BASE, BASE + 64 * PG, 0xc0105678);
	struct vm_struct *io = __get_vm_area(PG, VM_IOREMAP, BASE, BASE + 64 * PG, 0xc0109abc);

	a->nr_pages = 1;
	m->nr_pages = 2;
	io->phys_addr = 0xfed00000;
	show_vmallocinfo();
	ck_assert_str_eq(host_log(),
			 "0xf8800000-0xf8802000    8192 0xc0101234 pages=1 vmalloc\n"
			 "0xf8802000-0xf8805000   12288 0xc0105678 pages=2 vmap\n"
			 "0xf8806000-0xf8808000    8192 0xc0109abc phys=fed00000 ioremap\n");
}
END_TEST

Suite *vmalloc_suite(void)
{
	Suite *s = suite_create("vmalloc");
	TCase *tc = tcase_create("areas");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, first_fit_takes_the_lowest_hole_that_fits);
	tcase_add_test(tc, every_area_ends_with_one_guard_page);
	tcase_add_test(tc, areas_are_kept_in_address_order);
	tcase_add_test(tc, freed_neighbours_merge_into_one_hole);
	tcase_add_test(tc, exhausted_range_returns_null);
	tcase_add_test(tc, sizes_near_the_top_do_not_wrap);
	tcase_add_test(tc, remove_of_an_unknown_address_returns_null);
	tcase_add_test(tc, find_vm_area_covering_includes_the_guard_page);
	tcase_add_test(tc, ioremap_areas_are_aligned_to_their_size);
	tcase_add_test(tc, vm_structs_come_from_kmalloc);
	tcase_add_test(tc, freed_vm_structs_go_back_to_the_buddy_lists_when_shrunk);
	tcase_add_test(tc, no_memory_for_a_vm_struct_returns_null);
	tcase_add_test(tc, get_vm_area_uses_the_vmalloc_range);
	tcase_add_test(tc, vmallocinfo_prints_each_area_like_linux);
	tcase_add_test(tc, vmalloc_info_sums_areas_and_finds_largest_hole);
	suite_add_tcase(s, tc);
	return s;
}
