/*
 * linux/slab.h - byte-granular kernel memory: object caches (the slab
 * allocator) and kmalloc() on top of them (claim A1).
 *
 *   kmem_cache_create("name", size, align, flags)   a cache of equal objects
 *   kmem_cache_alloc(cache, gfp) / kmem_cache_free(cache, obj)
 *   kmalloc(size, gfp) / kzalloc(size, gfp) / kfree(obj) / ksize(obj)
 *
 * kmalloc() rounds the size up to one of the general caches, size-32 ...
 * size-131072 (2.6's names; later kernels call them kmalloc-32 ...), or,
 * with GFP_DMA, to their twins size-32(DMA) ... whose slabs lie below
 * 16 MB.  Larger requests go to the page allocator directly.  Either way
 * the memory is lowmem: physically contiguous, with a direct-map address,
 * so __pa() works on it (compare vmalloc(), which is only virtually
 * contiguous: claim A3).
 *
 * Mirrors: include/linux/slab.h, include/linux/kmalloc_sizes.h (2.6.11),
 * kzalloc() (2.6.14), ksize() (2.6.11), kmalloc_large() of SLUB after
 * 2.6.24 (2.6.24's SLUB hands big kmalloc()s to the page allocator inline).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <asm/cache.h>       /* L1_CACHE_BYTES, for SLAB_HWCACHE_ALIGN */
#include <asm/page.h>

struct kmem_cache;

/* Flags to kmem_cache_create(), with 2.6.11's values. */
#define SLAB_RED_ZONE       0x00000400u  /* a guard word each side of every object */
#define SLAB_POISON         0x00000800u  /* fill free objects with POISON_FREE */
#define SLAB_HWCACHE_ALIGN  0x00002000u  /* align objects to the cache line */
#define SLAB_CACHE_DMA      0x00004000u  /* slabs from ZONE_DMA */
#define SLAB_STORE_USER     0x00010000u  /* remember who last allocated or freed */

/* The flags of the debug build (`selftest` or `slab_debug` on the command line). */
#define SLAB_DEBUG_FLAGS    (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

/* Poison bytes, as in Linux's linux/poison.h, so students recognise them. */
#define POISON_INUSE  0x5a    /* an allocated object the caller has not written */
#define POISON_FREE   0x6b    /* a free object: reading 0x6b6b6b6b means use after free */
#define POISON_END    0xa5    /* the last byte of a poisoned object */
#define RED_INACTIVE  0x5A2CF071u   /* red zone word of a free object */
#define RED_ACTIVE    0x170FC2A5u   /* red zone word of an allocated object */

/* ---- object caches: mm/slab.c ---- */

/* Set up cache_cache and the general caches (after mem_init()). */
void kmem_cache_init(void);
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags);
int kmem_cache_destroy(struct kmem_cache *cachep);
void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags);
void kmem_cache_free(struct kmem_cache *cachep, void *objp);
/* Give every free slab of the cache (and of every cache) back to the buddy allocator. */
int kmem_cache_shrink(struct kmem_cache *cachep);
void kmem_cache_shrink_all(void);
unsigned int kmem_cache_size(const struct kmem_cache *cachep);
const char *kmem_cache_name(const struct kmem_cache *cachep);
/* /proc/slabinfo, version 2.1. */
void show_slabinfo(void);
/* Pages in slabs now (/proc/meminfo's Slab: line; Linux: nr_slab). */
extern unsigned long nr_slab_pages;
/* `slab_debug` on the command line, or `selftest`: debug general caches. */
extern bool slab_debug;

/* ---- kmalloc: mm/kmalloc.c ---- */

/* The general caches, smallest first (Linux: struct cache_sizes). */
struct cache_sizes {
	size_t cs_size;
	struct kmem_cache *cs_cachep;       /* size-N */
	struct kmem_cache *cs_dmacachep;    /* size-N(DMA) */
};
extern struct cache_sizes malloc_sizes[];

/* The largest general cache, the last line of linux/kmalloc_sizes.h
 * (kmalloc_caches_init() checks): larger goes to the buddy allocator. */
#define KMALLOC_MAX_CACHE_SIZE  (128u << 10)
#define KMALLOC_MAX_SIZE   ((unsigned long)PAGE_SIZE << (MAX_ORDER - 1))

/* The number of general caches: one enumerator per CACHE() line. */
enum {
#define CACHE(x) KMALLOC_CACHE_INDEX_ ## x,
#include <linux/kmalloc_sizes.h>
#undef CACHE
	KMALLOC_CACHES
};

/*
 * kmalloc_index - which general cache serves @size: 0 for size-32, ...,
 * KMALLOC_CACHES - 1 for size-131072, -1 if none does.  One test per line
 * of linux/kmalloc_sizes.h, smallest first; with a constant @size the
 * compiler folds them to the answer (2.6.11's kmalloc() does the same).
 */
static __always_inline int kmalloc_index(size_t size)
{
	int i = 0;

#define CACHE(x) if (size <= (x)) return i; i++;
#include <linux/kmalloc_sizes.h>
#undef CACHE
	return -1;
}

void *__kmalloc(size_t size, gfp_t flags);
void *kmalloc_large(size_t size, gfp_t flags);

/**
 * kmalloc - @size bytes of physically contiguous lowmem, or NULL.
 * @flags: GFP_KERNEL normally; GFP_ATOMIC where sleeping is not allowed;
 * GFP_DMA for memory below 16 MB.  __GFP_HIGHMEM is refused (slab memory
 * must have a kernel address) and __GFP_ZERO zeroes it.
 *
 * With a constant @size, as almost every call has, the cache is chosen
 * here at compile time (2.6.11 does the same with its CACHE() macros), so
 * the call is one kmem_cache_alloc().
 */
static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size && !(flags & (__GFP_DMA | __GFP_HIGHMEM))) {
		int i = kmalloc_index(size);

		if (i < 0)
			return kmalloc_large(size, flags);
		return kmem_cache_alloc(malloc_sizes[i].cs_cachep, flags);
	}
	return __kmalloc(size, flags);
}

/* kzalloc - kmalloc() and zero it. */
static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

void kfree(const void *objp);
/* The bytes usable at @objp: its cache's object size, or the pages of a large block. */
size_t ksize(const void *objp);

#endif /* _LINUX_SLAB_H */
