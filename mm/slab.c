/*
 * mm/slab.c - the slab allocator: caches of equal objects, carved out of
 * slabs of contiguous lowmem pages from the buddy allocator (claim A1).
 *
 * A cache's objects live in slabs (the drawing is in linux/slab_def.h).
 * A slab is on one of three lists: slabs_full, slabs_partial (allocate from
 * these first, to keep the others empty) and slabs_free.  In front of the
 * slabs each CPU has an array of free objects; kmem_cache_alloc() and
 * kmem_cache_free() touch only that array, and mm/slab_cpucache.c moves
 * objects between it and the slabs when it is empty or full.  This file
 * makes caches (kmem_cache_create(): object layout, slab order, colours)
 * and slabs (cache_grow(), slab_destroy()), and takes them down.
 *
 * Nothing is held for ever: when a slab becomes empty and the cache already
 * has more than free_limit free objects, the slab goes straight back to
 * the buddy allocator; kmem_cache_shrink() returns the rest, and a cache
 * that cannot grow shrinks every cache once before it gives up.
 *
 * Slabs are coloured: the first object of successive slabs is offset by
 * 0, 32, 64 ... bytes (up to the slab's leftover), so that the same
 * object of different slabs falls on different cache lines.
 *
 * Mirrors: mm/slab.c (2.6.11) kmem_cache_create(), cache_estimate(),
 * cache_grow(), slab_destroy(), kmem_cache_shrink(), kmem_cache_destroy(),
 * kmem_cache_init(), s_show(); the per-CPU array half of 2.6.11's
 * mm/slab.c is in mm/slab_cpucache.c.
 * Omitted: SMP shared and NUMA alien arrays, the periodic cache_reap()
 * (we shrink when memory runs out instead: 2.4's kmem_cache_reap() did),
 * constructors, and the statistics columns of /proc/slabinfo.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <trace/events/kmem.h>
#include "slab.h"

#define BYTES_PER_WORD   sizeof(void *)
#define MAX_GFP_ORDER    5             /* 128 KB slabs at most (2.6.11) */

struct list_head cache_chain = LIST_HEAD_INIT(cache_chain);
unsigned long nr_slab_pages;
bool slab_debug;

/*
 * Bootstrapping: caches are created before kmalloc() works.  Until
 * kmem_cache_init() ends, g_cpucache_up is false and every cache runs on
 * its one-entry boot array; then each gets arrays sized by its object size.
 */
static bool g_cpucache_up;

/* The cache of struct kmem_cache: the first cache, made by hand. */
static struct kmem_cache cache_cache = {
	.name = "kmem_cache",
	.obj_size = sizeof(struct kmem_cache),
	.flags = SLAB_HWCACHE_ALIGN,
};

/*
 * slab_break_gfp_order - the slab order a cache of small objects stops
 * growing at: 0 (4 KB) on machines of 32 MB or less, else 1 (8 KB), as
 * 2.6.11's BREAK_GFP_ORDER_LO/HI; larger objects go past it to fit one.
 */
static unsigned int slab_break_gfp_order = 1;

/*
 * cache_estimate - how many objects of @size fit in a slab of 2^@gfporder
 * pages, and the bytes left over.  On-slab, struct slab and one bufctl
 * per object come first, aligned to @align:
 *   num * size + ALIGN(sizeof(struct slab) + num * sizeof(kmem_bufctl_t), align)
 *   <= PAGE_SIZE << gfporder
 */
static void cache_estimate(unsigned int gfporder, size_t size, size_t align,
			   unsigned int flags, size_t *left_over, unsigned int *num)
{
	size_t wastage = (size_t)PAGE_SIZE << gfporder;
	size_t base = 0, extra = 0;
	unsigned int i = 0;

	if (!(flags & CFLGS_OFF_SLAB)) {
		base = sizeof(struct slab);
		extra = sizeof(kmem_bufctl_t);
	}
	while ((i + 1) * size + ALIGN(base + (i + 1) * extra, align) <= wastage)
		i++;
	*num = i;
	*left_over = wastage - i * size - (i ? ALIGN(base + i * extra, align) : 0);
}

