/*
 * asm/irqflags.h - turning interrupts off and on: EFLAGS.IF.
 *
 *   local_irq_disable()/enable()    cli / sti
 *   flags = local_irq_save()        pushfl; popl (all of EFLAGS), then cli
 *   local_irq_restore(flags)        pushl; popfl: IF as it was saved
 *
 * save/restore nest: an inner pair leaves interrupts off if an outer one
 * turned them off, because restore puts back what was, not "on".  2.6
 * writes local_irq_save(flags) as a macro assigning its argument; here it
 * returns the flags.
 *
 * Mirrors: include/asm-i386/irqflags.h (2.6.18; 2.6.11 keeps these in
 * include/asm-i386/system.h).
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <linux/types.h>

static inline u32 read_eflags(void)
{
	u32 f;
	asm volatile("pushfl; popl %0" : "=r"(f));
	return f;
}

static inline void local_irq_disable(void) { asm volatile("cli" : : : "memory"); }
static inline void local_irq_enable(void)  { asm volatile("sti" : : : "memory"); }

static inline u32 local_irq_save(void)
{
	u32 flags = read_eflags();
	local_irq_disable();
	return flags;
}

/* Put back the whole of EFLAGS as saved, IF included (2.6: pushl; popfl). */
static inline void local_irq_restore(u32 flags)
{
	asm volatile("pushl %0; popfl" : : "g"(flags) : "memory", "cc");
}

#endif /* _ASM_IRQFLAGS_H */
