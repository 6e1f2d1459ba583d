/*
 * linux/linkage.h - how C functions are called.
 *
 * A function called from assembly, which pushes its arguments on the
 * stack, is marked asmlinkage.  What that takes depends on the
 * architecture's calling convention, so asm/linkage.h says it; where it
 * says nothing, asmlinkage is the compiler's ordinary convention.
 *
 * Mirrors: include/linux/linkage.h (2.6).
 */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#include <asm/linkage.h>

#ifndef asmlinkage
#define asmlinkage
#endif

#endif /* _LINUX_LINKAGE_H */