/*
 * calculate_slab_order - the smallest slab order that holds at least one
 * object and wastes at most 1/8 of the slab, or that reaches
 * slab_break_gfp_order.  Returns false if even MAX_GFP_ORDER holds none.
 */
static bool calculate_slab_order(struct kmem_cache *cachep, size_t size, size_t align,
				 size_t *left_over)
{
	for (unsigned int order = 0; order <= MAX_GFP_ORDER; order++) {
		unsigned int num;

		cache_estimate(order, size, align, cachep->flags, left_over, &num);
		if (!num)
			continue;
		cachep->gfporder = order;
		cachep->num = num;
		if (order >= slab_break_gfp_order || *left_over * 8 <= ((size_t)PAGE_SIZE << order))
			return true;
	}
	return cachep->num != 0;
}

/* The smallest general cache that holds @size bytes (for off-slab descriptors). */
static struct kmem_cache *kmem_find_general_cachep(size_t size)
{
	int i = kmalloc_index(size);

	return i < 0 ? NULL : malloc_sizes[i].cs_cachep;
}

/*
 * setup_cache - the geometry of a cache (object layout, slab order,
 * colours) and its empty lists.  Shared by cache_cache and the others.
 */
static bool setup_cache(struct kmem_cache *cachep, size_t size, size_t align)
{
	size_t left_over;

	size_t ralign = BYTES_PER_WORD;

	if (cachep->flags & SLAB_HWCACHE_ALIGN) {
		/* The cache line, or a fraction of it that small objects share. */
		ralign = L1_CACHE_BYTES;
		while (size <= ralign / 2)
			ralign /= 2;
	}
	if (cachep->flags & SLAB_DEBUG_FLAGS)
		ralign = BYTES_PER_WORD;      /* red zones are words (2.6.11) */
	align = max(align, ralign);
	cachep->obj_offset = (cachep->flags & SLAB_RED_ZONE) ? BYTES_PER_WORD : 0;
	size = ALIGN(size + slab_debug_overhead(cachep->flags), align);

	/* Large objects keep their descriptor off the slab, so objects pack. */
	if (size >= (PAGE_SIZE >> 3) && cachep != &cache_cache)
		cachep->flags |= CFLGS_OFF_SLAB;
	if (!calculate_slab_order(cachep, size, align, &left_over))
		return false;
	cachep->slab_size = ALIGN(sizeof(struct slab) + cachep->num * sizeof(kmem_bufctl_t), align);
	if (cachep->flags & CFLGS_OFF_SLAB && left_over >= cachep->slab_size) {
		/* The descriptor fits in the leftover after all: keep it on the slab. */
		cachep->flags &= ~CFLGS_OFF_SLAB;
		left_over -= cachep->slab_size;
	}
	if (cachep->flags & CFLGS_OFF_SLAB) {
		cachep->slab_size = sizeof(struct slab) + cachep->num * sizeof(kmem_bufctl_t);
		cachep->slabp_cache = kmem_find_general_cachep(cachep->slab_size);
		BUG_ON(!cachep->slabp_cache);
	}
	cachep->colour_off = max(align, (size_t)L1_CACHE_BYTES);
	cachep->colour = left_over / cachep->colour_off;
	cachep->colour_next = 0;
	cachep->buffer_size = size;
	cachep->gfpflags = (cachep->flags & SLAB_CACHE_DMA) ? GFP_DMA : 0;
	INIT_LIST_HEAD(&cachep->slabs_partial);
	INIT_LIST_HEAD(&cachep->slabs_full);
	INIT_LIST_HEAD(&cachep->slabs_free);
	cachep->free_objects = 0;
	/* The boot array: one entry, until enable_cpucache() replaces it. */
	cachep->boot_array.cache = (struct array_cache){ .limit = BOOT_CPUCACHE_ENTRIES,
							 .batchcount = 1 };
	cachep->array[smp_processor_id()] = &cachep->boot_array.cache;
	cachep->limit = cachep->batchcount = 1;
	cachep->free_limit = (1 + num_online_cpus()) * cachep->batchcount + cachep->num;
	return true;
}

