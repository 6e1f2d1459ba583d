/*
 * tests/unit/include/asm/linkage.h - asmlinkage on the host: nothing.
 *
 * The host unit tests call the kernel's asmlinkage functions (sys_brk())
 * from C, with the host's one calling convention, so linux/linkage.h's
 * default, an empty asmlinkage, is right.  This header takes the place of
 * include/asm/linkage.h, whose regparm(0) means nothing on x86-64.
 */
#ifndef _ASM_LINKAGE_H
#define _ASM_LINKAGE_H

#endif /* _ASM_LINKAGE_H */
