/*
 * mm/vmstat.c - /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo.
 *
 * /proc/buddyinfo, one line per populated zone, the number of free blocks
 * of each order 0..10 (claim Z6: the free bytes of a column are
 * count x 2^order x 4 KB):
 *
 *   Node 0, zone      DMA      1      0      1      0      2      1 ...
 *
 * /proc/zoneinfo, per populated zone, the watermarks and sizes in pages,
 * in the format of 2.6.13, the first kernel that had it.
 * /proc/meminfo, 2.6's labels and widths, for the lines this kernel has:
 * the totals, Slab, PageTables (user page tables only, as 2.6.11 counts
 * them), and the vmalloc area: VmallocTotal its size, VmallocUsed the
 * sum of its areas' sizes (each with its guard page, as 2.6.11 adds
 * vm->size), VmallocChunk the largest hole (get_vmalloc_info()).
 *
 * Mirrors: mm/page_alloc.c frag_show() (2.6.11) and zoneinfo_show()
 * (2.6.13; mm/vmstat.c in later kernels),
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

	for_each_populated_zone(zone) {
		printk("Node %d, zone %8s ", 0, zone->name);
		for (int order = 0; order < MAX_ORDER; order++)
			printk("%6lu ", zone->free_area[order].nr_free);
		printk("\n");
	}
}

/*
 * show_zoneinfo - 2.6.13's /proc/zoneinfo (its first version): per
 * populated zone, the free pages, the watermarks, the span and present
 * pages, the lowmem protection against each zonelist, the per-CPU list of
 * any CPU that holds pages, and the first pfn.  An empty zone prints
 * nothing, as in buddyinfo.  2.6.13's reclaim lines (active, inactive,
 * scanned, all_unreclaimable, prev/temp_priority) are left out: this
 * kernel has no LRU lists and no page reclaim.
 */
void show_zoneinfo(void)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		printk("Node %d, zone %8s\n", 0, zone->name);
		printk("  pages free     %lu\n", zone->free_pages);
		printk("        min      %lu\n", zone->pages_min);
		printk("        low      %lu\n", zone->pages_low);
		printk("        high     %lu\n", zone->pages_high);
		printk("        spanned  %lu\n", zone->spanned_pages);
		printk("        present  %lu\n", zone->present_pages);
		printk("        protection: (%lu, %lu, %lu)\n", zone->lowmem_reserve[0],
		       zone->lowmem_reserve[1], zone->lowmem_reserve[2]);
		printk("  pagesets\n");
		for (int cpu = 0; cpu < NR_CPUS; cpu++) {
			const struct per_cpu_pages *pcp = &zone->pageset[cpu];

			if (!pcp->count)
				continue;
			printk("    cpu: %i pcp: %i\n", cpu, 0);    /* 2.6.13's 0 is the hot list */
			printk("              count: %i\n", pcp->count);
			printk("              low:   %i\n", pcp->low);
			printk("              high:  %i\n", pcp->high);
			printk("              batch: %i\n", pcp->batch);
		}
		printk("  start_pfn:         %lu\n", zone->zone_start_pfn);
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