/**
 * kmem_cache_create - a cache of objects of @size bytes.
 * @name: shown in /proc/slabinfo; must stay valid while the cache exists.
 * @align: at least this alignment (0 for the word); SLAB_HWCACHE_ALIGN in
 *         @flags aligns to the 32-byte cache line.
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, and the debug flags
 *         SLAB_RED_ZONE, SLAB_POISON, SLAB_STORE_USER.
 *
 * Returns the cache, or NULL (with a message) for a bad size or no memory.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags)
{
	struct kmem_cache *cachep;

	if (!name || !size || size > KMALLOC_MAX_CACHE_SIZE ||
	    (flags & ~(SLAB_DEBUG_FLAGS | SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA))) {
		printk("kmem_cache_create: refusing cache `%s': size %zu, flags 0x%x\n",
		       name ? name : "(null)", size, flags);
		return NULL;
	}
	/* Linux's rule: a red zone that would double an object's slab is left out. */
	if ((flags & SLAB_RED_ZONE) && size >= PAGE_SIZE &&
	    fls(size - 1) != fls(size - 1 + slab_debug_overhead(flags)))
		flags &= ~(SLAB_RED_ZONE | SLAB_STORE_USER);
	cachep = kmem_cache_alloc(&cache_cache, GFP_KERNEL);
	if (!cachep)
		return NULL;
	memset(cachep, 0, sizeof(*cachep));
	cachep->name = name;
	cachep->flags = flags;
	cachep->obj_size = ALIGN(size, BYTES_PER_WORD);
	if (!setup_cache(cachep, cachep->obj_size, align))
		goto fail;
	if (g_cpucache_up && enable_cpucache(cachep))
		goto fail;
	list_add(&cachep->next, &cache_chain);     /* newest first, as /proc/slabinfo lists them */
	return cachep;
fail:
	printk("kmem_cache_create: couldn't create cache `%s'\n", name);
	kmem_cache_free(&cache_cache, cachep);
	return NULL;
}

/* ---- slabs: growing and destroying ---- */

/*
 * cache_grow - add one empty slab to @cachep, on slabs_free.  Returns
 * false if the buddy allocator (or, off-slab, the descriptor's cache) has
 * no memory.  Interrupts are off.
 */
bool cache_grow(struct kmem_cache *cachep, gfp_t flags)
{
	unsigned int offset = cachep->colour_next * cachep->colour_off;
	struct page *page;
	struct slab *slabp;
	char *addr;

	if (++cachep->colour_next >= cachep->colour)
		cachep->colour_next = 0;
	/*
	 * Slab memory is lowmem, from the cache's own zone: the caller's
	 * flags say how to allocate, not where.  (The off-slab descriptor
	 * below must not inherit a DMA cache's GFP_DMA: it would pull an
	 * ordinary cache's slab into ZONE_DMA.)
	 */
	flags &= ~(__GFP_DMA | __GFP_HIGHMEM | __GFP_ZERO);
	page = alloc_pages(flags | cachep->gfpflags | __GFP_NOWARN, cachep->gfporder);
	if (!page)
		return false;
	addr = page_address(page);
	if (cachep->flags & CFLGS_OFF_SLAB) {
		slabp = kmem_cache_alloc(cachep->slabp_cache, flags);
		if (!slabp) {
			__free_pages(page, cachep->gfporder);
			return false;
		}
		slabp->s_mem = addr + offset;
	} else {
		slabp = (struct slab *)(addr + offset);
		slabp->s_mem = addr + offset + cachep->slab_size;
	}
	slabp->colouroff = (char *)slabp->s_mem - addr;
	slabp->inuse = 0;
	slabp->free = 0;
	for (unsigned int i = 0; i < cachep->num; i++) {
		slab_bufctl(slabp)[i] = i + 1 < cachep->num ? i + 1 : BUFCTL_END;
		if (cachep->flags & SLAB_DEBUG_FLAGS)
			slab_debug_init_object(cachep, index_to_obj(cachep, slabp, i));
	}
	for (unsigned long i = 0; i < (1ul << cachep->gfporder); i++) {
		set_page_flag(page + i, PG_slab);
		page_set_cache(page + i, cachep);
		page_set_slab(page + i, slabp);
	}
	list_add_tail(&slabp->list, &cachep->slabs_free);
	cachep->free_objects += cachep->num;
	nr_slab_pages += 1ul << cachep->gfporder;
	return true;
}

