/*
 * mm/memblock.c - the boot-time memory manager: two sorted lists of
 * physical ranges, "memory" (RAM, from e820) and "reserved" (in use).
 *
 * Each list is an array of regions kept sorted by base and disjoint, with
 * no two regions touching: adding a range swallows every region it
 * overlaps or abuts, and removing one trims, splits or deletes regions.
 *
 *   memory:    [=====A=====]     [====B====]
 *   add:                [---new---]
 *   result:    [==============A============]    (A, new and B merge)
 *
 * Ranges are [base, base + size) in 64 bits.  A range whose end would wrap
 * past 2^64 is clipped to end at 0xffffffffffffffff (exclusive), as
 * Linux's memblock_cap_size() does, so base + size never overflows.
 *
 * Mirrors: mm/memblock.c (the file is Linux 2.6.35's; these names are
 * later kernels': 3.6 still calls the first two memblock_add_region() and
 * __memblock_remove()) memblock_add_range(), memblock_remove_range(),
 * memblock_search(), memblock_dump_all(), memblock_set_current_limit(),
 * memblock_alloc() (top-down, below the current limit) and
 * memblock_free_all() (the free ranges to the buddy allocator).
 * Omitted: NUMA node ids, region flags, growing the arrays with
 * memblock_double_array(): when a list is
 * full, adding fails with -ENOSPC.  Linux keeps one empty dummy region in
 * an empty list; here an empty list simply has cnt 0.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <memlayout.h>

static struct memblock_region memblock_memory_init_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region memblock_reserved_init_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = ~0ULL,
	.memory = {
		.cnt = 0,
		.max = INIT_MEMBLOCK_REGIONS,
		.name = "memory",
		.regions = memblock_memory_init_regions,
	},
	.reserved = {
		.cnt = 0,
		.max = INIT_MEMBLOCK_REGIONS,
		.name = "reserved",
		.regions = memblock_reserved_init_regions,
	},
};

static u64 region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Clip @size so that @base + @size does not pass U64_MAX (memblock_cap_size). */
static u64 memblock_cap_size(const struct memblock_type *type, u64 base, u64 size)
{
	if (size <= U64_MAX - base)
		return size;
	printk("memblock: %s range 0x%016llx + 0x%llx wraps past 2^64, clipped to end at 0xffffffffffffffff\n",
	       type->name, (unsigned long long)base, (unsigned long long)size);
	return U64_MAX - base;
}

/* Open a hole at index @i for one more region; the caller checked room. */
static void memblock_insert_region(struct memblock_type *type, u32 i,
				   u64 base, u64 size)
{
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = size;
	type->cnt++;
}

/* Delete regions [i, j) by closing the gap they leave. */
static void memblock_remove_regions(struct memblock_type *type, u32 i, u32 j)
{
	memmove(&type->regions[i], &type->regions[j],
		(type->cnt - j) * sizeof(type->regions[0]));
	type->cnt -= j - i;
}

/*
 * memblock_add_range - put [base, base+size) into @type.
 *
 * Regions [i, j) are those that overlap or touch the new range: i is the
 * first whose end reaches @base, j the first that starts after @end.
 *
 *        i-1        i          j-1       j
 *      [===]  ~  [=====]  [==]  [===]  ~  [===]
 *                   [------new-----]
 *
 * If there are none, the range is inserted at i; otherwise region i grows
 * to cover them all and i+1 .. j-1 are deleted.
 */
static int memblock_add_range(struct memblock_type *type, u64 base, u64 size)
{
	u64 end;
	u32 i, j;

	size = memblock_cap_size(type, base, size);
	if (size == 0)
		return 0;
	end = base + size;

	i = 0;
	while (i < type->cnt && region_end(&type->regions[i]) < base)
		i++;
	j = i;
	while (j < type->cnt && type->regions[j].base <= end)
		j++;
	if (i == j) {
		if (type->cnt == type->max) {
			printk("memblock: %s array is full (%u regions), cannot add [0x%016llx-0x%016llx]\n",
			       type->name, type->max, (unsigned long long)base,
			       (unsigned long long)(end - 1));
			return -ENOSPC;
		}
		memblock_insert_region(type, i, base, size);
		return 0;
	}
	base = min(base, type->regions[i].base);
	end = max(end, region_end(&type->regions[j - 1]));
	type->regions[i].base = base;
	type->regions[i].size = end - base;
	memblock_remove_regions(type, i + 1, j);
	return 0;
}

