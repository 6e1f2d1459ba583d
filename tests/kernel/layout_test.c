/*
 * tests/kernel/layout_test.c - the layout of the top of kernel space as this
 * boot computed it (L1, L2, V2, V3, V7), and the unmapped pages between its
 * regions.
 *
 * The formulas themselves are checked on the host for many RAM sizes
 * (tests/unit/test_layout.c); here they are checked against what this
 * kernel really did: its high_memory, its page tables, its boot report,
 * and against literal addresses worked out by hand for each memory size
 * of the test matrix (boot_layouts[]).
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/printk.h>
#include <asm/fault.h>
#include <asm/fixmap.h>
#include <asm/mm.h>
#include <asm/pgtable.h>
#include <asm/uaccess.h>
#include "selftest.h"

/* Does a read of @addr fault (and get fixed up) rather than succeed? */
static bool unmapped(unsigned long addr)
{
	unsigned long before = last_kernel_fault.count;
	char c;

	return probe_kernel_read(&c, (const void *)addr, 1) != 0 &&
	       last_kernel_fault.count == before + 1 && last_kernel_fault.address == addr;
}

/* The page tables swapper_pg_dir holds for [@start, 4 GB), @start
 * PMD-aligned: one per pmd entry that points to a table. */
static unsigned long page_tables_above(unsigned long start)
{
	unsigned long n = 0, addr = start;

	do {
		pmd_t *pmd = pmd_offset(pgd_offset_k(addr), addr);

		n += pmd_present(*pmd) && !pmd_large(*pmd);
		addr += PMD_SIZE;
	} while (addr);         /* until it wraps past 4 GB */
	return n;
}

/*
 * The regions, from high_memory up, in the order of L1, with the pages
 * between them unmapped: the first and last page of the VMALLOC_OFFSET
 * gap, the two pages under the pkmap window, the reserved top page.
 * Expect the order to hold and every one of those reads to fault.
 */
static const char *test_regions_in_order(void)
{
	unsigned long hm = (unsigned long)high_memory;

	KTEST_EXPECT(PAGE_OFFSET < hm && hm < VMALLOC_START);
	KTEST_EXPECT(VMALLOC_START < VMALLOC_END && VMALLOC_END < PKMAP_BASE);
	KTEST_EXPECT(PKMAP_ADDR(LAST_PKMAP) <= FIXADDR_BOOT_START);
	KTEST_EXPECT(FIXADDR_BOOT_START < FIXADDR_START && FIXADDR_START < FIXADDR_TOP);
	KTEST_EXPECT(unmapped(VMALLOC_START - VMALLOC_OFFSET));   /* the gap's 4 MB-aligned start */
	KTEST_EXPECT(unmapped(VMALLOC_START - PAGE_SIZE));        /* its last page */
	KTEST_EXPECT(unmapped(VMALLOC_END));
	KTEST_EXPECT(unmapped(VMALLOC_END + PAGE_SIZE));
	KTEST_EXPECT(unmapped(FIXADDR_TOP));                      /* the reserved top page */
	KTEST_EXPECT(unmapped(0xffffffffu));
	/* The fixmap and the pkmap window each got their one page table at
	 * boot, so every later copy of swapper_pg_dir has them. */
	KTEST_EXPECT_EQ(page_tables_above(PKMAP_BASE), 2);
	KTEST_EXPECT(pmd_present(*pmd_offset(pgd_offset_k(PKMAP_BASE), PKMAP_BASE)));
	KTEST_EXPECT(pmd_present(*pmd_offset(pgd_offset_k(FIXADDR_TOP), FIXADDR_TOP)));
	return NULL;
}

/*
 * The direct map stops at high_memory exactly, even when lowmem ends
 * inside a 4 MB page (paging_init() maps that tail with 4 KB pages):
 *
 *      high_memory - 1       high_memory
 *   ... | last lowmem page | VMALLOC_OFFSET gap ...
 *          mapped              never mapped
 *
 * Expect high_memory - 1 readable, mapped to __pa of itself, and a read of
 * high_memory to fault, whether or not max_low_pfn is 4 MB aligned.
 */
static const char *test_direct_map_ends_at_high_memory(void)
{
	unsigned long hm = (unsigned long)high_memory;
	char c;

	KTEST_EXPECT_EQ(probe_kernel_read(&c, (const void *)(hm - 1), 1), 0);
	KTEST_EXPECT_EQ(slow_virt_to_phys(hm - 1), hm - 1 - PAGE_OFFSET);
	KTEST_EXPECT_EQ(slow_virt_to_phys(hm), (u64)-1);
	KTEST_EXPECT(unmapped(hm));
	KTEST_EXPECT(unmapped(hm + PAGE_SIZE - 1));
	return NULL;
}