/* slab_destroy - give an empty slab's pages (and descriptor) back. */
void slab_destroy(struct kmem_cache *cachep, struct slab *slabp)
{
	char *addr = (char *)slabp->s_mem - slabp->colouroff;
	struct page *page = virt_to_page(addr);

	if (cachep->flags & SLAB_POISON)
		slab_destroy_debugcheck(cachep, slabp);
	for (unsigned long i = 0; i < (1ul << cachep->gfporder); i++) {
		clear_page_flag(page + i, PG_slab);
		page[i].lru.next = page[i].lru.prev = NULL;
	}
	if (cachep->flags & CFLGS_OFF_SLAB)
		kmem_cache_free(cachep->slabp_cache, slabp);
	__free_pages(page, cachep->gfporder);
	nr_slab_pages -= 1ul << cachep->gfporder;
}

/* ---- shrinking and destroying caches ---- */

/*
 * kmem_cache_shrink - empty every CPU array of @cachep into its slabs,
 * then give every empty slab back to the buddy allocator.  Returns 1 if
 * the cache still has slabs (objects in use), else 0.
 */
int kmem_cache_shrink(struct kmem_cache *cachep)
{
	u32 save = local_irq_save();
	int busy;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cachep->array[cpu])
			drain_array(cachep, cachep->array[cpu]);
	while (!list_empty(&cachep->slabs_free)) {
		struct slab *slabp = list_entry(cachep->slabs_free.next, struct slab, list);

		list_del(&slabp->list);
		cachep->free_objects -= cachep->num;
		slab_destroy(cachep, slabp);
	}
	busy = !list_empty(&cachep->slabs_full) || !list_empty(&cachep->slabs_partial);
	local_irq_restore(save);
	return busy;
}

/* kmem_cache_shrink_all - shrink every cache (when memory runs out, and for tests). */
void kmem_cache_shrink_all(void)
{
	struct kmem_cache *cachep;

	list_for_each_entry(cachep, &cache_chain, next)
		kmem_cache_shrink(cachep);
}

/**
 * kmem_cache_destroy - remove a cache whose objects have all been freed.
 * Returns 0, or 1 (with Linux's message, and the cache kept) if some
 * objects are still allocated.
 */
int kmem_cache_destroy(struct kmem_cache *cachep)
{
	if (kmem_cache_shrink(cachep)) {
		printk("kmem_cache_destroy: Can't free all objects of cache `%s'\n", cachep->name);
		return 1;
	}
	list_del(&cachep->next);
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cachep->array[cpu] != &cachep->boot_array.cache)
			kfree(cachep->array[cpu]);
	kmem_cache_free(&cache_cache, cachep);
	return 0;
}

/* ---- the API ---- */

/*
 * cache_alloc_slowpath - an allocation the fast path leaves out: from a
 * debug cache (check the object was left untouched while free, then mark
 * it allocated by @caller) or with __GFP_ZERO.  Returns the caller's
 * address of the object, or NULL.
 */
void *cache_alloc_slowpath(struct kmem_cache *cachep, gfp_t flags, unsigned long caller)
{
	u32 save = local_irq_save();
	void *objp = ____cache_alloc(cachep, flags);

	if (objp && (cachep->flags & SLAB_DEBUG_FLAGS))
		objp = cache_alloc_debugcheck_after(cachep, flags, objp, caller);
	local_irq_restore(save);
	if (objp && (flags & __GFP_ZERO))
		memset(objp, 0, cachep->obj_size);
	return objp;
}

