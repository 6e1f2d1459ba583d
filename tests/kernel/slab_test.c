/*
 * tests/kernel/slab_test.c - what kmalloc() promises: byte-granular,
 * physically contiguous memory (A1), zeroed by kzalloc() (A1), from the
 * zone the GFP flags choose (A2), always lowmem, as is the allocator's own
 * data (P7); failing where vmalloc() still succeeds (A3), and running out
 * with NULL and nothing lost.  The inside of the allocator (free_limit,
 * /proc/slabinfo, the debug reports) is tested in slab_debug_test.c.
 *
 * The self-tests boot with `selftest`, so the general caches are debug
 * caches (mm/slab_debug.c): kmalloc() without __GFP_ZERO hands out objects
 * filled with POISON_INUSE, and kfree() checks the red zones.
 *
 * Every test holds at every size of the make test matrix (16 MB to 4 GB)
 * and gives back all it takes.  A cache keeps free slabs for a while, so
 * a test that compares the buddy free lists takes its snapshot after
 * kmem_cache_shrink_all(), when no cache holds a free slab, and shrinks
 * again before comparing.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include "selftest.h"

static struct zone *zones = contig_page_data.node_zones;

static bool have_highmem(void)
{
	return zones[ZONE_HIGHMEM].present_pages > 0;
}

/* Is @addr direct-mapped lowmem (ZONE_DMA or ZONE_NORMAL)? */
static bool in_lowmem(const void *addr)
{
	return virt_addr_valid(addr) && !PageHighMem(virt_to_page(addr));
}

/* @n, as a value the compiler cannot see: kmalloc() then takes __kmalloc(). */
static size_t runtime_size(size_t n)
{
	volatile size_t v = n;

	return v;
}

static struct kmem_cache *general_cache(size_t size)
{
	return malloc_sizes[kmalloc_index(size)].cs_cachep;
}

/* Objects kept by a test are chained through their first word. */
static void kfree_chain(void *chain)
{
	while (chain) {
		void *next = *(void **)chain;

		kfree(chain);
		chain = next;
	}
}

/* ---- A1: byte-granular, physically contiguous ---- */

/* A request size and the bytes kmalloc() gives for it. */
static const struct { size_t size, ksize; } a1_sizes[] = {
	{ 1, 32 }, { 32, 32 }, { 33, 64 }, { 65, 96 }, { 97, 128 }, { 129, 192 },
	{ 193, 256 }, { 257, 512 }, { 1000, 1024 }, { 1025, 2048 }, { 2049, 4096 },
	{ 4096, 4096 }, { 4097, 8192 }, { 8193, 16384 }, { 16385, 32768 },
	{ 32769, 65536 }, { 65537, 131072 }, { 131072, 131072 },
	{ 131073, 256 << 10 }, { 200 << 10, 256 << 10 }, { 1 << 20, 1 << 20 },
};

/*
 * @p holds @size bytes: every page it touches is the next struct page and
 * the next physical page after the one before, and all are one allocation:
 * pages of the same slab, or the head and tails of one buddy block.
 */
static const char *check_contiguous(char *p, size_t size)
{
	struct page *first = virt_to_page(p);
	unsigned long base = (unsigned long)p & PAGE_MASK;

	for (unsigned long i = 0; base + i * PAGE_SIZE < (unsigned long)p + size; i++) {
		char *a = (char *)base + i * PAGE_SIZE;
		struct page *page = virt_to_page(a);

		KTEST_EXPECT_EQ(__pa(a), __pa(base) + i * PAGE_SIZE);
		KTEST_EXPECT(page == first + i);
		KTEST_EXPECT(!PageHighMem(page));
		if (PageSlab(first)) {
			KTEST_EXPECT(PageSlab(page));
			KTEST_EXPECT(page_get_cache(page) == page_get_cache(first));
			KTEST_EXPECT(page_get_slab(page) == page_get_slab(first));
		} else if (i == 0) {
			KTEST_EXPECT(PageHead(page));
			KTEST_EXPECT_EQ(page_order(page), get_order(size));
		} else {
			KTEST_EXPECT(PageTail(page));
		}
	}
	return NULL;
}

