/*
 * asm/linkage.h - asmlinkage on i386.
 *
 * The kernel is built with -mregparm=3, as i386 Linux is from 2.6.20 on
 * (CONFIG_REGPARM before that): the first three integer arguments travel
 * in eax, edx and ecx instead of on the stack.  A function called from
 * assembly, which pushes its arguments, must take them all from the
 * stack: regparm(0).  Variadic functions (printk) and gcc's own library
 * calls (__udivdi3) always take their arguments on the stack.
 *
 * Mirrors: include/asm-i386/linkage.h (2.6).
 */
#ifndef _ASM_LINKAGE_H
#define _ASM_LINKAGE_H

#define asmlinkage __attribute__((regparm(0)))

#endif /* _ASM_LINKAGE_H */