/*
 * cache_free_slowpath - a free to a debug cache: ignore it (with a report)
 * if it is not a live object, else poison it and push it as usual.
 */
void cache_free_slowpath(struct kmem_cache *cachep, void *objp, unsigned long caller)
{
	u32 save = local_irq_save();

	objp = cache_free_debugcheck(cachep, objp, caller);
	if (objp)
		__cache_free(cachep, objp);
	local_irq_restore(save);
}

/**
 * kmem_cache_alloc - an object of @cachep, or NULL.
 * @flags: GFP_KERNEL, GFP_ATOMIC ...; __GFP_ZERO zeroes the object.
 */
void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags)
{
	return slab_alloc(cachep, flags);
}

/**
 * kmem_cache_free - give back @objp, an object of @cachep.  A pointer that
 * is not in one of @cachep's slabs is reported and ignored.
 */
void kmem_cache_free(struct kmem_cache *cachep, void *objp)
{
	struct page *page;

	if (!virt_addr_valid(objp) || !PageSlab(page = virt_to_page(objp)) ||
	    page_get_cache(page) != cachep) {
		printk("slab error in kmem_cache_free(): cache `%s': %p is not one of "
		       "its objects; ignored\n", cachep->name, objp);
		trace_slab_error(cachep);
		cachep->errors++;
		return;
	}
	slab_free(cachep, objp);
}

unsigned int kmem_cache_size(const struct kmem_cache *cachep)
{
	return cachep->obj_size;
}

const char *kmem_cache_name(const struct kmem_cache *cachep)
{
	return cachep->name;
}

/* ---- setting up ---- */

/**
 * kmem_cache_init - the bootstrap, in 2.6.11's order: cache_cache by hand,
 * then the general caches (on boot arrays), then real arrays for all.
 */
void kmem_cache_init(void)
{
	struct kmem_cache *cachep;

	if (totalram_pages <= (32ul << 20) / PAGE_SIZE)
		slab_break_gfp_order = 0;
	if (slab_debug)
		cache_cache.flags |= SLAB_DEBUG_FLAGS;
	cache_cache.obj_size = ALIGN(sizeof(struct kmem_cache), BYTES_PER_WORD);
	BUG_ON(!setup_cache(&cache_cache, cache_cache.obj_size, 0));
	list_add(&cache_cache.next, &cache_chain);
	kmalloc_caches_init();
	g_cpucache_up = true;
	list_for_each_entry(cachep, &cache_chain, next)
		BUG_ON(enable_cpucache(cachep));
}

/* ---- /proc/slabinfo ---- */

/*
 * show_slabinfo - /proc/slabinfo, version 2.1, one line per cache:
 *   name active_objs num_objs objsize objperslab pagesperslab
 *     : tunables limit batchcount sharedfactor : slabdata active_slabs num_slabs sharedavail
 * Objects in the CPU arrays count as active, as in Linux.
 */
void show_slabinfo(void)
{
	struct kmem_cache *cachep;

	printk("slabinfo - version: 2.1\n");
	printk("# name            <active_objs> <num_objs> <objsize> <objperslab> "
	       "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> "
	       ": slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	list_for_each_entry(cachep, &cache_chain, next) {
		unsigned long active_objs = 0, num_slabs = 0, active_slabs = 0;
		struct slab *slabp;
		u32 save = local_irq_save();

		list_for_each_entry(slabp, &cachep->slabs_full, list) {
			active_objs += cachep->num;
			active_slabs++;
		}
		list_for_each_entry(slabp, &cachep->slabs_partial, list) {
			active_objs += slabp->inuse;
			active_slabs++;
		}
		list_for_each_entry(slabp, &cachep->slabs_free, list)
			num_slabs++;
		local_irq_restore(save);
		num_slabs += active_slabs;
		printk("%-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u %4u : slabdata %6lu %6lu %6u\n",
		       cachep->name, active_objs, num_slabs * cachep->num, cachep->buffer_size,
		       cachep->num, 1u << cachep->gfporder, cachep->limit, cachep->batchcount,
		       0u, active_slabs, num_slabs, 0u);
	}
}
