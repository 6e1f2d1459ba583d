/*
 * linux/irqflags.h - local_irq_save()/local_irq_restore(): the per-CPU
 * lock of this kernel.  On one CPU, code that an interrupt handler could
 * re-enter (the per-CPU page lists) runs with interrupts off.  How
 * interrupts are turned off is the CPU's business: asm/irqflags.h.
 *
 * Mirrors: include/linux/irqflags.h (2.6.18).
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <asm/irqflags.h>

#endif /* _LINUX_IRQFLAGS_H */
