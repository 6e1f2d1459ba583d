/*
 * linux/slab_def.h - the inside of the slab allocator: caches, slabs,
 * per-CPU arrays, and the fast paths that mm/slab.c, mm/slab_cpucache.c
 * and mm/kmalloc.c share.  Everything else includes linux/slab.h only.
 *
 * A cache hands out objects of one size.  It keeps them in slabs, each
 * 2^gfporder contiguous lowmem pages cut into num objects:
 *
 *   on-slab (objects smaller than 512 bytes):
 *   +--------+------------+------------------------+-----+-----+-----+----------+
 *   | colour | struct slab| bufctl[0] .. [num - 1] | obj | obj | ... | leftover |
 *   +--------+------------+------------------------+-----+-----+-----+----------+
 *   ^ page_address                                 ^ s_mem
 *
 *   off-slab (512 bytes and up): struct slab + bufctl[] live in an object
 *   of a general cache (slabp_cache), and the slab is all objects.
 *
 * bufctl[] is the slab's free list by index: slab->free is the first free
 * object, bufctl[i] the one after i, BUFCTL_END ends it.  An allocated
 * object's bufctl holds BUFCTL_ACTIVE, so a second free of it is caught.
 *
 * Every page of a slab has PG_slab and points back at its cache and slab
 * (page->lru.next and .prev, as in 2.6.11), so kfree() needs no size.
 *
 * In front of the slabs, each CPU has an array_cache: a LIFO stack of
 * pointers to free objects.  kmalloc() pops one, kfree() pushes one, with
 * interrupts off and no other work: this is the fast path.  Only when the
 * array is empty (or full) are batchcount objects moved from (or to) the
 * slabs at once.  Objects in an array count as allocated in their slab.
 *
 * Mirrors: mm/slab.c (2.6.11) struct kmem_cache_s, struct slab,
 * struct array_cache, kmem_bufctl_t, __cache_alloc() (later 2.6 kernels
 * name its array half ____cache_alloc()), __cache_free().
 * Omitted: the shared and alien arrays of SMP/NUMA, constructors.
 */
#ifndef _LINUX_SLAB_DEF_H
#define _LINUX_SLAB_DEF_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/irqflags.h>

typedef unsigned int kmem_bufctl_t;
#define BUFCTL_END     (~0u)        /* no next free object */
#define BUFCTL_ACTIVE  (~0u - 1)    /* this object is allocated */

struct array_cache {
	unsigned int avail;        /* free objects in entry[] now */
	unsigned int limit;        /* at most this many */
	unsigned int batchcount;   /* moved to or from the slabs at once */
	void *entry[];             /* entry[avail - 1] is the most recently freed */
};

/*
 * Until kmalloc() works, a cache cannot allocate its arrays: each starts
 * with this one-entry array inside its own struct, and kmem_cache_init()
 * gives every cache real arrays at the end (Linux: initarray_cache).
 */
#define BOOT_CPUCACHE_ENTRIES 1
struct arraycache_init {
	struct array_cache cache;
	void *entries[BOOT_CPUCACHE_ENTRIES];
};

struct slab {
	struct list_head list;     /* on its cache's slabs_full, _partial or _free */
	unsigned long colouroff;   /* bytes from the first page to s_mem */
	void *s_mem;               /* the first object */
	unsigned int inuse;        /* objects allocated */
	kmem_bufctl_t free;        /* the first free object, or BUFCTL_END */
};                                 /* followed by kmem_bufctl_t bufctl[num] */

static inline kmem_bufctl_t *slab_bufctl(struct slab *slabp)
{
	return (kmem_bufctl_t *)(slabp + 1);
}

#define CFLGS_OFF_SLAB  0x80000000u    /* struct slab lives in slabp_cache */

struct kmem_cache {
	/* 1) the fast path */
	struct array_cache *array[NR_CPUS];   /* NULL for a CPU not online */
	unsigned int batchcount;
	unsigned int limit;
	unsigned int buffer_size;   /* bytes from one object to the next */
	unsigned int flags;         /* SLAB_* and CFLGS_OFF_SLAB */
	unsigned int num;           /* objects per slab */
	/* 2) the slabs (Linux: struct kmem_list3) */
	struct list_head slabs_partial;   /* some objects free: allocate from these first */
	struct list_head slabs_full;
	struct list_head slabs_free;      /* all objects free */
	unsigned long free_objects;       /* free objects in slabs (arrays not counted) */
	unsigned long free_limit;         /* past this, an empty slab is destroyed */
	/* 3) growing */
	unsigned int gfporder;      /* a slab is 2^gfporder pages */
	gfp_t gfpflags;             /* GFP_DMA for a DMA cache */
	unsigned int colour;        /* slab colours 0 .. colour - 1 */
	unsigned int colour_off;    /* bytes per colour: the cache line */
	unsigned int colour_next;   /* the colour of the next slab */
	unsigned int slab_size;     /* struct slab + bufctl[num], aligned */
	struct kmem_cache *slabp_cache;   /* off-slab: where struct slab comes from */
	/* 4) identity and debug */
	const char *name;
	struct list_head next;      /* on cache_chain */
	unsigned int obj_size;      /* what the creator asked for, rounded to a word */
	unsigned int obj_offset;    /* debug: red zone word before the object */
	unsigned long errors;       /* debug reports about this cache */
	struct arraycache_init boot_array;
};

