/*
 * mm/slab_debug.c - catching mistakes with slab memory: red zones, poison,
 * and the last user of each object (on with `selftest` or `slab_debug`).
 *
 * A debug cache lays out each object with a guard word on each side and
 * the address of the code that last allocated or freed it:
 *
 *   buffer                                            (buffer_size bytes)
 *   +------------+--------------------------+------------+-----------+
 *   | red zone 1 | object (obj_size)        | red zone 2 | last user |
 *   +------------+--------------------------+------------+-----------+
 *                ^ what kmalloc() returns (buffer + obj_offset)
 *
 *   red zones: RED_ACTIVE while allocated, RED_INACTIVE while free
 *   object:    POISON_FREE (0x6b) while free, POISON_INUSE (0x5a) when
 *              handed out, the last byte POISON_END (0xa5)
 *
 * So a double free finds RED_INACTIVE where RED_ACTIVE should be; a write
 * past the end changes red zone 2; a write after free breaks the 0x6b
 * pattern, seen when the object is next handed out (or its slab
 * destroyed); a pointer into the middle of an object is not at an object
 * boundary.  Each report names the cache and the object, and the
 * allocator's lists are left as they were: a bad free is ignored, a broken
 * pattern restored.
 *
 * Objects of a page or more keep only the poison (Linux's rule: a red zone
 * that would double the slab's size is left out).
 *
 * Mirrors: mm/slab.c (2.6.11) poison_obj(), check_poison_obj(),
 * cache_alloc_debugcheck_after(), cache_free_debugcheck(), slab_error(),
 * dbg_redzone1/2(), dbg_userword().
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <trace/events/kmem.h>

/* Red zones and the last user are words, as in 2.6.11 (BYTES_PER_WORD). */
#define WORD sizeof(unsigned long)

unsigned int slab_debug_overhead(unsigned int flags)
{
	return ((flags & SLAB_RED_ZONE) ? 2 * WORD : 0) + ((flags & SLAB_STORE_USER) ? WORD : 0);
}

static unsigned long *dbg_redzone1(const struct kmem_cache *cachep, void *buf)
{
	(void)cachep;
	return buf;
}

static unsigned long *dbg_redzone2(const struct kmem_cache *cachep, void *buf)
{
	return (unsigned long *)((char *)buf + cachep->obj_offset + cachep->obj_size);
}

static unsigned long *dbg_userword(const struct kmem_cache *cachep, void *buf)
{
	return (unsigned long *)((char *)buf + cachep->obj_offset + cachep->obj_size +
				 ((cachep->flags & SLAB_RED_ZONE) ? WORD : 0));
}

/* Fill the object with @val, its last byte POISON_END. */
static void poison_obj(const struct kmem_cache *cachep, void *buf, unsigned char val)
{
	unsigned char *obj = (unsigned char *)buf + cachep->obj_offset;

	memset(obj, val, cachep->obj_size - 1);
	obj[cachep->obj_size - 1] = POISON_END;
}

/**
 * slab_error - report a misuse of @cachep found by @func, Linux's way:
 * "slab error in func(): cache `name': msg", then the call trace.
 */
void slab_error(struct kmem_cache *cachep, const char *func, const char *msg)
{
	printk("slab error in %s(): cache `%s': %s\n", func, cachep->name, msg);
	trace_slab_error(cachep);
	cachep->errors++;
	dump_stack();
}

static void print_last_user(const struct kmem_cache *cachep, void *buf)
{
	char sym[96];

	if (!(cachep->flags & SLAB_STORE_USER))
		return;
	sprint_symbol(sym, sizeof(sym), *dbg_userword(cachep, buf));
	printk("Last user: [<%08lx>](%s)\n", *dbg_userword(cachep, buf), sym);
}

/*
 * check_poison_obj - is the free object at @buf still all POISON_FREE?
 * If not, report the rows that differ (16 bytes each, 2.6.11's format),
 * restore the pattern, and return false.
 */
static bool check_poison_obj(struct kmem_cache *cachep, void *buf, const char *func)
{
	unsigned char *obj = (unsigned char *)buf + cachep->obj_offset;
	unsigned int size = cachep->obj_size, first = size;
	char msg[96];

	for (unsigned int i = 0; i < size; i++) {
		unsigned char want = i == size - 1 ? POISON_END : POISON_FREE;

		if (obj[i] != want) {
			first = i;
			break;
		}
	}
	if (first == size)
		return true;
	snprintf(msg, sizeof(msg), "object %p was written after it was freed "
		 "(first at offset %u)", (void *)obj, first);
	slab_error(cachep, func, msg);
	printk("Slab corruption: start=%p, len=%u\n", (void *)obj, size);
	print_last_user(cachep, buf);
	for (unsigned int row = first & ~15u; row < size; row += 16) {
		char line[16 * 3 + 1];
		bool bad = false;
		int n = 0;

		for (unsigned int i = row; i < row + 16 && i < size; i++) {
			bad |= obj[i] != (i == size - 1 ? POISON_END : POISON_FREE);
			n += snprintf(line + n, sizeof(line) - n, " %02x", obj[i]);
		}
		if (bad)
			printk("%03x:%s\n", row, line);
	}
	poison_obj(cachep, buf, POISON_FREE);
	return false;
}

