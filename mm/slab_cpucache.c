/*
 * mm/slab_cpucache.c - the per-CPU arrays in front of a cache's slabs
 * (struct array_cache, linux/slab_def.h).
 *
 * kmem_cache_alloc() and kmem_cache_free() touch only this CPU's array
 * (____cache_alloc(), __cache_free(): inline, interrupts off); the
 * functions here run when it is empty or full, and move objects between
 * the array and the slabs batchcount at a time:
 *
 *   array empty  cache_alloc_refill()  objects from partial slabs, then
 *                                      free ones, then a new slab
 *                                      (cache_grow(), mm/slab.c)
 *   array full   cache_flusharray()    the batchcount oldest objects back
 *                free_block()          to their slabs; an empty slab goes
 *                                      back to the buddy allocator once
 *                                      the cache holds free_limit objects
 *   shrinking    drain_array()         every object back
 *
 * enable_cpucache() sizes the arrays by object size, once kmalloc() works.
 *
 * Mirrors: mm/slab.c (2.6.11) cache_alloc_refill(), free_block() (their
 * bufctl steps named slab_get_obj()/slab_put_obj(), as later 2.6 kernels
 * name them), cache_flusharray(), drain_array_locked(), enable_cpucache()
 * (its do_tune_cpucache() folded in).  2.6.11 has them in mm/slab.c with the
 * rest; they are here so that the caching in front of the slabs reads
 * apart from how caches and slabs are made.  Omitted: the SMP shared
 * array, NUMA alien arrays, cache_reap()'s periodic draining.
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

/* The index of @objp in slab @slabp: index_to_obj() backwards. */
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
static void *slab_get_obj(struct kmem_cache *cachep, struct slab *slabp)
{
	kmem_bufctl_t idx = slabp->free;

	slabp->free = slab_bufctl(slabp)[idx];
	slab_bufctl(slabp)[idx] = BUFCTL_ACTIVE;
	slabp->inuse++;
	return index_to_obj(cachep, slabp, idx);
}

static bool slab_put_obj(struct kmem_cache *cachep, struct slab *slabp, void *objp)
{
	unsigned int idx = obj_to_index(cachep, slabp, objp);

	if (slab_bufctl(slabp)[idx] != BUFCTL_ACTIVE) {
		printk("slab error in slab_put_obj(): cache `%s': object %p (index %u) "
		       "freed twice; ignored\n", cachep->name, objp, idx);
		trace_slab_error(cachep);
		cachep->errors++;
		return false;
	}
	slab_bufctl(slabp)[idx] = slabp->free;
	slabp->free = idx;
	slabp->inuse--;
	return true;
}

/*
 * cache_alloc_refill - this CPU's array is empty: move up to batchcount
 * objects into it, from partial slabs first, then free ones, growing the
 * cache if both lists are empty.  Returns one object, or NULL when no
 * memory is left even after every cache was shrunk.
 */
void *cache_alloc_refill(struct kmem_cache *cachep, gfp_t flags)
{
	struct array_cache *ac = cpu_cache(cachep);
	bool shrunk = false;

	while (!ac->avail) {
		unsigned int batch = ac->batchcount;

		while (batch) {
			struct list_head *entry = cachep->slabs_partial.next;
			struct slab *slabp;

			if (entry == &cachep->slabs_partial) {
				entry = cachep->slabs_free.next;
				if (entry == &cachep->slabs_free)
					break;
			}
			slabp = list_entry(entry, struct slab, list);
			while (slabp->inuse < cachep->num && batch) {
				ac->entry[ac->avail++] = slab_get_obj(cachep, slabp);
				cachep->free_objects--;
				batch--;
			}
			list_del(&slabp->list);
			list_add(&slabp->list, slabp->free == BUFCTL_END ?
				 &cachep->slabs_full : &cachep->slabs_partial);
		}
		if (ac->avail)
			break;
		if (!cache_grow(cachep, flags)) {
			if (shrunk)
				return NULL;
			/* Out of memory: every cache gives back its free slabs, once. */
			kmem_cache_shrink_all();
			shrunk = true;
		}
		ac = cpu_cache(cachep);
	}
	return ac->entry[--ac->avail];
}

/*
 * free_block - return @nr objects to their slabs.  A slab left empty is
 * destroyed if the cache has more than free_limit free objects already,
 * else kept on slabs_free; a slab still in use goes to the tail of
 * slabs_partial, to give its other objects time to be freed too.
 */
static void free_block(struct kmem_cache *cachep, void **objpp, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++) {
		void *objp = objpp[i];
		struct slab *slabp = page_get_slab(virt_to_page(objp));

		if (!slab_put_obj(cachep, slabp, objp))
			continue;
		list_del(&slabp->list);
		cachep->free_objects++;
		if (slabp->inuse == 0) {
			if (cachep->free_objects > cachep->free_limit) {
				cachep->free_objects -= cachep->num;
				slab_destroy(cachep, slabp);
			} else {
				list_add(&slabp->list, &cachep->slabs_free);
			}
		} else {
			list_add_tail(&slabp->list, &cachep->slabs_partial);
		}
	}
}

/* cache_flusharray - the array is full: its batchcount oldest objects go back. */
void cache_flusharray(struct kmem_cache *cachep, struct array_cache *ac)
{
	unsigned int batch = min(ac->batchcount, ac->avail);

	free_block(cachep, ac->entry, batch);
	ac->avail -= batch;
	memmove(ac->entry, ac->entry + batch, ac->avail * sizeof(void *));
}

/* drain_array - every object in @ac goes back to its slab. */
void drain_array(struct kmem_cache *cachep, struct array_cache *ac)
{
	free_block(cachep, ac->entry, ac->avail);
	ac->avail = 0;
}

/*
 * enable_cpucache - give each online CPU an array sized for the object
 * size, 2.6.11's table: the smaller the object, the more are kept:
 *   > 128 KB: 1   > 4 KB: 8   > 1 KB: 24   > 256 B: 54   else 120
 * batchcount is half the limit.  The boot array's object goes back first.
 */
int enable_cpucache(struct kmem_cache *cachep)
{
	unsigned int limit;
	u32 save;

	if (cachep->buffer_size > KMALLOC_MAX_CACHE_SIZE)
		limit = 1;
	else if (cachep->buffer_size > PAGE_SIZE)
		limit = 8;
	else if (cachep->buffer_size > 1024)
		limit = 24;
	else if (cachep->buffer_size > 256)
		limit = 54;
	else
		limit = 120;
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct array_cache *new, *old;

		if (!cpu_online(cpu))
			continue;
		new = kmalloc(sizeof(*new) + limit * sizeof(void *), GFP_KERNEL);
		if (!new)
			return -1;
		*new = (struct array_cache){ .limit = limit, .batchcount = (limit + 1) / 2 };
		save = local_irq_save();
		old = cachep->array[cpu];
		cachep->array[cpu] = new;
		if (old) {
			drain_array(cachep, old);
			if (old != &cachep->boot_array.cache)
				kfree(old);
		}
		local_irq_restore(save);
	}
	cachep->limit = limit;
	cachep->batchcount = (limit + 1) / 2;
	cachep->free_limit = (1 + num_online_cpus()) * cachep->batchcount + cachep->num;
	return 0;
}
