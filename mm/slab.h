/*
 * mm/slab.h - what the two halves of the slab allocator share:
 *
 *   mm/slab.c           caches and their slabs: kmem_cache_create(),
 *                       cache_grow(), slab_destroy(), shrinking
 *   mm/slab_cpucache.c  the per-CPU arrays in front of the slabs: their
 *                       sizes, refill, flush and drain
 *
 * and the one thing both do to a slab: take a free object off its bufctl
 * list, or put one back.
 *
 * Mirrors: mm/slab.c (2.6.11) index_to_obj()/obj_to_index() (2.6.22's
 * names for 2.6.11's open-coded s_mem + objsize * i), slab_get_obj() and
 * slab_put_obj() (2.6.18's names for the bufctl steps of 2.6.11's
 * cache_alloc_refill() and free_block()).  Later kernels keep slab
 * internals in mm/slab.h too.
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

/* ---- a slab's free objects ---- */

/* The object of slab @slabp with index @idx, and back. */
static inline void *index_to_obj(const struct kmem_cache *cachep,
				 const struct slab *slabp, unsigned int idx)
{
	return (char *)slabp->s_mem + cachep->buffer_size * idx;
}

static inline unsigned int obj_to_index(const struct kmem_cache *cachep,
					const struct slab *slabp, const void *objp)
{
	return ((const char *)objp - (const char *)slabp->s_mem) / cachep->buffer_size;
}

/*
 * slab_get_obj - take the first free object of @slabp (there must be one).
 * slab_put_obj - give @objp back; a second free of it is reported, and
 * leaves the slab alone (returns false).
 */
static inline void *slab_get_obj(struct kmem_cache *cachep, struct slab *slabp)
{
	kmem_bufctl_t idx = slabp->free;

	slabp->free = slab_bufctl(slabp)[idx];
	slab_bufctl(slabp)[idx] = BUFCTL_ACTIVE;
	slabp->inuse++;
	return index_to_obj(cachep, slabp, idx);
}

static inline bool slab_put_obj(struct kmem_cache *cachep, struct slab *slabp, void *objp)
{
	unsigned int idx = obj_to_index(cachep, slabp, objp);

	if (slab_bufctl(slabp)[idx] != BUFCTL_ACTIVE) {
		printk("slab error in slab_put_obj(): cache `%s': object %p (index %u) "
		       "freed twice; ignored\n", cachep->name, objp, idx);
		slab_error_count++;
		cachep->errors++;
		return false;
	}
	slab_bufctl(slabp)[idx] = slabp->free;
	slabp->free = idx;
	slabp->inuse--;
	return true;
}

#endif /* _MM_SLAB_H */
