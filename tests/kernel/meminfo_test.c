/*
 * tests/kernel/meminfo_test.c - /proc/meminfo's lines for the vmalloc
 * area and the page tables, read back from the log as a user reads
 * /proc/meminfo: print it (show_meminfo()), take the numbers, change one
 * known thing, print it again.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/mm.h>         /* MAXMEM_PFN */
#include "selftest.h"

struct meminfo {
	unsigned long vmalloc_total, vmalloc_used, vmalloc_chunk, page_tables;   /* kB */
};

/* Print /proc/meminfo and read four of its lines into @mi; NULL, or which
 * line is missing. */
static const char *read_meminfo(struct meminfo *mi)
{
	unsigned long pos = log_position();

	show_meminfo();
	if (!log_number_since(pos, "VmallocTotal:", &mi->vmalloc_total))
		return "no VmallocTotal line";
	if (!log_number_since(pos, "VmallocUsed:", &mi->vmalloc_used))
		return "no VmallocUsed line";
	if (!log_number_since(pos, "VmallocChunk:", &mi->vmalloc_chunk))
		return "no VmallocChunk line";
	if (!log_number_since(pos, "PageTables:", &mi->page_tables))
		return "no PageTables line";
	return NULL;
}

/*
 * vmalloc(3 pages) takes an area of 3 pages plus its guard page, and
 * VmallocUsed counts both, as 2.6.11's get_vmalloc_info() adds vm->size.
 * Expect VmallocTotal = VMALLOC_END - VMALLOC_START in kB (112 MB - 8 kB
 * with lowmem at 896 MB), VmallocUsed up by 16 kB, then back after vfree().
 */
static const char *test_vmalloc_used_counts_guard_pages(void)
{
	struct meminfo before, during, after;
	const char *err;
	void *p;

	if ((err = read_meminfo(&before)))
		return err;
	KTEST_EXPECT_EQ(before.vmalloc_total, (VMALLOC_END - VMALLOC_START) / 1024);
	if (max_low_pfn == MAXMEM_PFN)
		KTEST_EXPECT_EQ(before.vmalloc_total, (112u << 10) - 8);
	p = vmalloc(3 * PAGE_SIZE);
	KTEST_EXPECT(p);
	err = read_meminfo(&during);
	vfree(p);
	if (err || (err = read_meminfo(&after)))
		return err;
	KTEST_EXPECT_EQ(during.vmalloc_used, before.vmalloc_used + 16);
	KTEST_EXPECT_EQ(after.vmalloc_used, before.vmalloc_used);
	KTEST_EXPECT(before.vmalloc_used + before.vmalloc_chunk <= before.vmalloc_total);
	return NULL;
}

/*
 * VmallocChunk is the largest hole.  Reserve exactly that much address
 * space (get_vm_area() of the chunk less the guard page it adds): first
 * fit can only place it in a hole of that size.  Expect VmallocUsed up by
 * the old chunk, the new chunk no larger, and both back after
 * free_vm_area().
 */
static const char *test_vmalloc_chunk_is_largest_hole(void)
{
	struct meminfo before, during, after;
	struct vm_struct *area;
	const char *err;

	if ((err = read_meminfo(&before)))
		return err;
	KTEST_EXPECT(before.vmalloc_chunk > 4);
	area = get_vm_area(before.vmalloc_chunk * 1024 - PAGE_SIZE, VM_ALLOC);
	KTEST_EXPECT(area);
	err = read_meminfo(&during);
	free_vm_area(area);
	if (err || (err = read_meminfo(&after)))
		return err;
	KTEST_EXPECT_EQ(during.vmalloc_used, before.vmalloc_used + before.vmalloc_chunk);
	KTEST_EXPECT(during.vmalloc_chunk <= before.vmalloc_chunk);
	KTEST_EXPECT_EQ(after.vmalloc_used, before.vmalloc_used);
	KTEST_EXPECT_EQ(after.vmalloc_chunk, before.vmalloc_chunk);
	return NULL;
}

/*
 * A new address space with one page touched in each of two 4 MB regions
 * (two pgd entries) has two page tables:
 *
 *   0x08048000  text page  -> page table 1
 *   0x40000000  data page  -> page table 2
 *
 * Expect PageTables up by 8 kB, and back after mmput() frees them.
 */
static const char *test_page_tables_counted(void)
{
	const unsigned long addrs[] = { 0x08048000, 0x40000000 };
	struct meminfo before, during, after;
	struct mm_struct *mm;
	const char *err = NULL;

	if ((err = read_meminfo(&before)))
		return err;
	mm = mm_alloc();
	KTEST_EXPECT(mm);
	for (unsigned int i = 0; i < ARRAY_SIZE(addrs) && !err; i++) {
		struct vm_area_struct *vma = vma_alloc(mm, addrs[i], addrs[i] + PAGE_SIZE,
						       VM_READ | VM_WRITE);

		if (!vma || insert_vm_struct(mm, vma) || handle_mm_fault(vma, addrs[i]))
			err = ktest_fail("cannot map a page at 0x%08lx", addrs[i]);
	}
	if (!err && mm->nr_ptes != 2)
		err = ktest_fail("nr_ptes %lu, expected 2", mm->nr_ptes);
	if (!err)
		err = read_meminfo(&during);
	mmput(mm);
	if (err || (err = read_meminfo(&after)))
		return err;
	KTEST_EXPECT_EQ(during.page_tables, before.page_tables + 8);
	KTEST_EXPECT_EQ(after.page_tables, before.page_tables);
	return NULL;
}

static const struct selftest meminfo_tests[] = {
	{ "meminfo_vmalloc_used_counts_guard_pages", NULL, test_vmalloc_used_counts_guard_pages },
	{ "meminfo_vmalloc_chunk_is_largest_hole", NULL, test_vmalloc_chunk_is_largest_hole },
	{ "meminfo_page_tables_counts_user_page_tables", NULL, test_page_tables_counted },
};

const struct selftest_suite meminfo_suite = {
	"meminfo", meminfo_tests, ARRAY_SIZE(meminfo_tests),
};
