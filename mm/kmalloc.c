/*
 * mm/kmalloc.c - kmalloc(), kzalloc(), kfree() and ksize() on the general
 * caches size-32 ... size-131072 (claims A1, A2).
 *
 * A request is rounded up to the smallest general cache that holds it
 * (96 and 192 fill the gaps between 64, 128 and 256).  With GFP_DMA it
 * comes from that cache's DMA twin, whose slabs lie below 16 MB.  A
 * request over 128 KB skips the caches: it is a block of the buddy
 * allocator, 2^order pages, up to MAX_ORDER - 1 (4 MB).  kfree() tells
 * the two apart by the page: PG_slab pages point at their cache.
 *
 *   size:   1..32  33..64  65..96  97..128 ... 65537..131072  131073..4 MB
 *   from:   size-32 size-64 size-96 size-128 ... size-131072   alloc_pages()
 *
 * Mirrors: mm/slab.c (2.6.11) kmem_cache_init()'s step that creates the
 * kmalloc caches, __kmalloc(), kfree(), ksize(); kmalloc_large() of SLUB
 * after 2.6.24 for big blocks.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <trace/events/kmem.h>
#include "slab.h"

struct cache_sizes malloc_sizes[KMALLOC_CACHES];

/*
 * The general caches' sizes and names, as /proc/slabinfo shows them, one
 * entry per line of linux/kmalloc_sizes.h: CACHE(32) gives
 * { 32, "size-32", "size-32(DMA)" }.
 */
static const struct {
	size_t size;
	const char *name, *dma_name;
} cache_table[KMALLOC_CACHES] = {
#define CACHE(x) { x, "size-" #x, "size-" #x "(DMA)" },
#include <linux/kmalloc_sizes.h>
#undef CACHE
};

/*
 * kmalloc_caches_init - create the general caches, smallest first: an
 * off-slab cache keeps its slab descriptors in a smaller one, which must
 * exist already.  Called by kmem_cache_init().
 */
void kmalloc_caches_init(void)
{
	unsigned int flags = SLAB_HWCACHE_ALIGN | (slab_debug ? SLAB_DEBUG_FLAGS : 0);

	for (int i = 0; i < KMALLOC_CACHES; i++) {
		struct cache_sizes *cs = &malloc_sizes[i];

		cs->cs_size = cache_table[i].size;
		BUG_ON(kmalloc_index(cs->cs_size) != i);
		cs->cs_cachep = kmem_cache_create(cache_table[i].name, cs->cs_size, 0, flags);
		cs->cs_dmacachep = kmem_cache_create(cache_table[i].dma_name, cs->cs_size, 0,
						     flags | SLAB_CACHE_DMA);
		BUG_ON(!cs->cs_cachep || !cs->cs_dmacachep);
	}
	BUG_ON(malloc_sizes[KMALLOC_CACHES - 1].cs_size != KMALLOC_MAX_CACHE_SIZE);
}

/**
 * kmalloc_large - a request over 128 KB: a block of 2^order pages of
 * lowmem straight from the buddy allocator, or NULL.
 */
void *kmalloc_large(size_t size, gfp_t flags)
{
	struct page *page;

	if (size > KMALLOC_MAX_SIZE) {
		if (!(flags & __GFP_NOWARN))
			printk("kmalloc: %zu bytes is more than the largest block (%lu bytes); "
			       "use vmalloc()\n", size, KMALLOC_MAX_SIZE);
		return NULL;
	}
	page = alloc_pages(flags & ~__GFP_HIGHMEM, get_order(size));
	return page ? page_address(page) : NULL;
}

/*
 * __kmalloc - kmalloc() for a size known only at run time, or with
 * GFP_DMA or __GFP_HIGHMEM.  kmalloc(0) returns a size-32 object (2.6.11).
 */
void *__kmalloc(size_t size, gfp_t flags)
{
	struct kmem_cache *cachep;
	int i;

	if (unlikely(flags & __GFP_HIGHMEM)) {
		char sym[96];

		sprint_symbol(sym, sizeof(sym), (unsigned long)__builtin_return_address(0));
		printk("kmalloc: __GFP_HIGHMEM ignored (from %s): slab memory needs a "
		       "kernel address\n", sym);
		flags &= ~__GFP_HIGHMEM;
	}
	i = kmalloc_index(size);
	if (i < 0)
		return kmalloc_large(size, flags);
	cachep = (flags & __GFP_DMA) ? malloc_sizes[i].cs_dmacachep : malloc_sizes[i].cs_cachep;
	return slab_alloc(cachep, flags);
}

/* A kfree() of something kmalloc() did not hand out (or no longer owns). */
static __attribute__((noinline)) void kfree_bad(const void *objp, const char *why,
						unsigned long caller)
{
	char sym[96];

	sprint_symbol(sym, sizeof(sym), caller);
	printk("kfree: %p %s; ignored (from %s)\n", objp, why, sym);
	trace_slab_error(NULL);
}

/* kfree() of a page that is not a slab's: a large block from kmalloc_large()? */
static __attribute__((noinline)) void kfree_large(struct page *page, const void *objp,
						  unsigned long caller)
{
	if (PageHead(page) && page_count(page) == 1 && page_address(page) == objp)
		__free_pages(page, page_order(page));
	else
		kfree_bad(objp, "was not returned by kmalloc() (or was freed already)", caller);
}

/**
 * kfree - give back memory from kmalloc(); kfree(NULL) does nothing.  The
 * page says where @objp came from: a slab page names its cache, a large
 * block's first page is PG_head.  Anything else is reported and ignored.
 */
void kfree(const void *objp)
{
	struct page *page;

	/* NULL fails this test too: the common case pays for one check. */
	if (unlikely(!virt_addr_valid(objp))) {
		if (objp)
			kfree_bad(objp, "is not a direct-map address (vmalloc()ed? user?)",
				  (unsigned long)__builtin_return_address(0));
		return;
	}
	page = __virt_to_page(objp);
	if (unlikely(!PageSlab(page))) {
		kfree_large(page, objp, (unsigned long)__builtin_return_address(0));
		return;
	}
	slab_free(page_get_cache(page), (void *)objp);
}

/**
 * ksize - the bytes usable at @objp: its cache's object size, or the
 * whole of a large block.  0 for NULL or an address kmalloc() did not give.
 */
size_t ksize(const void *objp)
{
	struct page *page;

	if (!virt_addr_valid(objp))
		return 0;
	page = virt_to_page(objp);
	if (PageSlab(page))
		return page_get_cache(page)->obj_size;
	if (PageHead(page) && page_address(page) == objp)
		return (size_t)PAGE_SIZE << page_order(page);
	return 0;
}
