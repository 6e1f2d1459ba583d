/*
 * linux/stringify.h - a macro's value as a string literal.  For assembly
 * written as a C string, where a constant cannot be an operand (a
 * top-level asm() takes none): "mov eax, " __stringify(__NR_getpid)
 * becomes "mov eax, 20".  The second level makes the argument expand
 * before # turns it into a string.
 *
 * Plain macros, no includes: usable from freestanding user C.
 *
 * Mirrors: include/linux/stringify.h (2.6.11).
 */
#ifndef _LINUX_STRINGIFY_H
#define _LINUX_STRINGIFY_H

#define __stringify_1(x...)  #x
#define __stringify(x...)    __stringify_1(x)

#endif /* _LINUX_STRINGIFY_H */
