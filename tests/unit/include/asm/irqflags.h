/*
 * tests/unit/include/asm/irqflags.h - local_irq_save()/local_irq_restore()
 * on the host: nothing to do.
 *
 * The host unit tests take no interrupts, so nothing can cut into the
 * per-CPU page lists or the slab's array caches that these guard in the
 * kernel (include/asm/irqflags.h: cli, pushfl/popfl, which a user process
 * may not run).  The flags are a dummy that restore ignores.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <linux/types.h>

static inline u32 local_irq_save(void) { return 0; }
static inline void local_irq_restore(u32 flags) { (void)flags; }

#endif /* _ASM_IRQFLAGS_H */