/* This CPU's array (its cache: the caller has interrupts off). */
static inline struct array_cache *cpu_cache(struct kmem_cache *cachep)
{
	return cachep->array[smp_processor_id()];
}

/* A slab page points back at its cache and slab (2.6.11: SET_PAGE_CACHE). */
static inline void page_set_cache(struct page *page, struct kmem_cache *cachep)
{
	page->lru.next = (struct list_head *)cachep;
}
static inline struct kmem_cache *page_get_cache(const struct page *page)
{
	return (struct kmem_cache *)page->lru.next;
}
static inline void page_set_slab(struct page *page, struct slab *slabp)
{
	page->lru.prev = (struct list_head *)slabp;
}
static inline struct slab *page_get_slab(const struct page *page)
{
	return (struct slab *)page->lru.prev;
}

/* ---- mm/slab_cpucache.c: the slow paths behind the fast paths below ---- */
void *cache_alloc_refill(struct kmem_cache *cachep, gfp_t flags);
void cache_flusharray(struct kmem_cache *cachep, struct array_cache *ac);
/* ---- mm/slab.c ---- */
extern struct list_head cache_chain;      /* every cache, cache_cache first */

/* ---- mm/slab_debug.c: red zones, poison, last user ---- */
void slab_debug_init_object(struct kmem_cache *cachep, void *objp);
void *cache_alloc_debugcheck_after(struct kmem_cache *cachep, gfp_t flags,
				   void *objp, unsigned long caller);
void *cache_free_debugcheck(struct kmem_cache *cachep, void *objp, unsigned long caller);
void slab_destroy_debugcheck(struct kmem_cache *cachep, struct slab *slabp);
void slab_error(struct kmem_cache *cachep, const char *func, const char *msg);
/* The bytes a debug cache adds around each object. */
unsigned int slab_debug_overhead(unsigned int flags);

/*
 * ____cache_alloc - pop a free object off this CPU's array, or refill the
 * array from the slabs.  Returns the object's buffer, or NULL.  The caller
 * has interrupts off: that is the per-CPU lock.
 */
static __always_inline void *____cache_alloc(struct kmem_cache *cachep, gfp_t flags)
{
	struct array_cache *ac = cpu_cache(cachep);

	if (likely(ac->avail))
		return ac->entry[--ac->avail];
	return cache_alloc_refill(cachep, flags);
}

/*
 * __cache_free - push a free object's buffer onto this CPU's array; when
 * the array is full, first move batchcount objects back to their slabs.
 * The caller has interrupts off.
 */
static __always_inline void __cache_free(struct kmem_cache *cachep, void *objp)
{
	struct array_cache *ac = cpu_cache(cachep);

	if (unlikely(ac->avail >= ac->limit))
		cache_flusharray(cachep, ac);
	ac->entry[ac->avail++] = objp;
}

/* mm/slab.c: everything the fast paths below leave out (debug, __GFP_ZERO). */
void *cache_alloc_slowpath(struct kmem_cache *cachep, gfp_t flags, unsigned long caller);
void cache_free_slowpath(struct kmem_cache *cachep, void *objp, unsigned long caller);

/*
 * slab_alloc, slab_free - the fast paths of kmem_cache_alloc()/__kmalloc()
 * and kmem_cache_free()/kfree(): with interrupts off, pop or push one
 * pointer.  A debug cache, or __GFP_ZERO, takes the slow path instead.
 * Inlined, so __builtin_return_address(0) is the caller of the function
 * they are inlined into: the code a debug cache records as last user.
 */
static __always_inline void *slab_alloc(struct kmem_cache *cachep, gfp_t flags)
{
	void *objp;
	u32 save;

	if (unlikely((cachep->flags & SLAB_DEBUG_FLAGS) || (flags & __GFP_ZERO)))
		return cache_alloc_slowpath(cachep, flags,
					    (unsigned long)__builtin_return_address(0));
	save = local_irq_save();
	objp = ____cache_alloc(cachep, flags);
	local_irq_restore(save);
	return objp;
}

static __always_inline void slab_free(struct kmem_cache *cachep, void *objp)
{
	u32 save;

	if (unlikely(cachep->flags & SLAB_DEBUG_FLAGS)) {
		cache_free_slowpath(cachep, objp, (unsigned long)__builtin_return_address(0));
		return;
	}
	save = local_irq_save();
	__cache_free(cachep, objp);
	local_irq_restore(save);
}

#endif /* _LINUX_SLAB_DEF_H */