static const char *check_kmalloc_size(size_t size, size_t want)
{
	unsigned long errors = slab_error_count;
	char *p = kmalloc(runtime_size(size), GFP_KERNEL);
	const char *err = NULL;

	if (!p)
		return ktest_fail("kmalloc(%zu) failed", size);
	if (ksize(p) != want)
		err = ktest_fail("ksize(kmalloc(%zu)) = %zu, expected %zu", size, ksize(p), want);
	else if (size <= KMALLOC_MAX_CACHE_SIZE && !PageSlab(virt_to_page(p)))
		err = ktest_fail("kmalloc(%zu) did not come from a slab", size);
	else
		err = check_contiguous(p, size);
	if (!err)
		memset(p, 0xc3, want);          /* every byte ksize() promises: the red zone holds */
	kfree(p);
	if (!err && slab_error_count != errors)
		err = ktest_fail("kfree(kmalloc(%zu)) after writing %zu bytes was reported",
				 size, want);
	return err;
}

/*
 * kmalloc() each size in a1_sizes, 1 byte to 1 MB (over 128 KB straight
 * from the buddy allocator), write all ksize() bytes, kfree() it; then
 * kfree(NULL), and a request over the largest buddy block.  Expect each
 * block physically contiguous (consecutive pages of one slab or one buddy
 * block), ksize() the general cache's size or the block's (33 -> 64,
 * 131073 -> 256 KB) by either kmalloc() path, no red zone report, NULL
 * with a message past 4 MB, and the free lists as before.
 */
static const char *test_kmalloc_sizes(void)
{
	unsigned long errors, since;
	struct free_snapshot before;
	const char *err;
	void *p;

	snapshot_free_shrunk(&before);
	for (unsigned int i = 0; i < ARRAY_SIZE(a1_sizes); i++)
		if ((err = check_kmalloc_size(a1_sizes[i].size, a1_sizes[i].ksize)))
			return err;
	p = kmalloc(33, GFP_KERNEL);                   /* the constant-size path */
	KTEST_EXPECT(p && page_get_cache(virt_to_page(p)) == general_cache(64));
	KTEST_EXPECT_EQ(ksize(p), 64);
	kfree(p);
	errors = slab_error_count;
	kfree(NULL);
	KTEST_EXPECT_EQ(slab_error_count, errors);
	KTEST_EXPECT_EQ(ksize(NULL), 0);
	since = log_position();
	KTEST_EXPECT(kmalloc(runtime_size(KMALLOC_MAX_SIZE + 1), GFP_KERNEL) == NULL);
	KTEST_EXPECT(log_contains_since(since, "kmalloc: 4194305 bytes is more than the "
					"largest block (4194304 bytes); use vmalloc()"));
	return free_lists_unchanged_shrunk(&before);
}

/* ---- A1: kzalloc ---- */

static bool all_bytes(const u8 *p, size_t n, u8 val)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != val)
			return false;
	return true;
}

/* kmalloc(@size) twice, dirtied and freed; then kzalloc(@size). */
static const char *check_kzalloc(size_t size, bool constant)
{
	u8 *p = constant ? kmalloc(100, GFP_KERNEL) : kmalloc(size, GFP_KERNEL);
	size_t n = ksize(p);
	u8 *q, *z;

	KTEST_EXPECT(p);
	memset(p, 0xff, n);
	kfree(p);
	q = kmalloc(size, GFP_KERNEL);                 /* kmalloc() does not zero */
	KTEST_EXPECT(q == p || size > KMALLOC_MAX_CACHE_SIZE);
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		KTEST_EXPECT(slab_debug ? all_bytes(q, n - 1, POISON_INUSE) && q[n - 1] == POISON_END
					: all_bytes(q, n, 0xff));
	memset(q, 0xff, n);
	kfree(q);
	z = constant ? kzalloc(100, GFP_KERNEL) : kzalloc(size, GFP_KERNEL);
	KTEST_EXPECT(z == p || size > KMALLOC_MAX_CACHE_SIZE);
	KTEST_EXPECT(all_bytes(z, n, 0));
	kfree(z);
	return NULL;
}

