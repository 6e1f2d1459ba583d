/*
 * tests/kernel/ioremap_test.c - ioremap() and iounmap() (claim V5): device
 * memory mapped into the vmalloc area, uncached, read through the mapping;
 * RAM refused; the ISA hole, always mapped, passed through.
 *
 * The device is QEMU's HPET, whose two first registers read the same on
 * every machine of the matrix.  Each test leaves vmlist as it found it.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/vmalloc.h>
#include <asm/hpet.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include "selftest.h"

static const char *check_hpet(char *regs, char *period_reg)
{
	struct vm_struct *area = find_vm_area(regs);
	u32 id, period;
	int level;
	pte_t *pte;

	KTEST_EXPECT(regs && area && is_vmalloc_addr(regs));
	KTEST_EXPECT_EQ(area->flags, VM_IOREMAP);
	KTEST_EXPECT_EQ(area->phys_addr, HPET_ADDRESS);
	KTEST_EXPECT_EQ(slow_virt_to_phys((unsigned long)regs), HPET_ADDRESS);
	pte = lookup_address((unsigned long)regs, &level);
	KTEST_EXPECT(pte && level == 1);
	KTEST_EXPECT_EQ(pte_val(*pte) & (_PAGE_PCD | _PAGE_PWT), _PAGE_PCD | _PAGE_PWT);
	id = readl(regs + HPET_ID);
	period = readl(regs + HPET_PERIOD);
	KTEST_EXPECT_EQ(id >> HPET_ID_VENDOR_SHIFT, 0x8086);
	KTEST_EXPECT_EQ(period, 10000000);                 /* 10 ns: a 100 MHz counter */
	/* An unaligned ioremap(): the offset into the page is kept. */
	KTEST_EXPECT(period_reg && ((unsigned long)period_reg & ~PAGE_MASK) == HPET_PERIOD);
	KTEST_EXPECT_EQ(readl(period_reg), period);
	printk("# HPET at %08x mapped at %p, uncached: id %08x, period %u fs\n",
	       HPET_ADDRESS, regs, id, period);
	return NULL;
}

/*
 * ioremap() the HPET's registers.  Expect a VM_IOREMAP area recording the
 * physical address, mapped uncached (PCD, PWT), through which the
 * capabilities register reads Intel's vendor id 0x8086 in bits 31:16 and
 * the period register QEMU's 10000000 fs; iounmap() to remove it (V5).
 */
static const char *test_ioremap_hpet(void)
{
	struct vmlist_snapshot before;
	char *regs, *period_reg;
	const char *err;

	snapshot_vmlist(&before);
	regs = ioremap(HPET_ADDRESS, HPET_MMAP_SIZE);
	period_reg = ioremap_nocache(HPET_ADDRESS + HPET_PERIOD, 4);
	err = check_hpet(regs, period_reg);
	iounmap(period_reg);
	iounmap(regs);
	if (!err && regs && slow_virt_to_phys((unsigned long)regs) != (u64)-1)
		err = "iounmap() left the mapping";
	return err ? err : vmlist_unchanged(&before);
}

/* Expect ioremap() of @page (RAM) refused with a report. */
static const char *expect_ram_refused(struct page *page)
{
	unsigned long since = log_position();
	char line[64];

	KTEST_EXPECT(page);
	KTEST_EXPECT(ioremap(PFN_PHYS(page_to_pfn(page)), PAGE_SIZE) == NULL);
	snprintf(line, sizeof(line), "ioremap on RAM at 0x%08lx - 0x%08lx",
		 (unsigned long)PFN_PHYS(page_to_pfn(page)),
		 (unsigned long)PFN_PHYS(page_to_pfn(page)) + PAGE_SIZE - 1);
	if (!log_contains_since(since, line))
		return ktest_fail("no \"%s\" report", line);
	return NULL;
}

/*
 * ioremap() of RAM the page allocator owns (a lowmem page, a HighMem page
 * when there is HighMem) is refused with "ioremap on RAM at ...".  The ISA
 * hole (here VGA text memory at 0xb8000) is always mapped: ioremap()
 * returns its direct-map address and iounmap() of it does nothing.
 * Expect those, and vmlist unchanged (V5).
 */
static const char *test_ioremap_ram_and_isa(void)
{
	struct page *low = alloc_page(GFP_KERNEL), *high = alloc_page(GFP_HIGHUSER);
	struct vmlist_snapshot before;
	unsigned long since;
	const char *err;
	void *vga;

	snapshot_vmlist(&before);
	err = expect_ram_refused(low);
	if (!err)
		err = expect_ram_refused(high);
	if (low)
		__free_page(low);
	if (high)
		__free_page(high);
	if (err)
		return err;
	since = log_position();
	vga = ioremap(0xb8000, 80 * 25 * 2);
	KTEST_EXPECT(vga == phys_to_virt(0xb8000));
	iounmap(vga);
	KTEST_EXPECT(!log_contains_since(since, "iounmap: bad address"));
	KTEST_EXPECT(ioremap(HPET_ADDRESS, 0) == NULL);
	return vmlist_unchanged(&before);
}

static const struct selftest ioremap_tests[] = {
	{ "ioremap_maps_the_hpet_uncached", "seeds: V5", test_ioremap_hpet },
	{ "ioremap_refuses_ram_passes_the_isa_hole", "seeds: V5", test_ioremap_ram_and_isa },
};

const struct selftest_suite ioremap_suite = {
	"ioremap", ioremap_tests, ARRAY_SIZE(ioremap_tests),
};