/*
 * memblock_remove_range - take [base, base+size) out of @type.  Each region
 * it meets is trimmed on one side, deleted, or, if it sticks out on both
 * sides, split in two:
 *
 *      [===========r===========]
 *              [--hole--]
 *      [==r===]          [=new=]
 *
 * A split needs a free slot; without one, -ENOSPC is returned and nothing
 * has changed (a split region is the only one the hole touches).
 */
static int memblock_remove_range(struct memblock_type *type, u64 base, u64 size)
{
	u64 end, rbase, rend;
	u32 i = 0;

	size = memblock_cap_size(type, base, size);
	if (size == 0)
		return 0;
	end = base + size;
	while (i < type->cnt && type->regions[i].base < end) {
		struct memblock_region *r = &type->regions[i];

		rbase = r->base;
		rend = region_end(r);
		if (rend <= base) {
			i++;                            /* wholly below the hole */
		} else if (rbase < base && rend > end) {
			if (type->cnt == type->max) {
				printk("memblock: %s array is full (%u regions), cannot split [0x%016llx-0x%016llx]\n",
				       type->name, type->max, (unsigned long long)rbase,
				       (unsigned long long)(rend - 1));
				return -ENOSPC;
			}
			r->size = base - rbase;
			memblock_insert_region(type, i + 1, end, rend - end);
			return 0;
		} else if (rbase < base) {
			r->size = base - rbase;         /* keep the part below */
			i++;
		} else if (rend > end) {
			r->base = end;                  /* keep the part above */
			r->size = rend - end;
			return 0;
		} else {
			memblock_remove_regions(type, i, i + 1);
		}
	}
	return 0;
}

/**
 * memblock_add - register [base, base+size) as RAM.
 * Returns 0, or -ENOSPC (with a message) when the memory array is full.
 */
int memblock_add(u64 base, u64 size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

/**
 * memblock_reserve - mark [base, base+size) as in use.  The range need not
 * be RAM (Linux reserves the BIOS areas too).  Returns 0 or -ENOSPC.
 */
int memblock_reserve(u64 base, u64 size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/** memblock_remove - forget that [base, base+size) is RAM.  0 or -ENOSPC. */
int memblock_remove(u64 base, u64 size)
{
	return memblock_remove_range(&memblock.memory, base, size);
}

/** memblock_free - undo memblock_reserve() for [base, base+size).  0 or -ENOSPC. */
int memblock_free(u64 base, u64 size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

/*
 * memblock_search - binary search for the region of @type holding @addr.
 * Returns its index, or -1.  Works because the regions are sorted and
 * disjoint: at most one can contain @addr.
 */
static int memblock_search(const struct memblock_type *type, u64 addr)
{
	u32 lo = 0, hi = type->cnt;     /* the answer, if any, is in [lo, hi) */

	while (lo < hi) {
		u32 mid = lo + (hi - lo) / 2;
		const struct memblock_region *r = &type->regions[mid];

		if (addr < r->base)
			hi = mid;
		else if (addr >= region_end(r))
			lo = mid + 1;
		else
			return (int)mid;
	}
	return -1;
}

/** memblock_is_memory - is @addr in a memory region? */
bool memblock_is_memory(u64 addr)
{
	return memblock_search(&memblock.memory, addr) >= 0;
}

/** memblock_is_reserved - is @addr in a reserved region? */
bool memblock_is_reserved(u64 addr)
{
	return memblock_search(&memblock.reserved, addr) >= 0;
}

/**
 * memblock_is_region_reserved - does [base, base+size) overlap a reserved
 * region?  An empty range overlaps nothing.
 */
bool memblock_is_region_reserved(u64 base, u64 size)
{
	const struct memblock_type *type = &memblock.reserved;
	u64 end;
	u32 i;

	size = memblock_cap_size(type, base, size);
	if (size == 0)
		return false;
	end = base + size;
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base < end && region_end(r) > base)
			return true;
	}
	return false;
}

static u64 memblock_total_size(const struct memblock_type *type)
{
	u64 total = 0;
	u32 i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

/** memblock_phys_mem_size - bytes of RAM registered with memblock_add(). */
u64 memblock_phys_mem_size(void)
{
	return memblock_total_size(&memblock.memory);
}

/** memblock_reserved_size - bytes reserved. */
u64 memblock_reserved_size(void)
{
	return memblock_total_size(&memblock.reserved);
}

/** memblock_reset - empty both lists. */
void memblock_reset(void)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock.current_limit = U64_MAX;
}

/* Print one list as Linux's memblock_dump() does (end inclusive). */
static void memblock_dump(const struct memblock_type *type)
{
	u32 i;

	printk(" %s.cnt  = 0x%x\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		printk(" %s[0x%x]\t[0x%016llx-0x%016llx], 0x%llx bytes\n",
		       type->name, i, (unsigned long long)r->base,
		       (unsigned long long)(region_end(r) - 1),
		       (unsigned long long)r->size);
	}
}

