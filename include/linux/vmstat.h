/*
 * linux/vmstat.h - the /proc views of physical memory, printed to the
 * console in exactly Linux's formats (an interactive monitor comes later):
 *   show_buddyinfo()  /proc/buddyinfo  free blocks per zone and order (Z6)
 *   show_zoneinfo()   /proc/zoneinfo   watermarks and sizes per zone
 *   show_meminfo()    /proc/meminfo    totals, low and high
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

void show_buddyinfo(void);
void show_zoneinfo(void);
void show_meminfo(void);

#endif /* _LINUX_VMSTAT_H */