/* A new slab's object: free, so poisoned and red-zoned inactive. */
void slab_debug_init_object(struct kmem_cache *cachep, void *buf)
{
	if (cachep->flags & SLAB_POISON)
		poison_obj(cachep, buf, POISON_FREE);
	if (cachep->flags & SLAB_RED_ZONE)
		*dbg_redzone1(cachep, buf) = *dbg_redzone2(cachep, buf) = RED_INACTIVE;
	if (cachep->flags & SLAB_STORE_USER)
		*dbg_userword(cachep, buf) = 0;
}

static void print_redzones(struct kmem_cache *cachep, void *buf)
{
	printk("%p: redzone 1: 0x%08lx, redzone 2: 0x%08lx (active 0x%08x, inactive 0x%08x)\n",
	       (char *)buf + cachep->obj_offset, *dbg_redzone1(cachep, buf),
	       *dbg_redzone2(cachep, buf), RED_ACTIVE, RED_INACTIVE);
}

/*
 * cache_alloc_debugcheck_after - @buf is about to be handed out: it must
 * still be poisoned and red-zoned as free.  Mark it allocated; returns
 * the address the caller gets.
 */
void *cache_alloc_debugcheck_after(struct kmem_cache *cachep, gfp_t flags,
				   void *buf, unsigned long caller)
{
	(void)flags;
	if (cachep->flags & SLAB_POISON)
		check_poison_obj(cachep, buf, __func__);
	if (cachep->flags & SLAB_RED_ZONE) {
		if (*dbg_redzone1(cachep, buf) != RED_INACTIVE ||
		    *dbg_redzone2(cachep, buf) != RED_INACTIVE) {
			slab_error(cachep, __func__, "memory outside a free object was overwritten");
			print_redzones(cachep, buf);
		}
		*dbg_redzone1(cachep, buf) = *dbg_redzone2(cachep, buf) = RED_ACTIVE;
	}
	if (cachep->flags & SLAB_STORE_USER)
		*dbg_userword(cachep, buf) = caller;
	if (cachep->flags & SLAB_POISON)
		poison_obj(cachep, buf, POISON_INUSE);
	return (char *)buf + cachep->obj_offset;
}

/*
 * cache_free_debugcheck - @objp (the caller's address) is being freed to
 * @cachep, whose slab page it lies in.  Returns the buffer to put in the
 * array, or NULL if the free must be ignored: not an object boundary, or
 * a double free.  An overwritten red zone is reported, then repaired, and
 * the object freed.
 */
void *cache_free_debugcheck(struct kmem_cache *cachep, void *objp, unsigned long caller)
{
	struct slab *slabp = page_get_slab(virt_to_page(objp));
	char *buf = (char *)objp - cachep->obj_offset, msg[128];
	unsigned int idx = 0;

	if (buf >= (char *)slabp->s_mem)
		idx = (buf - (char *)slabp->s_mem) / cachep->buffer_size;
	if (buf < (char *)slabp->s_mem || idx >= cachep->num ||
	    buf != (char *)slabp->s_mem + idx * cachep->buffer_size) {
		if (idx >= cachep->num)
			idx = cachep->num - 1;
		snprintf(msg, sizeof(msg), "%p is not an object: the nearest, object %u "
			 "of its slab, starts at %p", objp, idx,
			 (char *)slabp->s_mem + idx * cachep->buffer_size + cachep->obj_offset);
		slab_error(cachep, __func__, msg);
		return NULL;
	}
	if (slab_bufctl(slabp)[idx] != BUFCTL_ACTIVE ||
	    ((cachep->flags & SLAB_RED_ZONE) && *dbg_redzone1(cachep, buf) == RED_INACTIVE &&
	     *dbg_redzone2(cachep, buf) == RED_INACTIVE)) {
		snprintf(msg, sizeof(msg), "double free of object %p", objp);
		slab_error(cachep, __func__, msg);
		print_last_user(cachep, buf);
		return NULL;
	}
	if (cachep->flags & SLAB_RED_ZONE) {
		if (*dbg_redzone1(cachep, buf) != RED_ACTIVE ||
		    *dbg_redzone2(cachep, buf) != RED_ACTIVE) {
			snprintf(msg, sizeof(msg), "memory %s object %p (%u bytes) was overwritten",
				 *dbg_redzone1(cachep, buf) != RED_ACTIVE ? "before" : "past the end of",
				 objp, cachep->obj_size);
			slab_error(cachep, __func__, msg);
			print_redzones(cachep, buf);
		}
		*dbg_redzone1(cachep, buf) = *dbg_redzone2(cachep, buf) = RED_INACTIVE;
	}
	if (cachep->flags & SLAB_STORE_USER)
		*dbg_userword(cachep, buf) = caller;
	if (cachep->flags & SLAB_POISON)
		poison_obj(cachep, buf, POISON_FREE);
	return buf;
}

/* slab_destroy_debugcheck - every object of an empty slab must still be poisoned. */
void slab_destroy_debugcheck(struct kmem_cache *cachep, struct slab *slabp)
{
	for (unsigned int i = 0; i < cachep->num; i++)
		check_poison_obj(cachep, (char *)slabp->s_mem + i * cachep->buffer_size, __func__);
}
