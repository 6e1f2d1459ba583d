/*
 * tests/unit/test_mmap.c - a process's regions (mm/mmap.c): the sorted
 * list and its counters, find_vma(), do_munmap()'s four cases, the heap
 * through sys_brk(), expand_stack(), mm_alloc()/mmput(), dup_mm() for
 * fork, and /proc/PID/maps.
 *
 * mm/mmap.c is compiled unchanged.  What it calls in mm/memory.c and the
 * arch code has no page tables to work on here, so the stubs below record
 * what they were asked: zap_page_range() logs each [start, end), so a test
 * can insist that shrinking the heap freed exactly the released pages;
 * copy_page_range() logs each (copy, original) pair and fails on the Nth
 * call when a test asks it to; pgd_alloc() gives a zeroed page of the
 * host's heap and counts the directories alive.  No page is ever mapped,
 * so rss and nr_ptes stay 0, as mmput() insists they end.
 *
 * The regions and mm_structs come from the real kmalloc() (mm/kmalloc.c,
 * mm/slab.c) over a one-zone machine of 1024 pages, as in test_vmalloc.c:
 * a test that ends with expect_nothing_leaked() has given back every
 * region, mm_struct and page directory, or a slab page stays in use.
 *
 * `current` is host_current_task (tests/unit/include/asm/current.h,
 * tests/unit/host_stubs.c): sys_brk() works on the mm of the task a test
 * points it at, and mmput() refuses that task's active_mm.
 */
#include <linux/errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <asm/pgtable.h>
#include "unit.h"

#define PG          ((unsigned long)PAGE_SIZE)
#define NR_PAGES    1024                     /* the machine's RAM: 4 MB */
#define STACK_LIMIT (8ul << 20)              /* mm/mmap.c's, RLIMIT_STACK */

/* A process as exec leaves it (kernel/exec.c): text, data, stack; no heap. */
#define TEXT_START  0x08048000ul
#define DATA_START  0x0804a000ul
#define DATA_END    0x0804b000ul             /* = start_brk */
#define STACK_START 0xbfffe000ul
#define START_STACK 0xbffffe80ul             /* argv and envp above it */

extern unsigned char *host_page_arena;       /* host_stubs.c: page_address() */
extern void *high_memory;

asmlinkage unsigned long sys_brk(unsigned long brk);

static struct page *map;
static unsigned long free_at_start;          /* free pages after setup */
static struct task_struct task;              /* current, for sys_brk() */

/* ---- the stubs: what mm/mmap.c asks of mm/memory.c and the arch ---- */

#define MAX_LOG 64

static struct zap {
	struct mm_struct *mm;
	unsigned long start, end;
} zap_log[MAX_LOG];
static unsigned int nr_zaps;

static struct copy {
	struct vm_area_struct *dst;
	const struct vm_area_struct *src;
} copy_log[MAX_LOG];
static unsigned int nr_copies;
static unsigned int copy_fail_at;            /* the call (1, 2 ...) that fails; 0: none */

static struct mm_struct *pgtables_freed_of;
static unsigned int nr_free_pgtables;
static int pgds_alive;
static bool pgd_alloc_fails;

void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	ck_assert_uint_lt(nr_zaps, MAX_LOG);
	zap_log[nr_zaps++] = (struct zap){ mm, start, end };
}

void free_pgtables(struct mm_struct *mm)
{
	pgtables_freed_of = mm;
	nr_free_pgtables++;
}

int copy_page_range(struct vm_area_struct *dst, const struct vm_area_struct *src)
{
	ck_assert_uint_lt(nr_copies, MAX_LOG);
	copy_log[nr_copies++] = (struct copy){ dst, src };
	return nr_copies == copy_fail_at ? -ENOMEM : 0;
}

pgd_t *pgd_alloc(void)
{
	pgd_t *pgd;

	if (pgd_alloc_fails)
		return NULL;
	pgd = aligned_alloc(PAGE_SIZE, PAGE_SIZE);
	ck_assert_ptr_nonnull(pgd);
	memset(pgd, 0, PAGE_SIZE);
	ck_assert(virt_addr_valid_lowmem((unsigned long)pgd));   /* __pa() takes it */
	pgds_alive++;
	return pgd;
}

void pgd_free(pgd_t *pgd)
{
	ck_assert_int_gt(pgds_alive, 0);
	pgds_alive--;
	free(pgd);
}

/* ---- the machine ---- */

static unsigned long free_pages_now(void)
{
	kmem_cache_shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

static void setup(void)
{
	static const unsigned long zones[MAX_NR_ZONES] = { NR_PAGES, 0, 0 };

	host_machine_boot(zones);
	map = host_machine_map;
	kmem_cache_init();
	/* Every host heap address is "lowmem", so mmput()'s __pa(mm->pgd) works. */
	high_memory = (void *)~0ul;
	nr_zaps = nr_copies = copy_fail_at = nr_free_pgtables = 0;
	pgtables_freed_of = NULL;
	pgds_alive = 0;
	pgd_alloc_fails = false;
	memset(&task, 0, sizeof(task));
	host_current_task = &task;
	host_log_reset();
	free_at_start = free_pages_now();
}

static void teardown(void)
{
	host_current_task = &host_init_task;
	high_memory = NULL;
	host_machine_free();
	map = NULL;
}

/* Every region, mm_struct and page directory given back; nothing printed. */
static void expect_nothing_leaked(void)
{
	ck_assert_int_eq(pgds_alive, 0);
	ck_assert_uint_eq(free_pages_now(), free_at_start);
	if (*host_log())
		ck_abort_msg("unexpected output:\n%.600s", host_log());
}

/* ---- building and reading address spaces ---- */

/* A new empty mm, checked. */
static struct mm_struct *new_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	ck_assert_ptr_nonnull(mm);
	ck_assert_ptr_null(mm->mmap);
	ck_assert_int_eq(mm->map_count, 0);
	ck_assert_uint_eq(mm->total_vm, 0);
	ck_assert_ptr_nonnull(mm->pgd);
	return mm;
}

/* Region [start, end) with @flags, inserted; fails the test if refused. */
static struct vm_area_struct *add(struct mm_struct *mm, unsigned long start,
				  unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = vma_alloc(mm, start, end, flags);

	ck_assert_ptr_nonnull(vma);
	if (insert_vm_struct(mm, vma))
		ck_abort_msg("insert of %08lx-%08lx refused", start, end);
	return vma;
}

/* insert_vm_struct() of a new [start, end); frees the region if refused. */
static int try_insert(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = vma_alloc(mm, start, end, VM_READ);
	int err;

	ck_assert_ptr_nonnull(vma);
	err = insert_vm_struct(mm, vma);
	if (err)
		kfree(vma);
	return err;
}

