/*
 * mm/vmlist.c - the vmalloc area's address space: which ranges are taken.
 *
 * Between VMALLOC_START and VMALLOC_END (memlayout.h) the kernel maps
 * pages of its own choosing, one pte per page (claims V1, V5): vmalloc()
 * and vmap() (mm/vmalloc.c), ioremap() (arch/i386/mm/ioremap.c).  This
 * file only hands out the addresses; mm/vmalloc.c fills in the ptes.
 *
 * Each mapping is a struct vm_struct from kmalloc(), on vmlist, sorted
 * by address.  Free address space is not recorded anywhere: it is the
 * holes between list entries, so freeing an area merges its range with
 * the free neighbours on either side at no cost.  A new area takes the
 * lowest hole that fits (first fit).  Every area is one page longer than
 * asked for, and that last page is never mapped, so an overrun faults
 * instead of running into the next area (V4):
 *
 *   VMALLOC_START: 0xf8800000 with 896 MB of RAM or more
 *   |
 *   +--------------+------------+--------------+------------+--------
 *   | vmalloc(100) | guard page | vmalloc(100) | guard page | hole ...
 *   | 1 page       | unmapped   | 1 page       | unmapped   |
 *   +--------------+------------+--------------+------------+--------
 *   0xf8800000     0xf8801000   0xf8802000     0xf8803000   0xf8804000
 *   <------ vm->size 8192 ----> <------ vm->size 8192 ---->
 *
 * Why two files.  2.6.11 keeps all of this and the mapping in one
 * mm/vmalloc.c.  Here the line between them is the line the host unit
 * tests cannot cross: this half is list arithmetic over kmalloc(), which
 * the host's vmalloc test compiles unchanged and drives with small
 * made-up ranges; mm/vmalloc.c writes page tables, which only the kernel
 * has.  The one call across, remove_vm_area() -> unmap_vm_area(), is
 * where the host tests put a stub that records what would be unmapped.
 *
 * Mirrors: mm/vmalloc.c (2.6.11) vmlist, __get_vm_area(), get_vm_area(),
 * remove_vm_area(); find_vm_area() and free_vm_area() of later 2.6
 * kernels (2.6.11 looks an area up only inside remove_vm_area(), 2.6.18
 * in a static __find_vm_area()); is_vmalloc_addr() of 2.6.25; the caller
 * field and /proc/vmallocinfo (show_vmallocinfo()) of 2.6.25;
 * get_vmalloc_info() of fs/proc/proc_misc.c (2.6.11; mm/vmalloc.c
 * later).  Omitted: vmlist_lock (one CPU, and nothing vmallocs in an
 * interrupt), NUMA nodes, and the red-black tree of free ranges that
 * replaced the list in 2.6.28.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct vm_struct *vmlist;

/* An ioremap area starts at a multiple of the power of two above its size,
 * at most 128 pages, as 2.6.11 places them. */
#define IOREMAP_MAX_ORDER  (7 + PAGE_SHIFT)

/**
 * __get_vm_area - reserve @size bytes (rounded up to pages) plus a guard
 * page, in the lowest hole of [@start, @end) that holds them.
 * @flags: VM_ALLOC, VM_MAP or VM_IOREMAP (which also aligns the area).
 * @caller: a return address, for show_vmallocinfo().
 *
 * Returns the new area, on vmlist, nothing mapped yet; NULL if no hole is
 * big enough, @size is 0 or so big that the arithmetic would wrap, or
 * kmalloc() has no memory for the vm_struct.  It prints nothing: the
 * caller says what failed.
 *
 * The walk keeps a candidate address and moves it past every area that
 * reaches it; the first area wholly above it leaves a hole before it:
 *
 *   addr                          tmp->addr
 *    |<------- hole: fits? ------->|<---- tmp ---->|
 */
struct vm_struct *__get_vm_area(unsigned long size, unsigned long flags,
				unsigned long start, unsigned long end,
				unsigned long caller)
{
	unsigned long align = PAGE_SIZE, addr;
	struct vm_struct **p, *tmp, *area;

	if (flags & VM_IOREMAP) {
		/* fls() takes 32 bits, all of i386's unsigned long.  The host's
		 * 64-bit build may lose the top bits of a size of 4 GB or more,
		 * but the fit test below refuses such a size in any range. */
		unsigned int bit = fls(size);

		bit = max(min(bit, (unsigned int)IOREMAP_MAX_ORDER), (unsigned int)PAGE_SHIFT);
		align = 1ul << bit;
	}
	size = ALIGN(size, PAGE_SIZE);    /* 0 if size was 0, or within a page of wrapping */
	if (!size)
		return NULL;
	size += PAGE_SIZE;                /* the guard page */
	if (size < PAGE_SIZE)
		return NULL;                  /* wrapped */
	addr = ALIGN(start, align);
	if (addr < start)
		return NULL;

	for (p = &vmlist; (tmp = *p) != NULL; p = &tmp->next) {
		unsigned long tmp_start = (unsigned long)tmp->addr;
		unsigned long tmp_end = tmp_start + tmp->size;

		if (tmp_end <= addr)
			continue;                 /* wholly below the candidate */
		if (tmp_start >= addr && tmp_start - addr >= size)
			break;                    /* the hole before tmp fits */
		addr = ALIGN(tmp_end, align);
		if (addr < tmp_end || addr >= end)
			return NULL;              /* wrapped, or past the range */
	}
	/* Holes only get higher from here, so one that ends past @end fails. */
	if (addr > end || size > end - addr)
		return NULL;

	area = kmalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	area->addr = (void *)addr;
	area->size = size;
	area->flags = flags;
	area->pages = NULL;
	area->nr_pages = 0;
	area->phys_addr = 0;
	area->caller = caller;
	area->next = *p;                  /* before tmp: the list stays sorted */
	*p = area;
	return area;
}

