/*
 * mm/mmap.c - a process's regions (VMAs): finding, adding, removing,
 * growing the heap with brk() and the stack on a fault, copying them for
 * fork, and listing them as /proc/PID/maps.
 *
 * The regions of an mm are a list sorted by address (mm->mmap), never
 * overlapping.  find_vma(mm, addr) returns the first region that ends
 * above addr: the one containing addr, or the next one up (which the
 * page-fault handler needs to grow a stack down to addr).
 *
 * Mirrors: mm/mmap.c find_vma(), insert_vm_struct(), do_munmap(),
 * sys_brk(), do_brk(), expand_stack(), exit_mmap(); kernel/fork.c
 * dup_mmap(); fs/proc/task_mmu.c show_map() (2.6.11).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/pgtable.h>

/* The stack may grow to 8 MB below TASK_SIZE (RLIMIT_STACK's default). */
#define STACK_LIMIT  (8u << 20)

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

/* The region just below @vma, or NULL. */
static struct vm_area_struct *find_vma_prev(struct mm_struct *mm,
					    const struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = NULL, *v;

	for (v = mm->mmap; v && v != vma; v = v->vm_next)
		prev = v;
	return prev;
}

/* A new region [start, end) with @flags, not yet in any list. */
struct vm_area_struct *vma_alloc(struct mm_struct *mm, unsigned long start,
				 unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	vma->vm_mm = mm;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_pgoff = start >> PAGE_SHIFT;
	return vma;
}

/* Link @vma into its mm's sorted list; -EINVAL if it overlaps another. */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct **link = &mm->mmap;

	if (vma->vm_start >= vma->vm_end || vma->vm_end > TASK_SIZE)
		return -EINVAL;
	while (*link && (*link)->vm_end <= vma->vm_start)
		link = &(*link)->vm_next;
	if (*link && (*link)->vm_start < vma->vm_end)
		return -EINVAL;
	vma->vm_next = *link;
	*link = vma;
	mm->map_count++;
	mm->total_vm += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	return 0;
}

static void remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct **link = &mm->mmap;

	while (*link != vma)
		link = &(*link)->vm_next;
	*link = vma->vm_next;
	mm->map_count--;
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	kfree(vma);
}

/*
 * do_munmap - unmap [start, start + len): whole regions inside it go,
 * regions overlapping an end are trimmed, a region around it is split.
 * Pages in the range are freed.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + len;
	struct vm_area_struct *vma, *next;

	if ((start & ~PAGE_MASK) || !len || (len & ~PAGE_MASK) || end > TASK_SIZE || end < start)
		return -EINVAL;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = next) {
		next = vma->vm_next;
		if (vma->vm_start < start && vma->vm_end > end) {       /* split */
			struct vm_area_struct *tail = vma_alloc(mm, end, vma->vm_end,
								vma->vm_flags);

			if (!tail)
				return -ENOMEM;
			tail->vm_pgoff = vma->vm_pgoff + ((end - vma->vm_start) >> PAGE_SHIFT);
			tail->vm_name = vma->vm_name;
			mm->total_vm -= (vma->vm_end - start) >> PAGE_SHIFT;
			vma->vm_end = start;
			zap_page_range(mm, start, end);
			return insert_vm_struct(mm, tail);
		}
		if (vma->vm_start >= start && vma->vm_end <= end) {     /* all of it */
			zap_page_range(mm, vma->vm_start, vma->vm_end);
			remove_vma(mm, vma);
		} else if (vma->vm_start < start) {                     /* its end */
			zap_page_range(mm, start, vma->vm_end);
			mm->total_vm -= (vma->vm_end - start) >> PAGE_SHIFT;
			vma->vm_end = start;
		} else {                                                /* its start */
			zap_page_range(mm, vma->vm_start, end);
			mm->total_vm -= (end - vma->vm_start) >> PAGE_SHIFT;
			vma->vm_pgoff += (end - vma->vm_start) >> PAGE_SHIFT;
			vma->vm_start = end;
		}
	}
	return 0;
}

/*
 * do_brk - make [addr, addr + len) an anonymous read-write region: the
 * heap.  It extends the region that ends at @addr if that is the heap
 * already, as 2.6's vma_merge() would.  No page is allocated: the first
 * touch of each one faults it in.
 */
static int do_brk(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma = find_vma(mm, addr - 1);

	if (vma && vma->vm_end == addr && !vma->vm_name &&
	    vma->vm_flags == (VM_READ | VM_WRITE)) {
		vma->vm_end += len;
		mm->total_vm += len >> PAGE_SHIFT;
		return 0;
	}
	vma = vma_alloc(mm, addr, addr + len, VM_READ | VM_WRITE);
	if (!vma)
		return -ENOMEM;
	if (insert_vm_struct(mm, vma)) {
		kfree(vma);
		return -ENOMEM;
	}
	return 0;
}

/*
 * brk(addr): move the end of the heap.  Returns the new break, or the old
 * one if the request is refused: below the heap's start, into another
 * region (the stack's 8 MB included, with a page to spare), or out of
 * memory.  Shrinking frees the pages at once.
 */