/*
 * Dirty an object with 0xff, free it, kmalloc() the same size: the same
 * object comes back off this CPU's array (LIFO), not zeroed (still 0xff,
 * or POISON_INUSE in a debug cache).  Dirty and free it again, kzalloc().
 * Expect the same object again, every ksize() byte 0, by the constant-size
 * path (kmem_cache_alloc()), the run-time one (__kmalloc()) and for a
 * 200 KB buddy block (zeroed page by page).
 */
static const char *test_kzalloc_zeroes(void)
{
	struct free_snapshot before;
	const char *err;

	snapshot_free_shrunk(&before);
	if ((err = check_kzalloc(100, true)) || (err = check_kzalloc(runtime_size(100), false)) ||
	    (err = check_kzalloc(runtime_size(200 << 10), false)))
		return err;
	return free_lists_unchanged_shrunk(&before);
}

/* ---- A2: GFP flags choose the zone ---- */

static const size_t a2_sizes[] = { 32, 100, 1000, 4096, 65536, 200 << 10 };

/* kmalloc(@size, @gfp): in @zone (or, for -1, any lowmem zone), from @cachep. */
static const char *check_zone(size_t size, gfp_t gfp, int zone, struct kmem_cache *cachep)
{
	char *p = kmalloc(size, gfp);
	const char *err = NULL;

	if (!p)
		return ktest_fail("kmalloc(%zu, 0x%x) failed", size, gfp);
	if (!in_lowmem(p))
		err = ktest_fail("kmalloc(%zu, 0x%x) = %p: not lowmem", size, gfp, p);
	else if (zone >= 0 && page_zonenum(virt_to_page(p)) != (enum zone_type)zone)
		err = ktest_fail("kmalloc(%zu, 0x%x) = %p: zone %s", size, gfp, p,
				 page_zone(virt_to_page(p))->name);
	else if (zone == ZONE_DMA && __pa(p) + size > MAX_DMA_ADDRESS - PAGE_OFFSET)
		err = ktest_fail("kmalloc(%zu, GFP_DMA) = %p: not below 16 MB", size, p);
	else if (size <= KMALLOC_MAX_CACHE_SIZE && page_get_cache(virt_to_page(p)) != cachep)
		err = ktest_fail("kmalloc(%zu, 0x%x) came from cache `%s', not `%s'", size, gfp,
				 kmem_cache_name(page_get_cache(virt_to_page(p))),
				 kmem_cache_name(cachep));
	kfree(p);
	return err;
}

/*
 * For each size in a2_sizes (one over 128 KB): kmalloc() with GFP_DMA,
 * GFP_KERNEL, GFP_ATOMIC and GFP_KERNEL | __GFP_HIGHMEM.  Expect GFP_DMA
 * objects from the DMA twin (`size-32(DMA)' ...) below 16 MB in ZONE_DMA,
 * the others from the plain cache in ZONE_NORMAL or ZONE_DMA, and
 * __GFP_HIGHMEM ignored, each time with "kmalloc: __GFP_HIGHMEM ignored".
 */
