/*
 * mm/vmstat.c - /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo.
 *
 * /proc/buddyinfo, one line per populated zone, the number of free blocks
 * of each order 0..10 (claim Z6: the free bytes of a column are
 * count x 2^order x 4 KB):
 *
 *   Node 0, zone      DMA      1      0      1      0      2      1 ...
 *
 * /proc/zoneinfo, per zone, the watermarks and sizes in pages; we add one
 * line, "free_area", with the buddyinfo counts of the zone.
 * /proc/meminfo, 2.6's labels and widths, for the lines this kernel has:
 * the totals, Slab, PageTables (user page tables only, as 2.6.11 counts
 * them), and the vmalloc area: VmallocTotal its size, VmallocUsed the
 * sum of its areas' sizes (each with its guard page, as 2.6.11 adds
 * vm->size), VmallocChunk the largest hole (get_vmalloc_info()).
 *
 * Mirrors: mm/page_alloc.c frag_show() (2.6.11), mm/vmstat.c
 * zoneinfo_show_print() (2.6.2x+, with "managed" of 3.x),
 * fs/proc/proc_misc.c meminfo_read_proc() (2.6.11); nr_page_table_pages
 * is 2.6.11's page_state field of that name (NR_PAGETABLE from 2.6.18).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

unsigned long nr_page_table_pages;

void show_buddyinfo(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		if (!zone->present_pages)
			continue;
		printk("Node %d, zone %8s ", 0, zone->name);
		for (int order = 0; order < MAX_ORDER; order++)
			printk("%6lu ", zone->free_area[order].nr_free);
		printk("\n");
	}
}

void show_zoneinfo(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		printk("Node %d, zone %8s\n", 0, zone->name);
		printk("  pages free     %lu\n", zone->free_pages);
		printk("        min      %lu\n", zone->pages_min);
		printk("        low      %lu\n", zone->pages_low);
		printk("        high     %lu\n", zone->pages_high);
		printk("        spanned  %lu\n", zone->spanned_pages);
		printk("        present  %lu\n", zone->present_pages);
		printk("        managed  %lu\n", zone->managed_pages);
		printk("        protection: (%lu, %lu, %lu)\n", zone->lowmem_reserve[0],
		       zone->lowmem_reserve[1], zone->lowmem_reserve[2]);
		printk("      nr_free_pages %lu\n", zone->free_pages);
		printk("        free_area:");
		for (int order = 0; order < MAX_ORDER; order++)
			printk(" %lu", zone->free_area[order].nr_free);
		printk("\n");
		printk("  start_pfn:           %lu\n", zone->zone_start_pfn);
	}
}

static unsigned long K(unsigned long pages)
{
	return pages << (PAGE_SHIFT - 10);
}

void show_meminfo(void)
{
	unsigned long free = nr_free_pages(), high_free = nr_free_highpages();
	struct vmalloc_info vmi;

	get_vmalloc_info(&vmi);

	printk("MemTotal:     %8lu kB\n", K(totalram_pages));
	printk("MemFree:      %8lu kB\n", K(free));
	printk("HighTotal:    %8lu kB\n", K(totalhigh_pages));
	printk("HighFree:     %8lu kB\n", K(high_free));
	printk("LowTotal:     %8lu kB\n", K(totalram_pages - totalhigh_pages));
	printk("LowFree:      %8lu kB\n", K(free - high_free));
	printk("Slab:         %8lu kB\n", K(nr_slab_pages));
	printk("PageTables:   %8lu kB\n", K(nr_page_table_pages));
	printk("VmallocTotal: %8lu kB\n", (unsigned long)(VMALLOC_END - VMALLOC_START) >> 10);
	printk("VmallocUsed:  %8lu kB\n", vmi.used >> 10);
	printk("VmallocChunk: %8lu kB\n", vmi.largest_chunk >> 10);
}
