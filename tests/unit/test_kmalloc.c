/*
 * tests/unit/test_kmalloc.c - kmalloc(), kzalloc(), kfree() and ksize()
 * (mm/kmalloc.c) on the general caches: which cache a size goes to, large
 * blocks from the buddy allocator, the zones GFP flags choose, and frees
 * of memory kmalloc() did not give.  The machine is slab_harness.c's.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/gfp.h>
#include "slab_harness.h"

/*
 * Sizes on both sides of each boundary, through __kmalloc() (a size only
 * known at run time) and through the inline path (a constant size).
 * Expect ksize() to be the smallest general size that holds the request
 * (96 and 192 included), the object to come from that cache, and
 * kmalloc(0) to give a size-32 object, as 2.6.11 does.
 */
START_TEST(kmalloc_rounds_up_to_the_smallest_general_cache_that_fits)
{
	static const size_t sizes[][2] = {
		{ 0, 32 }, { 1, 32 }, { 32, 32 }, { 33, 64 }, { 64, 64 }, { 65, 96 },
		{ 96, 96 }, { 97, 128 }, { 129, 192 }, { 192, 192 }, { 193, 256 },
		{ 257, 512 }, { 1000, 1024 }, { 2049, 4096 }, { 4097, 8192 },
		{ 65537, 131072 }, { 131072, 131072 },
	};
	volatile size_t runtime;
	struct free_lists start;
	void *p;

	settle(&start);
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		char name[32];

		runtime = sizes[i][0];
		p = kmalloc(runtime, GFP_KERNEL);
		ck_assert_ptr_nonnull(p);
		if (ksize(p) != sizes[i][1])
			ck_abort_msg("kmalloc(%zu): ksize %zu, expected %zu", sizes[i][0], ksize(p),
				     sizes[i][1]);
		snprintf(name, sizeof(name), "size-%zu", sizes[i][1]);
		ck_assert_str_eq(kmem_cache_name(cache_of(p)), name);
		memset(p, 0xab, ksize(p));
		kfree(p);
	}
	p = kmalloc(33, GFP_KERNEL);
	ck_assert_uint_eq(ksize(p), 64);
	kfree(p);
	p = kmalloc(65, GFP_KERNEL);
	ck_assert_uint_eq(ksize(p), 96);
	kfree(p);
	p = kmalloc(129, GFP_KERNEL);
	ck_assert_uint_eq(ksize(p), 192);
	kfree(p);
	p = kmalloc(131072, GFP_KERNEL);
	ck_assert_uint_eq(ksize(p), 131072);
	kfree(p);
	ck_assert_uint_eq(ksize(NULL), 0);
	expect_log_empty();
	expect_free_lists(&start);
}
END_TEST

/*
 * kmalloc(200000): over 128 KB, so 2^6 pages straight from the buddy
 * allocator, not a slab.  Expect ksize() 256 KB, a PG_head page that is
 * not PG_slab, lowmem, and kfree() giving the whole block back.  Past the
 * largest block (4 MB), expect NULL and a message naming vmalloc().
 */
