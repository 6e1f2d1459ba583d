/* linux/smp.h - which CPU am I?  Always 0 until the SMP build. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/types.h>
#include <linux/threads.h>

static inline int smp_processor_id(void) { return 0; }

/* CPUs running now: only the boot CPU until the SMP build brings up others. */
static inline int num_online_cpus(void) { return 1; }
static inline bool cpu_online(int cpu) { return cpu == 0; }

#endif /* _LINUX_SMP_H */
