/*
 * linux/vmstat.h - the /proc views of physical memory, printed to the
 * console in exactly Linux's formats (an interactive monitor comes later):
 *   show_buddyinfo()  /proc/buddyinfo  free blocks per zone and order (Z6)
 *   show_zoneinfo()   /proc/zoneinfo   watermarks and sizes per zone
 *   show_meminfo()    /proc/meminfo    totals, low and high, slab, page
 *                                      tables, the vmalloc area
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

/* Pages in use as user page tables (mm/memory.c pte_alloc_map() adds one,
 * free_pgtables() takes it back): meminfo's PageTables.  The kernel's own
 * page tables (the direct map's, vmalloc's, pkmap's, the fixmap's) are
 * not counted, as in 2.6.11. */
extern unsigned long nr_page_table_pages;

void show_buddyinfo(void);
void show_zoneinfo(void);
void show_meminfo(void);

#endif /* _LINUX_VMSTAT_H */