/*
 * The list is what it must always be: sorted, no overlap, no empty region,
 * all below TASK_SIZE, each pointing back at @mm, and map_count and
 * total_vm (in pages) agreeing with it.
 */
static void expect_consistent(const struct mm_struct *mm)
{
	unsigned long pages = 0, last_end = 0;
	int count = 0;

	for (const struct vm_area_struct *v = mm->mmap; v; v = v->vm_next) {
		ck_assert_ptr_eq(v->vm_mm, mm);
		ck_assert_uint_lt(v->vm_start, v->vm_end);
		ck_assert_uint_ge(v->vm_start, last_end);
		ck_assert_uint_le(v->vm_end, TASK_SIZE);
		ck_assert_uint_eq(v->vm_start & ~PAGE_MASK, 0);
		ck_assert_uint_eq(v->vm_end & ~PAGE_MASK, 0);
		last_end = v->vm_end;
		pages += (v->vm_end - v->vm_start) / PG;
		count++;
	}
	ck_assert_int_eq(mm->map_count, count);
	ck_assert_uint_eq(mm->total_vm, pages);
}

/* The regions of @mm as "start-end start-end ...", after checking the list. */
static const char *regions(const struct mm_struct *mm)
{
	static char buf[1024];
	size_t n = 0;

	expect_consistent(mm);
	buf[0] = '\0';
	for (const struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%08lx-%08lx", n ? " " : "",
			      v->vm_start, v->vm_end);
	return buf;
}

/* The ranges zap_page_range() was asked for since the last call, "start-end ...". */
static const char *zaps(const struct mm_struct *mm)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = '\0';
	for (unsigned int i = 0; i < nr_zaps; i++) {
		ck_assert_ptr_eq(zap_log[i].mm, mm);
		n += snprintf(buf + n, sizeof(buf) - n, "%s%08lx-%08lx", n ? " " : "",
			      zap_log[i].start, zap_log[i].end);
	}
	nr_zaps = 0;
	return buf;
}

static struct vm_area_struct *nth(const struct mm_struct *mm, int n)
{
	struct vm_area_struct *v = mm->mmap;

	while (v && n--)
		v = v->vm_next;
	ck_assert_ptr_nonnull(v);
	return v;
}

/*
 * A process as exec leaves it, current's mm:
 *   08048000-0804a000 r-xp text, file offset 0      "prog"
 *   0804a000-0804b000 rw-p data, file offset 0x2000 "prog"
 *   start_brk = brk = 0804b000 (no heap region yet)
 *   bfffe000-c0000000 rw-p stack, VM_GROWSDOWN
 */
static struct mm_struct *new_process(void)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *text, *data;

	text = add(mm, TEXT_START, DATA_START, VM_READ | VM_EXEC);
	text->vm_pgoff = 0;
	text->vm_name = "prog";
	data = add(mm, DATA_START, DATA_END, VM_READ | VM_WRITE);
	data->vm_pgoff = 2;
	data->vm_name = "prog";
	add(mm, STACK_START, TASK_SIZE, VM_READ | VM_WRITE | VM_GROWSDOWN);
	mm->start_brk = mm->brk = DATA_END;
	mm->start_stack = START_STACK;
	task.mm = task.active_mm = mm;
	return mm;
}

static void free_process(struct mm_struct *mm)
{
	task.mm = task.active_mm = NULL;
	mmput(mm);
	nr_zaps = 0;
	expect_nothing_leaked();
}

/* ---- insert_vm_struct(), vma_alloc(), find_vma() ---- */