static const char *test_gfp_flags_choose_the_zone(void)
{
	struct free_snapshot before;
	const char *err;

	snapshot_free_shrunk(&before);
	for (unsigned int i = 0; i < ARRAY_SIZE(a2_sizes); i++) {
		size_t size = a2_sizes[i];
		int idx = kmalloc_index(size);
		struct kmem_cache *dma = idx < 0 ? NULL : malloc_sizes[idx].cs_dmacachep;
		struct kmem_cache *normal = idx < 0 ? NULL : malloc_sizes[idx].cs_cachep;
		unsigned long since = log_position();

		if ((err = check_zone(size, GFP_DMA, ZONE_DMA, dma)) ||
		    (err = check_zone(size, GFP_KERNEL, -1, normal)) ||
		    (err = check_zone(size, GFP_ATOMIC, -1, normal)) ||
		    (err = check_zone(size, GFP_KERNEL | __GFP_HIGHMEM, -1, normal)))
			return err;
		if (!log_contains_since(since, "kmalloc: __GFP_HIGHMEM ignored (from ") ||
		    !log_contains_since(since, "): slab memory needs a kernel address\n"))
			return ktest_fail("kmalloc(%zu, __GFP_HIGHMEM): no \"__GFP_HIGHMEM ignored\"",
					  size);
	}
	KTEST_EXPECT(!strcmp(kmem_cache_name(malloc_sizes[0].cs_dmacachep), "size-32(DMA)"));
	return free_lists_unchanged_shrunk(&before);
}

/*
 * Take every free object of @cachep (its array emptied first), chained
 * onto *@chain, so that its next allocation has to grow a slab.
 */
static void take_free_objects(struct kmem_cache *cachep, void **chain)
{
	unsigned long n = 0;
	struct slab *slabp;
	void **p;

	kmem_cache_shrink(cachep);             /* slabs_free is empty now */
	list_for_each_entry(slabp, &cachep->slabs_partial, list)
		n += cachep->num - slabp->inuse;
	while (n-- && (p = kmem_cache_alloc(cachep, GFP_KERNEL))) {
		*p = *chain;
		*chain = p;
	}
}

/*
 * size-4096(DMA) keeps its slab descriptors off the slab (an object fills
 * its page), in objects of a plain general cache.  With neither cache
 * holding a free object, kmalloc(4096, GFP_DMA) grows both.  Expect the object in ZONE_DMA and
 * the descriptor from a plain slab in ZONE_NORMAL (where this boot has
 * one): GFP_DMA is for the DMA cache's pages, and must not leak into the
 * plain cache, whose GFP_KERNEL objects would then use up ZONE_DMA.
 */
static const char *test_gfp_dma_stays_with_the_dma_cache(void)
{
	struct kmem_cache *dma = malloc_sizes[kmalloc_index(4096)].cs_dmacachep;
	struct kmem_cache *desc = dma->slabp_cache;
	enum zone_type want = zones[ZONE_NORMAL].present_pages ? ZONE_NORMAL : ZONE_DMA;
	struct free_snapshot before;
	const char *err = NULL;
	void *chain = NULL;
	struct slab *slabp;
	char *p;

	KTEST_EXPECT(desc && (dma->flags & CFLGS_OFF_SLAB));
	snapshot_free_shrunk(&before);
	take_free_objects(dma, &chain);
	take_free_objects(desc, &chain);
	p = kmalloc(4096, GFP_DMA);
	if (!p)
		return "kmalloc(4096, GFP_DMA) failed";
	slabp = page_get_slab(virt_to_page(p));
	if (page_zonenum(virt_to_page(p)) != ZONE_DMA)
		err = ktest_fail("kmalloc(4096, GFP_DMA) = %p: not ZONE_DMA", p);
	else if (page_get_cache(virt_to_page(slabp)) != desc)
		err = ktest_fail("its slab descriptor %p is not in `%s'", slabp, desc->name);
	else if (page_zonenum(virt_to_page(slabp)) != want)
		err = ktest_fail("its slab descriptor %p, in a new slab of `%s', is in ZONE_%s",
				 slabp, desc->name, page_zone(virt_to_page(slabp))->name);
	kfree(p);
	kfree_chain(chain);
	return err ?: free_lists_unchanged_shrunk(&before);
}