/*
 * The layout of each boot of the make test matrix, worked out by hand from
 * the RAM QEMU reports (e820: the last usable range ends 128 KB short of
 * the -m size, 0x...fe0000; at 3G and 4G RAM below 4 GB ends at
 * 0xbffe0000, the rest lies above 4 GB, out of a non-PAE kernel's reach):
 *   max_low_pfn  = min(max_pfn, 896 MB = 0x38000)
 *   high_memory  = 0xc0000000 + max_low_pfn pages
 *   VMALLOC_START = (high_memory + 16 MB - 1) rounded down to 8 MB
 * e.g. -m 16M: 0xc0fe0000 + 0xffffff = 0xc1fdffff -> 0xc1800000;
 * -m 896M: 0xf7fe0000 + 0xffffff = 0xf8fdffff -> 0xf8800000.
 */
static const struct boot_layout {
	unsigned long max_pfn, max_low_pfn, high_memory, vmalloc_start;
} boot_layouts[] = {
	{ 0x00fe0, 0x00fe0, 0xc0fe0000, 0xc1800000 },    /* -m 16M */
	{ 0x01fe0, 0x01fe0, 0xc1fe0000, 0xc2800000 },    /* -m 32M */
	{ 0x07fe0, 0x07fe0, 0xc7fe0000, 0xc8800000 },    /* -m 128M */
	{ 0x1ffe0, 0x1ffe0, 0xdffe0000, 0xe0800000 },    /* -m 512M */
	{ 0x37fe0, 0x37fe0, 0xf7fe0000, 0xf8800000 },    /* -m 896M */
	{ 0x3ffe0, 0x38000, 0xf8000000, 0xf8800000 },    /* -m 1G */
	{ 0x7ffe0, 0x38000, 0xf8000000, 0xf8800000 },    /* -m 2G */
	{ 0xbffe0, 0x38000, 0xf8000000, 0xf8800000 },    /* -m 3G, -m 4G */
};

/*
 * Expect this boot's max_low_pfn, high_memory (P4) and VMALLOC_START (V2)
 * to be the literal values above for its max_pfn, and every size of the
 * matrix to be in the table.
 */
static const char *test_layout_is_this_sizes(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(boot_layouts); i++) {
		const struct boot_layout *l = &boot_layouts[i];

		if (max_pfn != l->max_pfn)
			continue;
		KTEST_EXPECT_EQ(max_low_pfn, l->max_low_pfn);
		KTEST_EXPECT_EQ((unsigned long)high_memory, l->high_memory);
		KTEST_EXPECT_EQ(VMALLOC_START, l->vmalloc_start);
		return NULL;
	}
	return ktest_fail("max_pfn %#lx: a memory size the table does not know", max_pfn);
}

/*
 * high_memory ends the direct map: __va(max_low_pfn pages), at most
 * PAGE_OFFSET + 896 MB.  VMALLOC_START is the next 8 MB boundary at least
 * 8 MB above it (V2): expect the formula's value and a gap of 8 to 16 MB.
 */
static const char *test_vmalloc_start(void)
{
	unsigned long hm = (unsigned long)high_memory;

	KTEST_EXPECT_EQ(hm, PAGE_OFFSET + PFN_PHYS(max_low_pfn));
	KTEST_EXPECT(hm <= PAGE_OFFSET + MAXMEM);
	KTEST_EXPECT_EQ(VMALLOC_OFFSET, 8u << 20);
	KTEST_EXPECT_EQ(VMALLOC_START, (hm + 2 * VMALLOC_OFFSET - 1) & ~(VMALLOC_OFFSET - 1));
	KTEST_EXPECT(VMALLOC_START - hm >= (8u << 20) && VMALLOC_START - hm < (16u << 20));
	return NULL;
}

/* V3: with highmem support the vmalloc area ends two pages under the pkmap
 * window, 0xff7fe000 in this build. */
