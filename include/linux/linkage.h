/*
 * linux/linkage.h - how C functions are called.
 *
 * The kernel is built with -mregparm=3, as i386 Linux is from 2.6.20 on
 * (CONFIG_REGPARM before that): the first three integer arguments travel
 * in eax, edx and ecx instead of on the stack.  A function called from
 * assembly, which pushes its arguments, must say so: asmlinkage.
 * Variadic functions (printk) and gcc's own library calls (__udivdi3)
 * always take their arguments on the stack.
 *
 * Mirrors: include/linux/linkage.h, include/asm-i386/linkage.h (2.6).
 */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#ifdef HOST_TEST
#define asmlinkage
#else
#define asmlinkage __attribute__((regparm(0)))
#endif

#endif /* _LINUX_LINKAGE_H */