/**
 * get_vm_area - reserve @size bytes and a guard page in the vmalloc area,
 * [VMALLOC_START, VMALLOC_END), for the function that called this one.
 */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return __get_vm_area(size, flags, VMALLOC_START, VMALLOC_END,
			     (unsigned long)__builtin_return_address(0));
}

struct vm_struct *find_vm_area(const void *addr)
{
	for (struct vm_struct *tmp = vmlist; tmp; tmp = tmp->next)
		if (tmp->addr == addr)
			return tmp;
	return NULL;
}

struct vm_struct *find_vm_area_covering(unsigned long addr)
{
	for (struct vm_struct *tmp = vmlist; tmp; tmp = tmp->next) {
		unsigned long start = (unsigned long)tmp->addr;

		if (start > addr)
			break;                    /* sorted: the rest are higher */
		if (addr - start < tmp->size)
			return tmp;
	}
	return NULL;
}

/**
 * remove_vm_area - take the area that starts at @addr off vmlist and unmap
 * it.  Returns it (the caller kfree()s the vm_struct: free_vm_area() does
 * both), or NULL if no area starts at @addr.  Its range becomes part of
 * the holes around it: that is all the merging there is.
 */
struct vm_struct *remove_vm_area(void *addr)
{
	struct vm_struct **p, *tmp;

	for (p = &vmlist; (tmp = *p) != NULL; p = &tmp->next) {
		if (tmp->addr == addr) {
			unmap_vm_area(tmp);
			*p = tmp->next;
			tmp->next = NULL;
			return tmp;
		}
	}
	return NULL;
}

/**
 * free_vm_area - unmap @area, take it off vmlist and free its vm_struct
 * (Linux 2.6.18); for areas from get_vm_area().  The pages it mapped are
 * the caller's.
 */
void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *ret = remove_vm_area(area->addr);

	BUG_ON(ret != area);
	kfree(area);
}

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/**
 * show_vmallocinfo - print each area as /proc/vmallocinfo does (2.6.25):
 *
 *   0xf8800000-0xf8802000    8192 test_fn+0x1c/0x80 pages=1 vmalloc
 *   0xf8804000-0xf8806000    8192 hpet_probe+0x2a/0x90 phys=fed00000 ioremap
 *
 * start-end (the guard page included), size, caller, then what is known:
 * pages=, phys=, and the kind.  No header line, as in Linux.
 */
void show_vmallocinfo(void)
{
	for (struct vm_struct *v = vmlist; v; v = v->next) {
		char line[256], sym[128];     /* at most ~220 characters: no truncation */
		int n;

		n = snprintf(line, sizeof(line), "0x%08lx-0x%08lx %7ld",
			     (unsigned long)v->addr, (unsigned long)v->addr + v->size,
			     (long)v->size);
		if (v->caller) {
			sprint_symbol(sym, sizeof(sym), v->caller);
			n += snprintf(line + n, sizeof(line) - n, " %s", sym);
		}
		if (v->nr_pages)
			n += snprintf(line + n, sizeof(line) - n, " pages=%u", v->nr_pages);
		if (v->phys_addr)
			n += snprintf(line + n, sizeof(line) - n, " phys=%lx",
				      (unsigned long)v->phys_addr);
		snprintf(line + n, sizeof(line) - n, "%s%s%s",
			 (v->flags & VM_IOREMAP) ? " ioremap" : "",
			 (v->flags & VM_ALLOC) ? " vmalloc" : "",
			 (v->flags & VM_MAP) ? " vmap" : "");
		printk("%s\n", line);
	}
}

/**
 * get_vmalloc_info - fill @vmi with what /proc/meminfo shows of the
 * vmalloc area: @vmi->used, the sum of vm->size of its areas (so each
 * counts its guard page), and @vmi->largest_chunk, the largest hole in
 * [VMALLOC_START, VMALLOC_END), before, between or after the areas.
 * Areas outside that range (none here today) are skipped.
 */
void get_vmalloc_info(struct vmalloc_info *vmi)
{
	unsigned long prev_end = VMALLOC_START;

	vmi->used = 0;
	vmi->largest_chunk = 0;
	for (struct vm_struct *vm = vmlist; vm; vm = vm->next) {
		unsigned long addr = (unsigned long)vm->addr;

		if (addr < VMALLOC_START || addr >= VMALLOC_END)
			continue;
		vmi->used += vm->size;
		vmi->largest_chunk = max(vmi->largest_chunk, addr - prev_end);
		prev_end = addr + vm->size;
	}
	vmi->largest_chunk = max(vmi->largest_chunk, VMALLOC_END - prev_end);
}
