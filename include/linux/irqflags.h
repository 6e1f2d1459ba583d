/*
 * linux/irqflags.h - local_irq_save()/local_irq_restore(): the per-CPU
 * lock of this kernel.  On one CPU, code that an interrupt handler could
 * re-enter (the per-CPU page lists) runs with interrupts off.  The host
 * unit tests have no interrupts, so there these do nothing.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/types.h>

#ifdef HOST_TEST
static inline u32 local_irq_save(void) { return 0; }
static inline void local_irq_restore(u32 flags) { (void)flags; }
#else
#include <asm/processor.h>
#endif

#endif /* _LINUX_IRQFLAGS_H */