/** memblock_dump_all - print both lists in Linux's format. */
void memblock_dump_all(void)
{
	printk("MEMBLOCK configuration:\n");
	printk(" memory size = 0x%llx reserved size = 0x%llx\n",
	       (unsigned long long)memblock_phys_mem_size(),
	       (unsigned long long)memblock_reserved_size());
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

/* ---- allocating, and handing over to the buddy allocator ---- */

void memblock_set_current_limit(u64 limit)
{
	memblock.current_limit = limit;
}

/*
 * The free ranges are the gaps the reserved regions leave in each memory
 * region.  Both arrays are sorted and disjoint, so one walk finds them:
 *
 *   memory    [=================]      [==========]
 *   reserved      [##]    [#]                 [####]
 *   free      [==]    [==]   [==]      [======]
 *
 * Visit them from the top down (@top_down) or bottom up; stop when @fn
 * returns true.
 */
static void walk_free_ranges(bool top_down, bool (*fn)(u64 start, u64 end, void *arg),
			     void *arg)
{
	const struct memblock_type *mem = &memblock.memory, *res = &memblock.reserved;

	for (u32 k = 0; k < mem->cnt; k++) {
		u32 i = top_down ? mem->cnt - 1 - k : k;
		u64 m_start = mem->regions[i].base, m_end = region_end(&mem->regions[i]);
		/* The gaps of this memory region: between reserved r-1 and r. */
		for (u32 g = 0; g <= res->cnt; g++) {
			u32 r = top_down ? res->cnt - g : g;
			u64 gap_start = r ? region_end(&res->regions[r - 1]) : 0;
			u64 gap_end = r < res->cnt ? res->regions[r].base : U64_MAX;
			u64 start = max(gap_start, m_start), end = min(gap_end, m_end);

			if (start >= end)
				continue;
			if (fn(start, end, arg))
				return;
		}
	}
}

struct alloc_request {
	u64 size, align, found;
};

static bool try_alloc_in(u64 start, u64 end, void *arg)
{
	struct alloc_request *req = arg;
	u64 base;

	end = min(end, memblock.current_limit);
	if (end < req->size || end - req->size < start)
		return false;
	base = (end - req->size) & ~(req->align - 1);
	if (base < start || base == 0)        /* 0 means failure to the caller */
		return false;
	req->found = base;
	return true;
}

u64 memblock_alloc(u64 size, u64 align)
{
	struct alloc_request req = { 0, align, 0 };

	if (!size || !align || (align & (align - 1)) || size > U64_MAX - (align - 1))
		return 0;               /* (the last: rounding up would wrap to 0) */
	req.size = ALIGN(size, align);
	walk_free_ranges(true, try_alloc_in, &req);
	if (req.found && memblock_reserve(req.found, req.size))
		return 0;
	return req.found;
}

static bool free_range_to_buddy(u64 start, u64 end, void *arg)
{
	unsigned long *pages = arg;
	u64 start_pfn = (start + PAGE_SIZE - 1) >> PAGE_SHIFT;   /* whole pages only */
	u64 end_pfn = end >> PAGE_SHIFT;

	if (start_pfn < end_pfn)
		*pages += free_bootmem_range(start_pfn, end_pfn);
	return false;
}

unsigned long memblock_free_all(void)
{
	unsigned long pages = 0;

	walk_free_ranges(false, free_range_to_buddy, &pages);
	return pages;
}