/* ---- P7: the allocator's own data is lowmem ---- */

static const char *check_cache_in_lowmem(struct kmem_cache *cachep, unsigned long *slabs)
{
	struct list_head *lists[] = { &cachep->slabs_full, &cachep->slabs_partial,
				      &cachep->slabs_free };
	struct slab *slabp;

	if (!in_lowmem(cachep))
		return ktest_fail("struct kmem_cache of `%s' at %p", cachep->name, cachep);
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cachep->array[cpu] && !in_lowmem(cachep->array[cpu]))
			return ktest_fail("`%s': array of CPU %d at %p", cachep->name, cpu,
					  cachep->array[cpu]);
	for (unsigned int l = 0; l < ARRAY_SIZE(lists); l++)
		list_for_each_entry(slabp, lists[l], list) {
			struct page *page = virt_to_page(slabp->s_mem);

			if (!in_lowmem(slabp) || !in_lowmem(slabp->s_mem))
				return ktest_fail("`%s': slab %p (objects at %p)", cachep->name,
						  slabp, slabp->s_mem);
			if ((cachep->flags & SLAB_CACHE_DMA) && page_zonenum(page) != ZONE_DMA)
				return ktest_fail("`%s': slab %p outside ZONE_DMA", cachep->name,
						  slabp);
			++*slabs;
		}
	return NULL;
}

/*
 * Every cache on cache_chain: its struct kmem_cache (cache_cache's is in
 * the kernel image), its per-CPU arrays, its slab descriptors and slab
 * pages; then one object of each general cache.  Expect all of it
 * direct-mapped in ZONE_DMA or ZONE_NORMAL, never ZONE_HIGHMEM, whatever
 * this boot's HighMem (so kfree() and the allocator itself never need a
 * kmap), and the DMA twins' slabs in ZONE_DMA.
 */
static const char *test_slab_data_in_lowmem(void)
{
	unsigned long caches = 0, slabs = 0;
	struct kmem_cache *cachep;
	const char *err;

	list_for_each_entry(cachep, &cache_chain, next) {
		if ((err = check_cache_in_lowmem(cachep, &slabs)))
			return err;
		caches++;
	}
	for (int i = 0; i < KMALLOC_CACHES; i++) {
		void *p = kmalloc(runtime_size(malloc_sizes[i].cs_size), GFP_KERNEL);
		bool low = p && in_lowmem(p);

		kfree(p);
		if (!low)
			return ktest_fail("kmalloc(%zu) = %p: not lowmem", malloc_sizes[i].cs_size, p);
	}
	printk("# %lu caches, %lu slabs: all in lowmem (HighMem: %lu pages present)\n",
	       caches, slabs, zones[ZONE_HIGHMEM].present_pages);
	return NULL;
}

/* ---- A3: vmalloc() where kmalloc() fails ---- */

#define A3_SIZE  (64u << 10)     /* size-65536: one object, a slab of 16 contiguous pages */

/* Take blocks of @order until @gfp gets no more; chain them through page->lru. */
static void hold_blocks(struct list_head *held, gfp_t gfp, unsigned int order)
{
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		page->private = order;          /* as allocated: __free_pages() checks it */
		list_add(&page->lru, held);
	}
}

static void release_blocks(struct list_head *held)
{
	while (!list_empty(held)) {
		struct page *page = list_entry(held->next, struct page, lru);

		list_del(&page->lru);
		__free_pages(page, page->private);
	}
}

/*
 * Give back every held page whose pfn is odd.  Its buddy (pfn ^ 1) is held
 * too, or in use elsewhere, or one of the few pages the watermarks kept
 * free: lowmem is then about half free, in single pages.
 */
static void free_odd_pages(struct list_head *held)
{
	struct list_head *pos = held->next;

	while (pos != held) {
		struct page *page = list_entry(pos, struct page, lru);

		pos = pos->next;
		if (page_to_pfn(page) & 1) {
			list_del(&page->lru);
			__free_pages(page, 0);
		}
	}
}