/* Expect a new region to know its mm, range, flags, and its address as pgoff. */
START_TEST(vma_alloc_fills_in_the_region)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma = vma_alloc(mm, 0x40000000, 0x40003000, VM_READ | VM_WRITE);

	ck_assert_ptr_nonnull(vma);
	ck_assert_ptr_eq(vma->vm_mm, mm);
	ck_assert_uint_eq(vma->vm_start, 0x40000000);
	ck_assert_uint_eq(vma->vm_end, 0x40003000);
	ck_assert_uint_eq(vma->vm_flags, VM_READ | VM_WRITE);
	ck_assert_uint_eq(vma->vm_pgoff, 0x40000);
	ck_assert_ptr_null(vma->vm_next);
	ck_assert_ptr_null(vma->vm_name);
	ck_assert_ptr_null(mm->mmap);              /* not linked yet */
	kfree(vma);
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/* Inserted in any order, expect the list sorted and the counters summed. */
START_TEST(insert_keeps_the_list_sorted_and_counts_pages)
{
	struct mm_struct *mm = new_mm();

	add(mm, 0x40000000, 0x40002000, VM_READ);
	ck_assert_int_eq(mm->map_count, 1);
	ck_assert_uint_eq(mm->total_vm, 2);
	add(mm, 0xbfff0000, 0xc0000000, VM_READ);
	add(mm, 0x08048000, 0x08049000, VM_READ);
	add(mm, 0x50000000, 0x50005000, VM_READ);
	ck_assert_str_eq(regions(mm),
			 "08048000-08049000 40000000-40002000 50000000-50005000 bfff0000-c0000000");
	ck_assert_int_eq(mm->map_count, 4);
	ck_assert_uint_eq(mm->total_vm, 1 + 2 + 5 + 16);
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/*
 * Around [0x40002000, 0x40005000): every overlap (the same range, either
 * end, inside, around, one page of it) is refused with -EINVAL and
 * changes nothing; regions touching it on either side are accepted.
 */
START_TEST(insert_refuses_overlaps_and_accepts_touching_regions)
{
	static const unsigned long overlaps[][2] = {
		{ 0x40002000, 0x40005000 }, { 0x40001000, 0x40003000 },
		{ 0x40004000, 0x40006000 }, { 0x40003000, 0x40004000 },
		{ 0x40000000, 0x40008000 }, { 0x40002000, 0x40003000 },
		{ 0x40004000, 0x40005000 },
	};
	struct mm_struct *mm = new_mm();

	add(mm, 0x40002000, 0x40005000, VM_READ);
	for (unsigned int i = 0; i < ARRAY_SIZE(overlaps); i++) {
		if (try_insert(mm, overlaps[i][0], overlaps[i][1]) != -EINVAL)
			ck_abort_msg("%08lx-%08lx over 40002000-40005000 not refused",
				     overlaps[i][0], overlaps[i][1]);
		ck_assert_str_eq(regions(mm), "40002000-40005000");
	}
	ck_assert_int_eq(try_insert(mm, 0x40005000, 0x40006000), 0);
	ck_assert_int_eq(try_insert(mm, 0x40001000, 0x40002000), 0);
	ck_assert_str_eq(regions(mm), "40001000-40002000 40002000-40005000 40005000-40006000");
	/* A hole of one page between two regions takes exactly one page. */
	add(mm, 0x40007000, 0x40008000, VM_READ);
	ck_assert_int_eq(try_insert(mm, 0x40006000, 0x40008000), -EINVAL);
	ck_assert_int_eq(try_insert(mm, 0x40005000, 0x40007000), -EINVAL);
	ck_assert_int_eq(try_insert(mm, 0x40006000, 0x40007000), 0);
	ck_assert_int_eq(mm->map_count, 5);
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/* Empty and backwards regions, and any byte at or above TASK_SIZE: -EINVAL. */
START_TEST(insert_refuses_empty_regions_and_kernel_addresses)
{
	struct mm_struct *mm = new_mm();

	ck_assert_int_eq(try_insert(mm, 0x40000000, 0x40000000), -EINVAL);
	ck_assert_int_eq(try_insert(mm, 0x40001000, 0x40000000), -EINVAL);
	ck_assert_int_eq(try_insert(mm, TASK_SIZE - PG, TASK_SIZE + PG), -EINVAL);
	ck_assert_int_eq(try_insert(mm, TASK_SIZE, TASK_SIZE + PG), -EINVAL);
	ck_assert_str_eq(regions(mm), "");
	ck_assert_int_eq(try_insert(mm, TASK_SIZE - PG, TASK_SIZE), 0);   /* the last page */
	ck_assert_str_eq(regions(mm), "bffff000-c0000000");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/* find_vma(): the region holding the address, else the next one up, else NULL. */
START_TEST(find_vma_returns_the_region_containing_or_above)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *a, *b;

	ck_assert_ptr_null(find_vma(mm, 0x40000000));
	a = add(mm, 0x40000000, 0x40002000, VM_READ);
	b = add(mm, 0x40005000, 0x40006000, VM_READ);
	ck_assert_ptr_eq(find_vma(mm, 0), a);
	ck_assert_ptr_eq(find_vma(mm, 0x3fffffff), a);
	ck_assert_ptr_eq(find_vma(mm, 0x40000000), a);
	ck_assert_ptr_eq(find_vma(mm, 0x40001fff), a);
	ck_assert_ptr_eq(find_vma(mm, 0x40002000), b);    /* the end is not in it */
	ck_assert_ptr_eq(find_vma(mm, 0x40004fff), b);
	ck_assert_ptr_eq(find_vma(mm, 0x40005fff), b);
	ck_assert_ptr_null(find_vma(mm, 0x40006000));
	ck_assert_ptr_null(find_vma(mm, 0xffffffff));
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/* ---- do_munmap() ---- */

/* A range exactly one region: it goes, its pages are zapped, its neighbours stay. */
START_TEST(munmap_of_a_whole_region_removes_it)
{
	struct mm_struct *mm = new_mm();

	add(mm, 0x40000000, 0x40001000, VM_READ);
	add(mm, 0x40001000, 0x40004000, VM_READ);
	add(mm, 0x40004000, 0x40005000, VM_READ);
	ck_assert_int_eq(do_munmap(mm, 0x40001000, 3 * PG), 0);
	ck_assert_str_eq(regions(mm), "40000000-40001000 40004000-40005000");
	ck_assert_str_eq(zaps(mm), "40001000-40004000");
	ck_assert_uint_eq(mm->total_vm, 2);
	ck_assert_int_eq(do_munmap(mm, 0x40000000, PG), 0);
	ck_assert_int_eq(do_munmap(mm, 0x40004000, PG), 0);
	ck_assert_str_eq(regions(mm), "");
	ck_assert_str_eq(zaps(mm), "40000000-40001000 40004000-40005000");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/* The top of a region: it ends at start, its pgoff and flags unchanged. */
START_TEST(munmap_of_the_end_trims_the_region)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma = add(mm, 0x40000000, 0x40006000, VM_READ | VM_WRITE);

	vma->vm_pgoff = 7;
	ck_assert_int_eq(do_munmap(mm, 0x40004000, 2 * PG), 0);
	ck_assert_str_eq(regions(mm), "40000000-40004000");
	ck_assert_ptr_eq(mm->mmap, vma);
	ck_assert_uint_eq(vma->vm_pgoff, 7);
	ck_assert_uint_eq(vma->vm_flags, VM_READ | VM_WRITE);
	ck_assert_uint_eq(mm->total_vm, 4);
	ck_assert_str_eq(zaps(mm), "40004000-40006000");
	/* Past the end too: only the part inside the region is zapped. */
	ck_assert_int_eq(do_munmap(mm, 0x40003000, 5 * PG), 0);
	ck_assert_str_eq(regions(mm), "40000000-40003000");
	ck_assert_str_eq(zaps(mm), "40003000-40004000");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/*
 * The bottom of a region: it starts at end, and its pgoff moves up by the
 * pages cut (from its own pgoff, which for a file segment is not its
 * address: 3 here).
 */
START_TEST(munmap_of_the_start_trims_the_region_and_moves_pgoff)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma = add(mm, 0x40000000, 0x40006000, VM_READ);

	vma->vm_pgoff = 3;
	ck_assert_int_eq(do_munmap(mm, 0x40000000, 2 * PG), 0);
	ck_assert_str_eq(regions(mm), "40002000-40006000");
	ck_assert_uint_eq(vma->vm_pgoff, 5);
	ck_assert_uint_eq(mm->total_vm, 4);
	ck_assert_str_eq(zaps(mm), "40000000-40002000");
	/* From below the region: only the part inside it is zapped. */
	ck_assert_int_eq(do_munmap(mm, 0x3fffe000, 5 * PG), 0);
	ck_assert_str_eq(regions(mm), "40003000-40006000");
	ck_assert_uint_eq(vma->vm_pgoff, 6);
	ck_assert_str_eq(zaps(mm), "40002000-40003000");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/*
 * A hole in the middle: the region keeps its bottom, a new region holds
 * its top with the same flags and name, and the pgoff the top had (the
 * original's + the pages below it), exactly the hole zapped.
 */
START_TEST(munmap_in_the_middle_splits_the_region)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma = add(mm, 0x40000000, 0x40008000, VM_READ | VM_EXEC);
	struct vm_area_struct *above = add(mm, 0x50000000, 0x50001000, VM_READ);
	struct vm_area_struct *tail;

	vma->vm_pgoff = 1;
	vma->vm_name = "prog";
	ck_assert_int_eq(do_munmap(mm, 0x40002000, 3 * PG), 0);
	ck_assert_str_eq(regions(mm), "40000000-40002000 40005000-40008000 50000000-50001000");
	ck_assert_uint_eq(mm->total_vm, 2 + 3 + 1);
	ck_assert_str_eq(zaps(mm), "40002000-40005000");
	ck_assert_ptr_eq(mm->mmap, vma);
	ck_assert_uint_eq(vma->vm_pgoff, 1);
	tail = vma->vm_next;
	ck_assert_ptr_ne(tail, vma);
	ck_assert_ptr_eq(tail->vm_next, above);
	ck_assert_uint_eq(tail->vm_pgoff, 1 + 5);
	ck_assert_uint_eq(tail->vm_flags, VM_READ | VM_EXEC);
	ck_assert_str_eq(tail->vm_name, "prog");
	/* One page out of each end of the hole: a split of a split. */
	ck_assert_int_eq(do_munmap(mm, 0x40006000, PG), 0);
	ck_assert_str_eq(regions(mm),
			 "40000000-40002000 40005000-40006000 40007000-40008000 50000000-50001000");
	ck_assert_uint_eq(nth(mm, 2)->vm_pgoff, 1 + 7);
	ck_assert_str_eq(zaps(mm), "40006000-40007000");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/*
 * One range over five regions and the holes between them: the first
 * trimmed at its end, the three inside removed, the last trimmed at its
 * start; only the regions' pages zapped, not the holes.
 */
START_TEST(munmap_across_regions_trims_and_removes_each)
{
	struct mm_struct *mm = new_mm();

	add(mm, 0x40000000, 0x40004000, VM_READ);
	add(mm, 0x40005000, 0x40006000, VM_READ);
	add(mm, 0x40006000, 0x40008000, VM_READ);
	add(mm, 0x4000a000, 0x4000b000, VM_READ);
	add(mm, 0x4000c000, 0x40010000, VM_READ);
	add(mm, 0x40020000, 0x40021000, VM_READ);
	ck_assert_int_eq(do_munmap(mm, 0x40002000, 0x4000e000 - 0x40002000), 0);
	ck_assert_str_eq(regions(mm), "40000000-40002000 4000e000-40010000 40020000-40021000");
	ck_assert_uint_eq(nth(mm, 1)->vm_pgoff, 0x4000e);
	ck_assert_uint_eq(mm->total_vm, 2 + 2 + 1);
	ck_assert_str_eq(zaps(mm), "40002000-40004000 40005000-40006000 40006000-40008000 "
				   "4000a000-4000b000 4000c000-4000e000");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/* A range with no region in it: 0, nothing zapped, nothing changed. */
START_TEST(munmap_of_a_hole_does_nothing)
{
	struct mm_struct *mm = new_mm();

	add(mm, 0x40000000, 0x40001000, VM_READ);
	add(mm, 0x40005000, 0x40006000, VM_READ);
	ck_assert_int_eq(do_munmap(mm, 0x40001000, 4 * PG), 0);
	ck_assert_int_eq(do_munmap(mm, 0x50000000, 4 * PG), 0);
	ck_assert_str_eq(regions(mm), "40000000-40001000 40005000-40006000");
	ck_assert_str_eq(zaps(mm), "");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/*
 * Unaligned start or length, an end past TASK_SIZE, a range that wraps
 * around the top of the address space: -EINVAL, and not a page touched.
 */
START_TEST(munmap_refuses_unaligned_and_wrapping_ranges)
{
	struct mm_struct *mm = new_mm();

	add(mm, 0x40000000, 0x40004000, VM_READ);
	add(mm, 0xbfffe000, 0xc0000000, VM_READ);
	ck_assert_int_eq(do_munmap(mm, 0x40000800, PG), -EINVAL);
	ck_assert_int_eq(do_munmap(mm, 0x40001000, PG + 1), -EINVAL);
	ck_assert_int_eq(do_munmap(mm, 0x40001000, 0x800), -EINVAL);
	ck_assert_int_eq(do_munmap(mm, 0xbfffe000, 3 * PG), -EINVAL);
	ck_assert_int_eq(do_munmap(mm, TASK_SIZE, PG), -EINVAL);
	/* start + len wraps around to 0x40001000, below start: not [0x40002000, 0x40001000). */
	ck_assert_int_eq(do_munmap(mm, 0x40002000, 0ul - PG), -EINVAL);
	ck_assert_str_eq(regions(mm), "40000000-40004000 bfffe000-c0000000");
	ck_assert_str_eq(zaps(mm), "");
	/* The top page itself is fine. */
	ck_assert_int_eq(do_munmap(mm, 0xbffff000, PG), 0);
	ck_assert_str_eq(regions(mm), "40000000-40004000 bfffe000-bffff000");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/*
 * An empty range inside a region: Linux 2.6's do_munmap() refuses a
 * length of 0 with -EINVAL; expect that, and the region left whole (not
 * split into two regions that touch).
 */
START_TEST(munmap_of_nothing_is_refused_and_splits_nothing)
{
	struct mm_struct *mm = new_mm();

	add(mm, 0x40000000, 0x40004000, VM_READ);
	ck_assert_int_eq(do_munmap(mm, 0x40002000, 0), -EINVAL);
	ck_assert_int_eq(do_munmap(mm, 0x40000000, 0), -EINVAL);
	ck_assert_str_eq(regions(mm), "40000000-40004000");
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/* A split with no memory for the new region: -ENOMEM, and the region untouched. */
START_TEST(munmap_split_without_memory_changes_nothing)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma = add(mm, 0x40000000, 0x40004000, VM_READ);
	void **hoard = NULL, *p;
	size_t n = 0, cap = 0;

	while ((p = kmalloc(sizeof(struct vm_area_struct), GFP_KERNEL | __GFP_NOWARN))) {
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			hoard = realloc(hoard, cap * sizeof(*hoard));
			ck_assert_ptr_nonnull(hoard);
		}
		hoard[n++] = p;
	}
	host_log_reset();
	ck_assert_int_eq(do_munmap(mm, 0x40001000, PG), -ENOMEM);
	ck_assert_ptr_eq(mm->mmap, vma);
	ck_assert_str_eq(regions(mm), "40000000-40004000");
	ck_assert_str_eq(zaps(mm), "");
	while (n)
		kfree(hoard[--n]);
	free(hoard);
	host_log_reset();
	mmput(mm);
	expect_nothing_leaked();
}
END_TEST

/* ---- sys_brk() ---- */

/* The first brk() past start_brk: one anonymous rw region, the heap. */
START_TEST(brk_growth_creates_one_heap_region)
{
	struct mm_struct *mm = new_process();
	struct vm_area_struct *heap;

	ck_assert_uint_eq(sys_brk(DATA_END + 0x2800), DATA_END + 0x2800);
	ck_assert_uint_eq(mm->brk, DATA_END + 0x2800);
	ck_assert_uint_eq(mm->start_brk, DATA_END);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804e000 bfffe000-c0000000");
	heap = nth(mm, 2);
	ck_assert_uint_eq(heap->vm_flags, VM_READ | VM_WRITE);
	ck_assert_ptr_null(heap->vm_name);
	ck_assert_uint_eq(heap->vm_pgoff, DATA_END >> PAGE_SHIFT);
	ck_assert_uint_eq(mm->total_vm, 2 + 1 + 3 + 2);
	ck_assert_str_eq(zaps(mm), "");
	free_process(mm);
}
END_TEST

/* More brk(): the same heap region grows; no second region. */
START_TEST(brk_growth_extends_the_heap)
{
	struct mm_struct *mm = new_process();
	struct vm_area_struct *heap;

	ck_assert_uint_eq(sys_brk(DATA_END + PG), DATA_END + PG);
	heap = nth(mm, 2);
	ck_assert_uint_eq(sys_brk(DATA_END + 4 * PG + 1), DATA_END + 4 * PG + 1);
	ck_assert_uint_eq(sys_brk(DATA_END + 6 * PG), DATA_END + 6 * PG);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-08051000 bfffe000-c0000000");
	ck_assert_ptr_eq(nth(mm, 2), heap);
	ck_assert_int_eq(mm->map_count, 4);
	ck_assert_uint_eq(mm->total_vm, 2 + 1 + 6 + 2);
	free_process(mm);
}
END_TEST

/*
 * A break moving inside its last page (up or down) or inside the page
 * that holds start_brk: the new break is returned and kept, and no
 * page is added or freed.
 */
START_TEST(brk_within_a_page_moves_only_the_break)
{
	struct mm_struct *mm = new_process();

	ck_assert_uint_eq(sys_brk(DATA_END + 0x10), DATA_END + 0x10);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804c000 bfffe000-c0000000");
	ck_assert_uint_eq(sys_brk(DATA_END + 0xff0), DATA_END + 0xff0);
	ck_assert_uint_eq(sys_brk(DATA_END + 0x1000), DATA_END + 0x1000);
	ck_assert_uint_eq(sys_brk(DATA_END + 0x800), DATA_END + 0x800);
	ck_assert_uint_eq(mm->brk, DATA_END + 0x800);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804c000 bfffe000-c0000000");
	ck_assert_str_eq(zaps(mm), "");
	free_process(mm);

	/* start_brk in the middle of the data segment's last page. */
	mm = new_process();
	mm->start_brk = mm->brk = DATA_END - 0x234;
	ck_assert_uint_eq(sys_brk(DATA_END - 0x10), DATA_END - 0x10);
	ck_assert_uint_eq(sys_brk(DATA_END), DATA_END);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 bfffe000-c0000000");
	ck_assert_uint_eq(sys_brk(DATA_END - 0x234), DATA_END - 0x234);
	ck_assert_str_eq(zaps(mm), "");
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 bfffe000-c0000000");
	free_process(mm);
}
END_TEST

/*
 * Shrinking: exactly the pages wholly above the new break are zapped and
 * leave the heap, which stays while it holds a page.
 */
START_TEST(brk_shrink_frees_exactly_the_released_pages)
{
	struct mm_struct *mm = new_process();

	ck_assert_uint_eq(sys_brk(DATA_END + 8 * PG), DATA_END + 8 * PG);
	ck_assert_uint_eq(sys_brk(DATA_END + 5 * PG + 0x10), DATA_END + 5 * PG + 0x10);
	ck_assert_str_eq(zaps(mm), "08051000-08053000");
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-08051000 bfffe000-c0000000");
	ck_assert_uint_eq(mm->brk, DATA_END + 5 * PG + 0x10);
	ck_assert_uint_eq(sys_brk(DATA_END + PG), DATA_END + PG);
	ck_assert_str_eq(zaps(mm), "0804c000-08051000");
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804c000 bfffe000-c0000000");
	ck_assert_uint_eq(mm->total_vm, 2 + 1 + 1 + 2);
	free_process(mm);
}
END_TEST

/* Back to start_brk: the heap region goes, its pages zapped; then it can grow again. */
START_TEST(brk_back_to_start_removes_the_heap)
{
	struct mm_struct *mm = new_process();

	ck_assert_uint_eq(sys_brk(DATA_END + 3 * PG - 1), DATA_END + 3 * PG - 1);
	ck_assert_uint_eq(sys_brk(DATA_END), DATA_END);
	ck_assert_str_eq(zaps(mm), "0804b000-0804e000");
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 bfffe000-c0000000");
	ck_assert_uint_eq(mm->brk, DATA_END);
	ck_assert_uint_eq(sys_brk(DATA_END + PG), DATA_END + PG);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804c000 bfffe000-c0000000");
	free_process(mm);
}
END_TEST

/*
 * Below start_brk, and above the highest break allowed (8 MB of stack
 * and a page of gap below TASK_SIZE): refused, the old break returned,
 * nothing changed.  The highest break itself is allowed.
 */
START_TEST(brk_below_start_or_too_high_is_refused)
{
	const unsigned long top = TASK_SIZE - STACK_LIMIT - PG;     /* 0xbf7ff000 */
	struct mm_struct *mm = new_process();

	ck_assert_uint_eq(sys_brk(DATA_END + PG), DATA_END + PG);
	ck_assert_uint_eq(sys_brk(DATA_END - 1), DATA_END + PG);
	ck_assert_uint_eq(sys_brk(0), DATA_END + PG);
	ck_assert_uint_eq(sys_brk(top + 1), DATA_END + PG);
	ck_assert_uint_eq(sys_brk(TASK_SIZE), DATA_END + PG);
	ck_assert_uint_eq(sys_brk(0xfffff000), DATA_END + PG);
	ck_assert_uint_eq(sys_brk(~0ul), DATA_END + PG);
	ck_assert_uint_eq(mm->brk, DATA_END + PG);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804c000 bfffe000-c0000000");
	ck_assert_str_eq(zaps(mm), "");
	ck_assert_uint_eq(sys_brk(top), top);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-bf7ff000 bfffe000-c0000000");
	free_process(mm);
}
END_TEST

/*
 * A region above the heap (here a mapping at 0x08050000): the heap may
 * grow to a page below it and no further; the break that would need the
 * last page of the gap is refused and changes nothing.
 */
START_TEST(brk_stops_a_page_short_of_the_next_region)
{
	struct mm_struct *mm = new_process();

	add(mm, 0x08050000, 0x08051000, VM_READ | VM_WRITE);
	ck_assert_uint_eq(sys_brk(0x0804f001), DATA_END);
	ck_assert_uint_eq(sys_brk(0x08050000), DATA_END);
	ck_assert_uint_eq(sys_brk(0x08060000), DATA_END);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "08050000-08051000 bfffe000-c0000000");
	ck_assert_uint_eq(sys_brk(0x0804c000), 0x0804c000);
	ck_assert_uint_eq(sys_brk(0x0804f001), 0x0804c000);
	ck_assert_uint_eq(sys_brk(0x0804f000), 0x0804f000);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 0804b000-0804f000 "
				      "08050000-08051000 bfffe000-c0000000");
	ck_assert_uint_eq(mm->brk, 0x0804f000);
	free_process(mm);
}
END_TEST

/*
 * The heap joins an anonymous rw region that ends at start_brk (2.6's
 * vma_merge()), but never a program's segment, nor a region of other
 * rights; and shrinking back gives the joined region its old end.
 */
START_TEST(brk_merges_only_with_an_anonymous_rw_region_below)
{
	struct mm_struct *mm = new_process();
	struct vm_area_struct *bss;

	bss = add(mm, DATA_END, DATA_END + PG, VM_READ | VM_WRITE);      /* .bss */
	mm->start_brk = mm->brk = DATA_END + PG;
	ck_assert_uint_eq(sys_brk(DATA_END + 3 * PG), DATA_END + 3 * PG);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804e000 bfffe000-c0000000");
	ck_assert_ptr_eq(nth(mm, 2), bss);
	ck_assert_uint_eq(sys_brk(DATA_END + PG), DATA_END + PG);
	ck_assert_str_eq(zaps(mm), "0804c000-0804e000");
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804c000 bfffe000-c0000000");
	free_process(mm);

	mm = new_process();
	bss = add(mm, DATA_END, DATA_END + PG, VM_READ);                  /* read-only */
	mm->start_brk = mm->brk = DATA_END + PG;
	ck_assert_uint_eq(sys_brk(DATA_END + 2 * PG), DATA_END + 2 * PG);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 0804b000-0804c000 "
				      "0804c000-0804d000 bfffe000-c0000000");
	ck_assert_uint_eq(bss->vm_end, DATA_END + PG);
	free_process(mm);
}
END_TEST

/* ---- expand_stack() ---- */

/* A fault below the stack: the region reaches down to the fault's page. */
START_TEST(expand_stack_grows_down_to_the_page_of_the_address)
{
	struct mm_struct *mm = new_process();
	struct vm_area_struct *stack = nth(mm, 2);

	ck_assert_int_eq(expand_stack(stack, STACK_START - 0x20), 0);
	ck_assert_uint_eq(stack->vm_start, STACK_START - PG);
	ck_assert_uint_eq(stack->vm_end, TASK_SIZE);
	ck_assert_uint_eq(stack->vm_pgoff, (STACK_START - PG) >> PAGE_SHIFT);
	ck_assert_uint_eq(stack->vm_flags, VM_READ | VM_WRITE | VM_GROWSDOWN);
	ck_assert_int_eq(expand_stack(stack, STACK_START - 0x5000), 0);
	ck_assert_uint_eq(stack->vm_start, STACK_START - 0x5000);
	ck_assert_uint_eq(mm->total_vm, 2 + 1 + 7);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 bfff9000-c0000000");
	/* Inside the region already: nothing to do, refused. */
	ck_assert_int_eq(expand_stack(stack, STACK_START - 0x5000), -EINVAL);
	ck_assert_uint_eq(stack->vm_start, STACK_START - 0x5000);
	ck_assert_str_eq(zaps(mm), "");
	free_process(mm);
}
END_TEST

/* 8 MB (STACK_LIMIT) from TASK_SIZE is the limit: one page more is -ENOMEM. */
START_TEST(expand_stack_stops_at_8mb)
{
	struct mm_struct *mm = new_process();
	struct vm_area_struct *stack = nth(mm, 2);

	ck_assert_int_eq(expand_stack(stack, TASK_SIZE - STACK_LIMIT - 1), -ENOMEM);
	ck_assert_int_eq(expand_stack(stack, 0x40000000), -ENOMEM);
	ck_assert_uint_eq(stack->vm_start, STACK_START);
	ck_assert_uint_eq(mm->total_vm, 2 + 1 + 2);
	ck_assert_int_eq(expand_stack(stack, TASK_SIZE - STACK_LIMIT), 0);
	ck_assert_uint_eq(stack->vm_start, 0xbf800000);
	ck_assert_uint_eq(mm->total_vm, 2 + 1 + 2048);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 bf800000-c0000000");
	free_process(mm);
}
END_TEST

/* The stack keeps a page of gap above the region below it. */
START_TEST(expand_stack_keeps_a_page_from_the_region_below)
{
	struct mm_struct *mm = new_process();
	struct vm_area_struct *stack = nth(mm, 2);

	add(mm, 0xbfff0000, 0xbfff8000, VM_READ | VM_WRITE);
	ck_assert_int_eq(expand_stack(stack, 0xbfff8fff), -ENOMEM);
	ck_assert_int_eq(expand_stack(stack, 0xbfff7000), -ENOMEM);
	ck_assert_uint_eq(stack->vm_start, STACK_START);
	ck_assert_int_eq(expand_stack(stack, 0xbfff9000), 0);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "bfff0000-bfff8000 bfff9000-c0000000");
	free_process(mm);
}
END_TEST

/* A region without VM_GROWSDOWN never grows: -EINVAL. */
START_TEST(expand_stack_refuses_a_region_that_does_not_grow_down)
{
	struct mm_struct *mm = new_process();
	struct vm_area_struct *vma = add(mm, 0x40001000, 0x40002000, VM_READ | VM_WRITE);

	ck_assert_int_eq(expand_stack(vma, 0x40000ffc), -EINVAL);
	ck_assert_uint_eq(vma->vm_start, 0x40001000);
	ck_assert_uint_eq(vma->vm_pgoff, 0x40001);
	ck_assert_uint_eq(mm->total_vm, 2 + 1 + 2 + 1);
	free_process(mm);
}
END_TEST

/* ---- mm_alloc(), mmput() ---- */

/* mmput(): every region's pages zapped in order, page tables and directory freed. */
START_TEST(mmput_zaps_every_region_and_frees_everything)
{
	struct mm_struct *mm = new_process();

	ck_assert_uint_eq(sys_brk(DATA_END + 2 * PG), DATA_END + 2 * PG);
	task.mm = task.active_mm = NULL;
	mmput(mm);
	ck_assert_str_eq(zaps(mm), "08048000-0804a000 0804a000-0804b000 "
				   "0804b000-0804d000 bfffe000-c0000000");
	ck_assert_uint_eq(nr_free_pgtables, 1);
	ck_assert_ptr_eq(pgtables_freed_of, mm);
	expect_nothing_leaked();
}
END_TEST

/* No page directory: mm_alloc() and dup_mm() give NULL and keep nothing. */
START_TEST(mm_alloc_without_a_page_directory_returns_null)
{
	struct mm_struct *mm = new_process();

	pgd_alloc_fails = true;
	ck_assert_ptr_null(mm_alloc());
	ck_assert_ptr_null(dup_mm(mm));
	ck_assert_uint_eq(nr_copies, 0);
	ck_assert_int_eq(pgds_alive, 1);
	pgd_alloc_fails = false;
	free_process(mm);
	expect_nothing_leaked();
}
END_TEST

/* Freeing the address space CR3 still points at, the running task's
 * active_mm, is a BUG (the CPU would walk freed tables). */
START_TEST(mmput_of_the_loaded_address_space_is_a_bug)
{
	struct mm_struct *mm = new_mm();

	task.active_mm = mm;
	host_expect_bug("BUG_ON(mm == current->active_mm)");
	mmput(mm);
}
END_TEST

/* ---- dup_mm() ---- */

/*
 * fork's copy: the same regions in new structs, pointing at the new mm,
 * with the same flags, pgoff and names; the same brk and stack; its own
 * page directory; copy_page_range() once per region, in order, from each
 * original into its copy.  The original is untouched.
 */
START_TEST(dup_mm_copies_every_region)
{
	struct mm_struct *mm = new_process(), *copy;
	const struct vm_area_struct *v, *c;
	unsigned int i = 0;

	ck_assert_uint_eq(sys_brk(DATA_END + 2 * PG + 5), DATA_END + 2 * PG + 5);
	ck_assert_int_eq(expand_stack(nth(mm, 3), STACK_START - PG), 0);
	copy = dup_mm(mm);
	ck_assert_ptr_nonnull(copy);
	ck_assert_ptr_ne(copy, mm);
	ck_assert_ptr_ne(copy->pgd, mm->pgd);
	ck_assert_int_eq(pgds_alive, 2);
	ck_assert_str_eq(regions(copy), "08048000-0804a000 0804a000-0804b000 "
					"0804b000-0804e000 bfffd000-c0000000");
	ck_assert_int_eq(copy->map_count, mm->map_count);
	ck_assert_uint_eq(copy->total_vm, mm->total_vm);
	ck_assert_uint_eq(copy->start_brk, mm->start_brk);
	ck_assert_uint_eq(copy->brk, mm->brk);
	ck_assert_uint_eq(copy->start_stack, mm->start_stack);
	ck_assert_uint_eq(copy->rss, 0);
	ck_assert_uint_eq(copy->nr_ptes, 0);
	for (v = mm->mmap, c = copy->mmap; v; v = v->vm_next, c = c->vm_next, i++) {
		ck_assert_ptr_nonnull(c);
		ck_assert_ptr_ne(c, v);
		ck_assert_ptr_eq(c->vm_mm, copy);
		ck_assert_uint_eq(c->vm_start, v->vm_start);
		ck_assert_uint_eq(c->vm_end, v->vm_end);
		ck_assert_uint_eq(c->vm_flags, v->vm_flags);
		ck_assert_uint_eq(c->vm_pgoff, v->vm_pgoff);
		ck_assert_ptr_eq(c->vm_name, v->vm_name);
		ck_assert_uint_lt(i, nr_copies);
		ck_assert_ptr_eq(copy_log[i].dst, c);
		ck_assert_ptr_eq(copy_log[i].src, v);
	}
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(nr_copies, 4);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804e000 bfffd000-c0000000");
	mmput(copy);
	zaps(copy);
	ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
				      "0804b000-0804e000 bfffd000-c0000000");
	free_process(mm);
}
END_TEST

/*
 * copy_page_range() failing on the first, a middle, and the last region:
 * dup_mm() returns NULL, and the half-built copy is gone, every region
 * copied so far zapped, its page tables and directory freed; the
 * original is untouched.
 */
START_TEST(dup_mm_failure_frees_the_partial_copy)
{
	static const char *const zapped[] = {
		"08048000-0804a000",
		"08048000-0804a000 0804a000-0804b000",
		"08048000-0804a000 0804a000-0804b000 bfffe000-c0000000",
	};
	struct mm_struct *mm = new_process();

	for (unsigned int n = 1; n <= 3; n++) {
		struct mm_struct *copy;

		nr_copies = nr_free_pgtables = 0;
		copy_fail_at = n;
		copy = dup_mm(mm);
		ck_assert_ptr_null(copy);
		ck_assert_uint_eq(nr_copies, n);
		ck_assert_uint_eq(nr_free_pgtables, 1);
		ck_assert_ptr_ne(pgtables_freed_of, mm);
		ck_assert_str_eq(zaps(pgtables_freed_of), zapped[n - 1]);
		ck_assert_int_eq(pgds_alive, 1);
		ck_assert_str_eq(regions(mm), "08048000-0804a000 0804a000-0804b000 "
					      "bfffe000-c0000000");
	}
	free_process(mm);
}
END_TEST

/* ---- /proc/PID/maps ---- */

/* The maps of a process with every kind of region, laid out as /proc/PID/maps. */
static struct mm_struct *new_process_for_maps(void)
{
	struct mm_struct *mm = new_process();

	ck_assert_uint_eq(sys_brk(DATA_END + 0x2345), DATA_END + 0x2345);
	add(mm, 0x40000000, 0x40002000, VM_READ | VM_WRITE);        /* anonymous */
	add(mm, 0x40010000, 0x40011000, VM_READ | VM_SHARED);
	return mm;
}

static const char maps_text[] =
	"08048000-0804a000 r-xp 00000000 00:00 0          /prog\n"
	"0804a000-0804b000 rw-p 00002000 00:00 0          /prog\n"
	"0804b000-0804e000 rw-p 0804b000 00:00 0          [heap]\n"
	"40000000-40002000 rw-p 40000000 00:00 0 \n"
	"40010000-40011000 r--s 40010000 00:00 0 \n"
	"bfffe000-c0000000 rw-p bfffe000 00:00 0          [stack]\n";

/*
 * 2.6's format: rights rwx and p/s, the offset (an anonymous region's
 * address), device 00:00 and inode 0, the name in column 50 (after 49
 * characters): "/" and the program for its segments, [heap] for the
 * region holding start_brk..brk, [stack] for the one holding start_stack;
 * other anonymous regions end after "0 ", with no padding.
 */
START_TEST(maps_lists_each_region_as_linux_does)
{
	struct mm_struct *mm = new_process_for_maps();
	char buf[1024];
	size_t n;

	memset(buf, 'x', sizeof(buf));
	n = mm_show_maps(mm, buf, sizeof(buf));
	ck_assert_str_eq(buf, maps_text);
	ck_assert_uint_eq(n, strlen(maps_text));
	ck_assert_int_eq(strstr(buf, "/prog") - buf, 49);
	free_process(mm);
}
END_TEST

/*
 * No heap region (brk at start_brk): no line says [heap]; the stack after
 * expand_stack(): still [stack], with its new start and offset.  A break
 * on a page boundary: the heap ends exactly at brk, and is still [heap].
 */
START_TEST(maps_names_heap_and_stack_only_where_they_are)
{
	struct mm_struct *mm = new_process();
	char buf[1024];

	ck_assert_int_eq(expand_stack(nth(mm, 2), STACK_START - 1), 0);
	mm_show_maps(mm, buf, sizeof(buf));
	ck_assert_str_eq(buf,
		"08048000-0804a000 r-xp 00000000 00:00 0          /prog\n"
		"0804a000-0804b000 rw-p 00002000 00:00 0          /prog\n"
		"bfffd000-c0000000 rw-p bfffd000 00:00 0          [stack]\n");
	ck_assert_uint_eq(mm_show_maps(mm, buf, 0), 0);
	ck_assert_uint_eq(sys_brk(DATA_END + 2 * PG), DATA_END + 2 * PG);
	mm_show_maps(mm, buf, sizeof(buf));
	ck_assert_str_eq(buf,
		"08048000-0804a000 r-xp 00000000 00:00 0          /prog\n"
		"0804a000-0804b000 rw-p 00002000 00:00 0          /prog\n"
		"0804b000-0804d000 rw-p 0804b000 00:00 0          [heap]\n"
		"bfffd000-c0000000 rw-p bfffd000 00:00 0          [stack]\n");
	free_process(mm);
}
END_TEST

/*
 * Every buffer size from 0 to one more than the text: the buffer (a heap
 * block of exactly that size, so AddressSanitizer stops any write past
 * it) holds the first size - 1 characters and a NUL, and the count
 * returned is what it holds.
 */
START_TEST(maps_truncated_to_a_small_buffer_stays_inside_it)
{
	struct mm_struct *mm = new_process_for_maps();
	const size_t full = strlen(maps_text);

	for (size_t size = 0; size <= full + 1; size++) {
		char *buf = malloc(size ? size : 1);
		size_t n, expect = size ? (size - 1 < full ? size - 1 : full) : 0;

		ck_assert_ptr_nonnull(buf);
		if (!size)
			buf[0] = 'x';
		n = mm_show_maps(mm, buf, size);
		if (n != expect)
			ck_abort_msg("size %zu: %zu characters, expected %zu", size, n, expect);
		if (size) {
			ck_assert_uint_eq(strlen(buf), n);
			ck_assert(memcmp(buf, maps_text, n) == 0);
		} else {
			ck_assert_int_eq(buf[0], 'x');
		}
		free(buf);
	}
	free_process(mm);
}
END_TEST

Suite *mmap_suite(void)
{
	Suite *s = suite_create("mmap");
	TCase *list = tcase_create("regions");
	TCase *unmap = tcase_create("munmap");
	TCase *brk = tcase_create("brk");
	TCase *stack = tcase_create("stack");
	TCase *mm = tcase_create("mm");
	TCase *maps = tcase_create("maps");

	tcase_add_checked_fixture(list, setup, teardown);
	tcase_add_test(list, vma_alloc_fills_in_the_region);
	tcase_add_test(list, insert_keeps_the_list_sorted_and_counts_pages);
	tcase_add_test(list, insert_refuses_overlaps_and_accepts_touching_regions);
	tcase_add_test(list, insert_refuses_empty_regions_and_kernel_addresses);
	tcase_add_test(list, find_vma_returns_the_region_containing_or_above);
	suite_add_tcase(s, list);

	tcase_add_checked_fixture(unmap, setup, teardown);
	tcase_add_test(unmap, munmap_of_a_whole_region_removes_it);
	tcase_add_test(unmap, munmap_of_the_end_trims_the_region);
	tcase_add_test(unmap, munmap_of_the_start_trims_the_region_and_moves_pgoff);
	tcase_add_test(unmap, munmap_in_the_middle_splits_the_region);
	tcase_add_test(unmap, munmap_across_regions_trims_and_removes_each);
	tcase_add_test(unmap, munmap_of_a_hole_does_nothing);
	tcase_add_test(unmap, munmap_refuses_unaligned_and_wrapping_ranges);
	tcase_add_test(unmap, munmap_of_nothing_is_refused_and_splits_nothing);
	tcase_add_test(unmap, munmap_split_without_memory_changes_nothing);
	suite_add_tcase(s, unmap);

	tcase_add_checked_fixture(brk, setup, teardown);
	tcase_add_test(brk, brk_growth_creates_one_heap_region);
	tcase_add_test(brk, brk_growth_extends_the_heap);
	tcase_add_test(brk, brk_within_a_page_moves_only_the_break);
	tcase_add_test(brk, brk_shrink_frees_exactly_the_released_pages);
	tcase_add_test(brk, brk_back_to_start_removes_the_heap);
	tcase_add_test(brk, brk_below_start_or_too_high_is_refused);
	tcase_add_test(brk, brk_stops_a_page_short_of_the_next_region);
	tcase_add_test(brk, brk_merges_only_with_an_anonymous_rw_region_below);
	suite_add_tcase(s, brk);

	tcase_add_checked_fixture(stack, setup, teardown);
	tcase_add_test(stack, expand_stack_grows_down_to_the_page_of_the_address);
	tcase_add_test(stack, expand_stack_stops_at_8mb);
	tcase_add_test(stack, expand_stack_keeps_a_page_from_the_region_below);
	tcase_add_test(stack, expand_stack_refuses_a_region_that_does_not_grow_down);
	suite_add_tcase(s, stack);

	tcase_add_checked_fixture(mm, setup, teardown);
	tcase_add_test(mm, mmput_zaps_every_region_and_frees_everything);
	tcase_add_test(mm, mm_alloc_without_a_page_directory_returns_null);
	tcase_add_exit_test(mm, mmput_of_the_loaded_address_space_is_a_bug, HOST_EXPECTED_BUG_EXIT);
	tcase_add_test(mm, dup_mm_copies_every_region);
	tcase_add_test(mm, dup_mm_failure_frees_the_partial_copy);
	suite_add_tcase(s, mm);

	tcase_add_checked_fixture(maps, setup, teardown);
	tcase_add_test(maps, maps_lists_each_region_as_linux_does);
	tcase_add_test(maps, maps_names_heap_and_stack_only_where_they_are);
	tcase_add_test(maps, maps_truncated_to_a_small_buffer_stays_inside_it);
	suite_add_tcase(s, maps);
	return s;
}
