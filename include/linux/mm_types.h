/*
 * linux/mm_types.h - struct page: one per physical page frame (claim P5).
 *
 * mem_map[pfn] describes physical page pfn, for every pfn below max_pfn,
 * whether RAM, hole or reserved.  On i386 the struct is 32 bytes, as in
 * Linux 2.6, so mem_map costs 32/4096 = 0.8% of RAM: 24 MB for 3 GB.
 * Several fields mean different things in different states:
 *
 *   state        flags          _count  private           lru
 *   free         PG_buddy (head) 0      order of block    link in free_list
 *                (none: tail)    0      0                 unused
 *   allocated    PG_head if >0   >= 1   order allocated   owner's (slab, later)
 *                PG_tail (tail)  0      0
 *   reserved     PG_reserved     1      0                 unused
 *   in a slab    PG_slab (+head/ 1 (head) order allocated next: its kmem_cache,
 *                tail as above)                            prev: its struct slab
 *
 * A user page mapped by a page table is allocated and also has _mapcount
 * >= 0 (page_mapped()), mapping and index set (mm/rmap.c); freeing it
 * before it is unmapped is reported as a bad page.
 *
 * The zone a page belongs to is kept in the top bits of flags
 * (page_zonenum()), as Linux does, so no pointer is spent on it.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <asm/pgtable-2level.h>     /* pgd_t */

struct page {
	unsigned long flags;        /* PG_* bits; the zone number in the top bits */
	int _count;                 /* references: 0 while free */
	int _mapcount;              /* page-table mappings minus one: -1 unmapped */
	unsigned long private;      /* the order: of a free block (PG_buddy) or
				     * of an allocation (its head page) */
	void *mapping;              /* a mapped user page: its mm_struct |
				     * PAGE_MAPPING_ANON (mm/rmap.c); else NULL */
	unsigned long index;        /* a mapped user page: its page number in
				     * its region's numbering (vm_pgoff + ...) */
	struct list_head lru;       /* free_list link while free */
};

/*
 * A process's address space (claims U1, U6): its page directory and the
 * list of its regions ("VMAs"), sorted by address and never overlapping.
 * Everything a process may touch lies in some VMA; a fault anywhere else
 * kills it (arch/i386/mm/fault.c).  A region's pages are mapped only when
 * first touched (demand paging), except the program's own, which exec
 * copies in at once.
 *
 *   0x08048000  text   r-xp  the program's first PT_LOAD segment
 *               data   rw-p  its second: .data, then .bss
 *   start_brk   [heap] rw-p  grows up with brk()
 *               ...          nothing: a fault here kills the process
 *               [stack] rw-p VM_GROWSDOWN: grows down on a fault near esp
 *   TASK_SIZE   (0xC0000000: the kernel, never reachable from user mode)
 *
 * Mirrors: include/linux/mm.h struct vm_area_struct and
 * include/linux/sched.h struct mm_struct (2.6.11).  Omitted: the
 * red-black tree (a sorted list is enough for a handful of regions),
 * files, anon_vma and the reference counts of threads.
 */
#define VM_READ       0x0001u
#define VM_WRITE      0x0002u
#define VM_EXEC       0x0004u
#define VM_SHARED     0x0008u
#define VM_GROWSDOWN  0x0100u    /* the stack: extended downwards on a fault */

struct mm_struct;

struct vm_area_struct {
	struct mm_struct *vm_mm;
	unsigned long vm_start;            /* first byte */
	unsigned long vm_end;              /* one past the last byte */
	struct vm_area_struct *vm_next;    /* the next region up */
	unsigned long vm_flags;            /* VM_READ | VM_WRITE ... */
	unsigned long vm_pgoff;            /* file offset in pages; anonymous:
					    * vm_start >> PAGE_SHIFT, as Linux */
	const char *vm_name;               /* the program, for its segments
					    * (Linux: vm_file), or NULL */
};

struct mm_struct {
	struct vm_area_struct *mmap;       /* the regions, lowest first */
	int map_count;
	pgd_t *pgd;                        /* the page directory (lowmem, P7) */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long total_vm;            /* pages covered by regions */
	unsigned long rss;                 /* pages mapped now */
	unsigned long nr_ptes;             /* page tables of the user half */
};

#endif /* _LINUX_MM_TYPES_H */
