/* linux/smp.h - which CPU am I?  Always 0 until the SMP build. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/threads.h>

static inline int smp_processor_id(void) { return 0; }

#endif /* _LINUX_SMP_H */
