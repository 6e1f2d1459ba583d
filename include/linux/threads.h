/*
 * linux/threads.h - NR_CPUS, the number of CPUs this kernel is built for.
 * One CPU runs until the SMP build; per-CPU state (GDTs, TSSs, fixmap
 * kmap_atomic slots, per-CPU page lists) is already sized for NR_CPUS.
 */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

#ifndef NR_CPUS
#define NR_CPUS 4
#endif

#endif /* _LINUX_THREADS_H */
