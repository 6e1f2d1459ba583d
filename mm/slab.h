/*
 * mm/slab.h - what the two halves of the slab allocator share:
 *
 *   mm/slab.c           caches and their slabs: kmem_cache_create(),
 *                       cache_grow(), slab_destroy(), shrinking
 *   mm/slab_cpucache.c  the per-CPU arrays in front of the slabs: their
 *                       sizes, refill, flush and drain
 *
 * and where a slab's object i lies.
 *
 * Mirrors: mm/slab.c (2.6.11): index_to_obj() is the name later 2.6
 * kernels give its open-coded s_mem + objsize * i.  Later kernels keep
 * slab internals in an mm/slab.h too.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/slab_def.h>

/* ---- mm/slab.c ---- */

/* Add one empty slab to @cachep; false if there is no memory.  Interrupts off. */
bool cache_grow(struct kmem_cache *cachep, gfp_t flags);
/* Give an empty slab's pages (and off-slab descriptor) back.  Interrupts off. */
void slab_destroy(struct kmem_cache *cachep, struct slab *slabp);

/* ---- mm/slab_cpucache.c ---- */

/* Size each online CPU's array for @cachep's objects; 0, or -1 without memory. */
int enable_cpucache(struct kmem_cache *cachep);
/* Every object in @ac goes back to its slab.  Interrupts off. */
void drain_array(struct kmem_cache *cachep, struct array_cache *ac);

/* mm/kmalloc.c: create size-32 ... size-131072 and their DMA twins. */
void kmalloc_caches_init(void);

/* ---- a slab's objects ---- */

/* The object of slab @slabp with index @idx (obj_to_index() goes back). */
static inline void *index_to_obj(const struct kmem_cache *cachep,
				 const struct slab *slabp, unsigned int idx)
{
	return (char *)slabp->s_mem + cachep->buffer_size * idx;
}

#endif /* _MM_SLAB_H */