static const char *check_vmalloc_scattered(char *v)
{
	unsigned int breaks = 0, high = 0;
	unsigned long pfn[3];

	KTEST_EXPECT(v);
	memset(v, 0x3c, A3_SIZE);
	for (unsigned int i = 0; i < A3_SIZE / PAGE_SIZE; i++) {
		struct page *page = vmalloc_to_page(v + i * PAGE_SIZE);

		KTEST_EXPECT(page && (u8)v[i * PAGE_SIZE + PAGE_SIZE - 1] == 0x3c);
		high += PageHighMem(page);
		if (i && page_to_pfn(page) != page_to_pfn(vmalloc_to_page(v + (i - 1) * PAGE_SIZE)) + 1)
			breaks++;
		if (i < ARRAY_SIZE(pfn))
			pfn[i] = page_to_pfn(page);
	}
	KTEST_EXPECT_EQ(high, have_highmem() ? A3_SIZE / PAGE_SIZE : 0);
	KTEST_EXPECT(have_highmem() || breaks > 0);
	printk("# lowmem: %lu pages free, none in a 64 KB block: kmalloc(64 KB) failed; "
	       "vmalloc(64 KB) got %s pfns %05lx %05lx %05lx ...\n",
	       zones[ZONE_DMA].free_pages + zones[ZONE_NORMAL].free_pages,
	       high ? "HighMem" : "lowmem", pfn[0], pfn[1], pfn[2]);
	return NULL;
}

/*
 * Take every lowmem page GFP_KERNEL can get, one at a time, give back
 * those with odd pfns, and take the blocks of 64 KB or more that the
 * watermarks had kept back.  Expect kmalloc(64 KB) to fail (it needs 16 contiguous pages) and
 * vmalloc(64 KB) to succeed: HighMem pages where this boot has them, the
 * scattered lowmem pages, not one contiguous run, where it has not.  Then
 * everything back: the free lists as before.  (A vmalloc() beforehand
 * makes the page table the area needs: kernel page tables are never freed.)
 */
static const char *test_vmalloc_where_kmalloc_fails(void)
{
	struct list_head held = LIST_HEAD_INIT(held);
	struct free_snapshot before;
	const char *err = NULL;
	void *p;
	char *v;

	vfree(vmalloc(A3_SIZE));
	snapshot_free_shrunk(&before);
	hold_blocks(&held, GFP_KERNEL, 0);
	free_odd_pages(&held);
	for (int order = MAX_ORDER - 1; order >= (int)get_order(A3_SIZE); order--)
		hold_blocks(&held, GFP_KERNEL, order);
	p = kmalloc(A3_SIZE, GFP_KERNEL | __GFP_NOWARN);
	v = vmalloc(A3_SIZE);
	if (p)
		err = ktest_fail("kmalloc(64 KB) = %p in fragmented lowmem", p);
	else
		err = check_vmalloc_scattered(v);
	vfree(v);
	kfree(p);
	release_blocks(&held);
	return err ?: free_lists_unchanged_shrunk(&before);
}

/* ---- running out ---- */

/* Largest first, so that a few calls take most of lowmem. */
static const size_t exhaust_sizes[] = {
	4 << 20, 1 << 20, 256 << 10, 131072, 65536, 32768, 16384, 8192, 4096,
	2048, 1024, 512, 256, 192, 128, 96, 64, 32,
};

/*
 * What test_running_out() holds: slab objects chained through their first
 * word, buddy blocks (over 128 KB) through their first page's lru.  Never
 * writing into a block keeps the test fast: under QEMU the first write
 * into a 4 MB block no one has touched costs some 5 ms (the host faults
 * the memory in), a second per boot at -m 4G.
 */
struct kmalloc_held {
	void *objects;
	struct list_head blocks;
};