asmlinkage unsigned long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;

	if (brk < mm->start_brk || brk > TASK_SIZE - STACK_LIMIT - PAGE_SIZE)
		return mm->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk == oldbrk)
		goto set_brk;
	if (brk <= mm->brk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			return mm->brk;
		goto set_brk;
	}
	/* The new pages, and one more as a gap, must be free of regions. */
	{
		struct vm_area_struct *next = find_vma(mm, oldbrk);

		if (next && next->vm_start < newbrk + PAGE_SIZE)
			return mm->brk;
	}
	if (do_brk(mm, oldbrk, newbrk - oldbrk))
		return mm->brk;
set_brk:
	mm->brk = brk;
	return brk;
}

/*
 * expand_stack - a fault at @addr below the stack region @vma: extend the
 * region down to @addr's page, unless that passes STACK_LIMIT or reaches
 * the region below.  The caller has checked that @addr is near esp.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = find_vma_prev(mm, vma);
	unsigned long start = addr & PAGE_MASK;

	if (!(vma->vm_flags & VM_GROWSDOWN) || start >= vma->vm_start)
		return -EINVAL;
	if (vma->vm_end - start > STACK_LIMIT)
		return -ENOMEM;
	if (prev && prev->vm_end + PAGE_SIZE > start)
		return -ENOMEM;
	mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	vma->vm_pgoff = start >> PAGE_SHIFT;
	return 0;
}

/* A new, empty address space: the kernel half only. */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

/*
 * Free everything of @mm: pages, page tables, regions, directory.  @mm
 * must not be the running task's active_mm, which is the one in CR3
 * (context_switch(), exec and exit keep them together): the CPU would walk
 * freed page tables.
 */
void mmput(struct mm_struct *mm)
{
	BUG_ON(mm == current->active_mm);
	while (mm->mmap) {
		struct vm_area_struct *vma = mm->mmap;

		zap_page_range(mm, vma->vm_start, vma->vm_end);
		remove_vma(mm, vma);
	}
	free_pgtables(mm);
	BUG_ON(mm->rss || mm->nr_ptes || mm->total_vm || mm->map_count);
	pgd_free(mm->pgd);
	kfree(mm);
}

/* fork: a copy of @old, region by region and page by page. */
struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm)
		return NULL;
	{
		pgd_t *pgd = mm->pgd;

		*mm = *old;
		mm->pgd = pgd;
		mm->mmap = NULL;
		mm->map_count = 0;
		mm->total_vm = mm->rss = mm->nr_ptes = 0;
	}
	for (vma = old->mmap; vma; vma = vma->vm_next) {
		struct vm_area_struct *copy = vma_alloc(mm, vma->vm_start, vma->vm_end,
							vma->vm_flags);

		if (!copy)
			goto fail;
		copy->vm_pgoff = vma->vm_pgoff;
		copy->vm_name = vma->vm_name;
		if (insert_vm_struct(mm, copy)) {
			kfree(copy);
			goto fail;
		}
		if (copy_page_range(copy, vma))
			goto fail;
	}
	return mm;
fail:
	mmput(mm);
	return NULL;
}

/*
 * show_map - one line of /proc/PID/maps, in 2.6's format:
 *
 *   08048000-0804a000 r-xp 00000000 00:00 0          /usertests
 *   start    end      rights offset  dev   inode     name (column 50)
 *
 * Offsets of anonymous regions are their address in pages, as in Linux.
 * There are no files: device and inode are 0, and a program's segments
 * show the module's name.  Returns the characters written (at most
 * @size - 1, NUL included).
 */
static size_t show_map(const struct mm_struct *mm, const struct vm_area_struct *vma,
		       char *buf, size_t size)
{
	const char *name = NULL;
	size_t len;

	len = (size_t)snprintf(buf, size, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ",
			       vma->vm_start, vma->vm_end,
			       vma->vm_flags & VM_READ ? 'r' : '-',
			       vma->vm_flags & VM_WRITE ? 'w' : '-',
			       vma->vm_flags & VM_EXEC ? 'x' : '-',
			       vma->vm_flags & VM_SHARED ? 's' : 'p',
			       vma->vm_pgoff << PAGE_SHIFT, 0, 0, 0ul);
	if (vma->vm_name)
		name = vma->vm_name;
	else if (vma->vm_start <= mm->start_brk && vma->vm_end >= mm->brk)
		name = "[heap]";
	else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		name = "[stack]";
	/* snprintf() returns what it would have written: once a piece did
	 * not fit, stop, so that buf + len never passes the end. */
	if (name && len < size)  /* 2.6's pad_len_spaces(): the name in column 50 */
		len += (size_t)snprintf(buf + len, size - len, "%*s%s%s",
					len < 49 ? 49 - (int)len : 1, "",
					vma->vm_name ? "/" : "", name);
	if (len < size)
		len += (size_t)snprintf(buf + len, size - len, "\n");
	return len < size ? len : size - 1;
}

size_t mm_show_maps(const struct mm_struct *mm, char *buf, size_t size)
{
	const struct vm_area_struct *vma;
	size_t n = 0;

	if (size)
		buf[0] = 0;
	for (vma = mm->mmap; vma && n + 1 < size; vma = vma->vm_next)
		n += show_map(mm, vma, buf + n, size - n);
	return n;
}