START_TEST(kmalloc_over_128k_takes_a_block_from_the_buddy_allocator)
{
	struct free_lists start, during;
	struct page *page;
	void *p;

	settle(&start);
	p = kmalloc(200000, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	page = virt_to_page(p);
	ck_assert_ptr_eq(page_address(page), p);
	ck_assert_uint_eq(ksize(p), 256u << 10);
	ck_assert(PageHead(page));
	ck_assert(!PageSlab(page));
	ck_assert_uint_eq(page_order(page), 6);
	ck_assert_int_ne(page_zonenum(page), ZONE_HIGHMEM);
	memset(p, 0xcd, 200000);
	read_free_lists(&during);
	ck_assert_uint_eq(start.free_pages[ZONE_NORMAL] + start.free_pages[ZONE_DMA] -
			  during.free_pages[ZONE_NORMAL] - during.free_pages[ZONE_DMA], 64);
	kfree(p);
	expect_log_empty();
	expect_free_lists(&start);

	ck_assert_ptr_null(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	ck_assert(host_log_contains("kmalloc: 4194305 bytes is more than the largest block "
				    "(4194304 bytes); use vmalloc()\n"));
	host_log_reset();
	ck_assert_ptr_null(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
	expect_log_empty();
}
END_TEST

/* Expect kfree(NULL) to print nothing, count no error and change no page. */
START_TEST(kfree_of_null_does_nothing)
{
	struct free_lists start, now;

	settle(&start);
	host_log_reset();
	kfree(NULL);
	expect_log_empty();
	ck_assert_uint_eq(slab_error_count, 0);
	settle(&now);
	ck_assert_mem_eq(&now, &start, sizeof(now));
}
END_TEST

/*
 * An object (then a large block) filled with 0xff and freed; kzalloc() of
 * the same size gets the same memory back (the per-CPU array is LIFO; the
 * block is the buddy list's first).  Expect every byte of it zero.
 */
START_TEST(kzalloc_returns_zeroed_memory)
{
	static const size_t sizes[] = { 100, 3000, 200000 };

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *p = kmalloc(sizes[i], GFP_KERNEL), *q;

		ck_assert_ptr_nonnull(p);
		memset(p, 0xff, ksize(p));
		kfree(p);
		q = kzalloc(sizes[i], GFP_KERNEL);
		ck_assert_ptr_eq(q, p);
		for (size_t k = 0; k < ksize(q); k++)
			if (q[k])
				ck_abort_msg("kzalloc(%zu): byte %zu is 0x%02x", sizes[i], k, q[k]);
		kfree(q);
	}
}
END_TEST

/*
 * Three GFP_DMA objects of every general size, and a GFP_DMA block over
 * 128 KB.  Expect all of each in ZONE_DMA (below 16 MB), from the
 * size-N(DMA) caches.
 */
START_TEST(gfp_dma_objects_lie_in_zone_dma)
{
	void *p[KMALLOC_CACHES * 3 + 1];
	struct free_lists start;
	int n = 0;

	settle(&start);
	for (int i = 0; i < KMALLOC_CACHES; i++)
		for (int k = 0; k < 3; k++) {
			p[n] = kmalloc(malloc_sizes[i].cs_size, GFP_DMA);
			ck_assert_ptr_nonnull(p[n]);
			ck_assert_ptr_eq(cache_of(p[n]), malloc_sizes[i].cs_dmacachep);
			n++;
		}
	p[n++] = kmalloc(200000, GFP_KERNEL | GFP_DMA);
	for (int k = 0; k < n; k++) {
		size_t last = ksize(p[k]) - 1;

		if (page_zonenum(virt_to_page(p[k])) != ZONE_DMA ||
		    page_zonenum(virt_to_page((char *)p[k] + last)) != ZONE_DMA)
			ck_abort_msg("GFP_DMA object %p (%zu bytes) is outside ZONE_DMA", p[k],
				     last + 1);
	}
	for (int k = 0; k < n; k++)
		kfree(p[k]);
	expect_free_lists(&start);
}
END_TEST

/*
 * 800 GFP_DMA objects of 1 KB: 200 slabs of size-1024(DMA), each with an
 * off-slab descriptor from a general cache (size-64).  Then 300 ordinary
 * kmalloc(64).  ZONE_NORMAL has plenty of room throughout, and 2.6.11
 * asks for the descriptor without __GFP_DMA (SLAB_LEVEL_MASK).  Expect
 * every descriptor, and every GFP_KERNEL object, in ZONE_NORMAL: the
 * 16 MB of DMA memory is kept for those who need it.
 */
START_TEST(gfp_kernel_objects_stay_out_of_zone_dma_while_normal_has_room)
{
	void *dma[800], *normal[300];
	struct free_lists start;

	settle(&start);
	for (int k = 0; k < 800; k++) {
		dma[k] = kmalloc(1024, GFP_DMA);
		ck_assert_ptr_nonnull(dma[k]);
		ck_assert_int_eq(page_zonenum(virt_to_page(dma[k])), ZONE_DMA);
		if (page_zonenum(virt_to_page(slab_of(dma[k]))) != ZONE_NORMAL)
			ck_abort_msg("object %d: the descriptor of its DMA slab, %p, is in ZONE_DMA",
				     k, (void *)slab_of(dma[k]));
	}
	for (int k = 0; k < 300; k++) {
		normal[k] = kmalloc(64, GFP_KERNEL);
		ck_assert_ptr_nonnull(normal[k]);
		if (page_zonenum(virt_to_page(normal[k])) != ZONE_NORMAL)
			ck_abort_msg("GFP_KERNEL object %d, %p, is in ZONE_DMA", k, normal[k]);
	}
	for (int k = 0; k < 800; k++)
		kfree(dma[k]);
	for (int k = 0; k < 300; k++)
		kfree(normal[k]);
	expect_free_lists(&start);
}
END_TEST

/*
 * kmalloc(GFP_KERNEL | __GFP_HIGHMEM) of 128 KB objects and 200000-byte
 * blocks until it fails.  Expect the flag reported and ignored: every
 * object lowmem with a direct-map address, HighMem untouched, and NULL
 * when lowmem runs out; then everything back.
 */
START_TEST(kmalloc_never_returns_highmem_even_when_asked)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_HIGHMEM | __GFP_NOWARN;
	unsigned long highmem_free, n = 0;
	static void *p[1024];
	struct free_lists start, end;

	settle(&start);
	highmem_free = start.free_pages[ZONE_HIGHMEM];
	for (;;) {
		ck_assert_uint_lt(n, ARRAY_SIZE(p));
		p[n] = kmalloc(n % 2 ? 131072 : 200000, gfp);
		if (!p[n])
			break;
		ck_assert(virt_addr_valid(p[n]));
		ck_assert_int_ne(page_zonenum(virt_to_page(p[n])), ZONE_HIGHMEM);
		n++;
	}
	ck_assert_uint_gt(n, 200);
	ck_assert(host_log_contains("kmalloc: __GFP_HIGHMEM ignored (from 0x"));
	ck_assert(host_log_contains("): slab memory needs a kernel address\n"));
	read_free_lists(&end);
	ck_assert_uint_eq(end.free_pages[ZONE_HIGHMEM], highmem_free);
	while (n)
		kfree(p[--n]);
	expect_free_lists(&start);
}
END_TEST

/*
 * kfree() of memory kmalloc() did not hand out: a page of the buddy
 * allocator, the second page of a large block, a stack address.  Expect
 * each reported with its address and ignored: the page still allocated,
 * the block still whole.
 */
START_TEST(kfree_of_memory_kmalloc_did_not_give_is_reported_and_ignored)
{
	struct page *page = alloc_page(GFP_KERNEL);
	char *block = kmalloc(200000, GFP_KERNEL), line[128];
	int on_stack;
	struct free_lists start, now;

	ck_assert(page && block);
	settle(&start);
	host_log_reset();
	kfree(page_address(page));
	snprintf(line, sizeof(line), "kfree: %p was not returned by kmalloc() (or was freed "
		 "already); ignored (from 0x", page_address(page));
	ck_assert(host_log_contains(line));
	kfree(block + PG);
	snprintf(line, sizeof(line), "kfree: %p was not returned", block + PG);
	ck_assert(host_log_contains(line));
	kfree(&on_stack);
	snprintf(line, sizeof(line), "kfree: %p is not a direct-map address (vmalloc()ed? "
		 "user?); ignored", (void *)&on_stack);
	ck_assert(host_log_contains(line));
	ck_assert_uint_eq(slab_error_count, 3);
	settle(&now);
	ck_assert_mem_eq(&now, &start, sizeof(now));
	ck_assert_int_eq(page_count(page), 1);
	ck_assert(PageHead(virt_to_page(block)));
	__free_page(page);
	kfree(block);
}
END_TEST

Suite *kmalloc_suite(void)
{
	Suite *s = suite_create("kmalloc");
	TCase *plain = tcase_create("plain");

	tcase_add_checked_fixture(plain, slab_setup_plain, slab_teardown);
	tcase_add_test(plain, kmalloc_rounds_up_to_the_smallest_general_cache_that_fits);
	tcase_add_test(plain, kmalloc_over_128k_takes_a_block_from_the_buddy_allocator);
	tcase_add_test(plain, kfree_of_null_does_nothing);
	tcase_add_test(plain, kzalloc_returns_zeroed_memory);
	tcase_add_test(plain, gfp_dma_objects_lie_in_zone_dma);
	tcase_add_test(plain, gfp_kernel_objects_stay_out_of_zone_dma_while_normal_has_room);
	tcase_add_test(plain, kmalloc_never_returns_highmem_even_when_asked);
	tcase_add_test(plain, kfree_of_memory_kmalloc_did_not_give_is_reported_and_ignored);
	suite_add_tcase(s, plain);

	return s;
}