/* kmalloc(@size, @gfp) until it fails; the count it got. */
static unsigned long kmalloc_until_null(struct kmalloc_held *h, size_t size, gfp_t gfp)
{
	unsigned long n = 0;
	void *p;

	for (; (p = kmalloc(size, gfp | __GFP_NOWARN)); n++) {
		if (size > KMALLOC_MAX_CACHE_SIZE) {
			list_add(&virt_to_page(p)->lru, &h->blocks);
		} else {
			*(void **)p = h->objects;
			h->objects = p;
		}
	}
	return n;
}

static void kfree_held(struct kmalloc_held *h)
{
	while (!list_empty(&h->blocks)) {
		struct page *page = list_entry(h->blocks.next, struct page, lru);

		list_del(&page->lru);
		kfree(page_address(page));
	}
	kfree_chain(h->objects);
}

/*
 * Run lowmem out through kmalloc(GFP_KERNEL): 4 MB blocks until none is
 * left, then 1 MB, 256 KB, and each general cache from size-131072 down to
 * size-32.  Expect NULL, not a crash or a report, alloc_page(GFP_KERNEL)
 * to fail too, GFP_ATOMIC still to get an object from the reserve below
 * the min watermark (A2), and after kfree() of every object and
 * kmem_cache_shrink_all() the free lists exactly as at the start.
 */
static const char *test_running_out(void)
{
	struct kmalloc_held h = { NULL, LIST_HEAD_INIT(h.blocks) };
	unsigned long since, n = 0, bytes = 0, errors = slab_error_count;
	struct free_snapshot before;
	const char *err = NULL;
	struct page *page;
	void *atomic;

	snapshot_free_shrunk(&before);
	since = log_position();
	for (unsigned int i = 0; i < ARRAY_SIZE(exhaust_sizes); i++) {
		unsigned long got = kmalloc_until_null(&h, runtime_size(exhaust_sizes[i]),
						       GFP_KERNEL);

		n += got;
		bytes += got * exhaust_sizes[i];
	}
	page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	atomic = kmalloc(32, GFP_ATOMIC | __GFP_NOWARN);
	if (page)
		err = "alloc_page(GFP_KERNEL) succeeded after kmalloc() ran out";
	else if (!atomic)
		err = "kmalloc(32, GFP_ATOMIC) found no reserve";
	else if (log_contains_since(since, "page allocation failure") ||
		 slab_error_count != errors)
		err = "running out printed a report";
	printk("# kmalloc ran out after %lu objects, %lu MB; %lu lowmem pages left\n",
	       n, bytes >> 20, zones[ZONE_DMA].free_pages + zones[ZONE_NORMAL].free_pages);
	if (page)
		__free_page(page);
	kfree(atomic);
	kfree_held(&h);
	return err ?: free_lists_unchanged_shrunk(&before);
}

static const struct selftest slab_tests[] = {
	{ "kmalloc_is_byte_granular_and_contiguous", "seeds: A1", test_kmalloc_sizes },
	{ "kzalloc_zeroes_a_reused_object", "seeds: A1", test_kzalloc_zeroes },
	{ "kmalloc_gfp_flags_choose_the_zone", "seeds: A2", test_gfp_flags_choose_the_zone },
	{ "gfp_dma_stays_with_the_dma_cache", "seeds: A2", test_gfp_dma_stays_with_the_dma_cache },
	{ "slab_caches_and_objects_live_in_lowmem", "seeds: P7 A1", test_slab_data_in_lowmem },
	{ "vmalloc_succeeds_where_kmalloc_fails", "seeds: A3", test_vmalloc_where_kmalloc_fails },
	{ "kmalloc_runs_out_cleanly_and_gives_back", "seeds: A1 A2", test_running_out },
};

const struct selftest_suite slab_suite = {
	"slab", slab_tests, ARRAY_SIZE(slab_tests),
};