static const char *test_vmalloc_end(void)
{
	KTEST_EXPECT_EQ(VMALLOC_END, PKMAP_BASE - 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(VMALLOC_END, 0xff7fe000u);
	KTEST_EXPECT_EQ(PKMAP_BASE, 0xff800000u);    /* 0xff800000 - 2 pages = 0xff7fe000 */
	return NULL;
}

/*
 * V7: with 512 MB of RAM or less the vmalloc area starts right after the
 * direct map and its gap (0xe0800000 at -m 512M), so it is far larger than
 * 128 MB; with the full 896 MB of lowmem it starts at 0xf8800000 and is
 * 111 MB.  Expect this boot's case (sizes in between fall in between).
 */
static const char *test_vmalloc_size_follows_ram(void)
{
	unsigned long size = VMALLOC_END - VMALLOC_START;

	if (max_low_pfn <= (512u << (20 - PAGE_SHIFT))) {
		KTEST_EXPECT(VMALLOC_START <= 0xe0800000u);
		KTEST_EXPECT(size >= 0xff7fe000u - 0xe0800000u);    /* 495 MB or more */
		KTEST_EXPECT(size > (128u << 20));
	}
	if (max_low_pfn > (504u << (20 - PAGE_SHIFT)) &&
	    max_low_pfn <= (512u << (20 - PAGE_SHIFT)))
		KTEST_EXPECT_EQ(VMALLOC_START, 0xe0800000u);    /* -m 512M (QEMU keeps 128 KB) */
	if (max_low_pfn == MAXMEM_PFN) {
		KTEST_EXPECT_EQ(VMALLOC_START, 0xf8800000u);
		KTEST_EXPECT_EQ(size >> 20, 111);
	}
	return NULL;
}

/*
 * L2: the boot printed the layout with this boot's values, in 2.6's
 * format, and the drawing marks high_memory and VMALLOC_START where they
 * are.  Expect those lines in the log.
 */
static const char *test_layout_printed(void)
{
	char line[96];

	KTEST_EXPECT(log_contains_since(0, "] virtual kernel memory layout:\n"));
	snprintf(line, sizeof(line), "]     fixmap  : 0x%08x - 0x%08x   ( %3u kB)\n",
		 FIXADDR_START, FIXADDR_TOP, (FIXADDR_TOP - FIXADDR_START) >> 10);
	KTEST_EXPECT(log_contains_since(0, line));
	snprintf(line, sizeof(line), "]     pkmap   : 0x%08x - 0x%08x   (4096 kB)\n", PKMAP_BASE,
		 PKMAP_ADDR(LAST_PKMAP));
	KTEST_EXPECT(log_contains_since(0, line));
	snprintf(line, sizeof(line), "]     vmalloc : 0x%08x - 0x%08x   (%4u MB)\n",
		 VMALLOC_START, VMALLOC_END, (VMALLOC_END - VMALLOC_START) >> 20);
	KTEST_EXPECT(log_contains_since(0, line));
	snprintf(line, sizeof(line), "]     lowmem  : 0x%08x - 0x%08lx   (%4lu MB)\n",
		 PAGE_OFFSET, (unsigned long)high_memory,
		 ((unsigned long)high_memory - PAGE_OFFSET) >> 20);
	KTEST_EXPECT(log_contains_since(0, line));
	snprintf(line, sizeof(line), "]   0x%08lx +", (unsigned long)high_memory);
	KTEST_EXPECT(log_contains_since(0, line));
	KTEST_EXPECT(log_contains_since(0, "+ high_memory\n"));
	snprintf(line, sizeof(line), "]   0x%08x +", VMALLOC_START);
	KTEST_EXPECT(log_contains_since(0, line));
	KTEST_EXPECT(log_contains_since(0, "] Freeing unused kernel memory: "));
	return NULL;
}

/*
 * The boot-time fixmap slot FIX_WP_TEST, below FIXADDR_START: mem_init()
 * mapped a page there read-only, checked that a kernel write faults (CR0.WP)
 * and unmapped it again.  Expect the report line and the slot empty now.
 */
static const char *test_wp_test_slot(void)
{
	int level;
	pte_t *pte = lookup_address(__fix_to_virt(FIX_WP_TEST), &level);

	KTEST_EXPECT(log_contains_since(0, "] Checking if this processor honours the WP bit "
					"even in supervisor mode...Ok.\n"));
	/* Slot i is the page at FIXADDR_TOP - i pages, so Linux's
	 * FIXADDR_START (TOP - __end_of_permanent_fixed_addresses pages) is the
	 * first boot-time slot's page, just below the last permanent one. */
	KTEST_EXPECT(__fix_to_virt(FIX_WP_TEST) == FIXADDR_START);
	KTEST_EXPECT(__fix_to_virt(FIX_KMAP_END) == FIXADDR_START + PAGE_SIZE);
	KTEST_EXPECT(pte && level == 1 && pte_none(*pte));
	KTEST_EXPECT(unmapped(__fix_to_virt(FIX_WP_TEST)));
	return NULL;
}

/* Read (or write) @addr through the exception table; NULL if it faulted
 * and the handler named its region with @want at the start. */
static const char *fault_names(unsigned long addr, bool write, const char *want)
{
	unsigned long before = last_kernel_fault.count;
	char c = 0;
	long err = write ? probe_kernel_write((void *)addr, &c, 1)
			 : probe_kernel_read(&c, (const void *)addr, 1);

	if (!err || last_kernel_fault.count != before + 1 || last_kernel_fault.address != addr)
		return ktest_fail("%s of %08lx did not fault", write ? "a write" : "a read", addr);
	if (strncmp(last_kernel_fault.region, want, strlen(want)))
		return ktest_fail("%08lx: \"%s\", expected \"%s...\"", addr,
				  last_kernel_fault.region, want);
	return NULL;
}

/*
 * Faults that teach: a kernel fault in the top 128 MB is named precisely.
 * Provoke one in each kind of unmapped place (through the exception table,
 * so the kernel carries on) and expect the handler's words: the gap, the
 * guard page after a given vmalloc area with its size and caller, the two
 * pages under the pkmap window, an unused pkmap slot, a kmap_atomic slot,
 * the reserved top page.
 */
static const char *test_faults_name_their_region(void)
{
	char want[128], caller[64];
	const char *err;
	unsigned int nr;
	char *p = vmalloc(100);

	KTEST_EXPECT(p != NULL);
	sprint_symbol(caller, sizeof(caller), find_vm_area(p)->caller);
	*strchr(caller, '+') = '\0';
	snprintf(want, sizeof(want), "the guard page after the vmalloc area 0x%08lx-0x%08lx "
		 "(8192 bytes, %s+0x", (unsigned long)p, (unsigned long)p + 2 * PAGE_SIZE, caller);
	err = fault_names((unsigned long)p + PAGE_SIZE, true, want);   /* one page past */
	vfree(p);
	if (err)
		return err;
	KTEST_EXPECT_EQ(strcmp(caller, "test_faults_name_their_region"), 0);

	err = fault_names(VMALLOC_START - PAGE_SIZE, false, "the VMALLOC_OFFSET gap");
	if (!err)
		err = fault_names(VMALLOC_END + PAGE_SIZE, false,
				  "the two unmapped pages between the vmalloc area and the pkmap window");
	if (err)
		return err;
	for (nr = 0; nr < LAST_PKMAP && pkmap_count[nr]; nr++)
		;
	KTEST_EXPECT(nr < LAST_PKMAP);
	snprintf(want, sizeof(want), "pkmap slot %u of the kmap() window (unused)", nr);
	if ((err = fault_names(PKMAP_ADDR(nr), false, want)))
		return err;
	snprintf(want, sizeof(want), "fixmap slot %u: kmap_atomic KM_SOFTIRQ1 of CPU %u (not mapped now)",
		 FIX_KMAP_END, NR_CPUS - 1);
	if ((err = fault_names(__fix_to_virt(FIX_KMAP_END), false, want)))
		return err;
	return fault_names(FIXADDR_TOP + 16, true, "the reserved top page (FIX_HOLE)");
}

static const struct selftest layout_tests[] = {
	{ "regions_in_order_with_unmapped_gaps", "seeds: L1", test_regions_in_order },
	{ "direct_map_ends_at_high_memory", "seeds: L1 P4", test_direct_map_ends_at_high_memory },
	{ "vmalloc_start_8m_aligned_8_to_16m_above_lowmem", "seeds: V2 L2", test_vmalloc_start },
	{ "vmalloc_end_two_pages_below_pkmap", "seeds: V3", test_vmalloc_end },
	{ "layout_is_this_sizes_literal_values", "seeds: P4 V2", test_layout_is_this_sizes },
	{ "vmalloc_area_size_follows_ram", "seeds: V7", test_vmalloc_size_follows_ram },
	{ "layout_printed_with_this_boots_values", "seeds: L2", test_layout_printed },
	{ "boot_time_fixmap_slot_tested_wp_then_cleared", "seeds: F1", test_wp_test_slot },
	{ "faults_name_gap_guard_page_pkmap_and_fixmap_slots", "seeds: V2 V4 K1 F3 F2",
	  test_faults_name_their_region },
};

const struct selftest_suite layout_suite = {
	"layout", layout_tests, ARRAY_SIZE(layout_tests),
};
