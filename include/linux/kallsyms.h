/*
 * linux/kallsyms.h - addresses to function names, for oopses and backtraces.
 *
 * The table is made by the build: the kernel is linked once with an empty
 * table, `nm` lists its text symbols, the list becomes build/kallsyms.c, and
 * the kernel is linked again.  The table sits last in the image (linker.ld),
 * so adding it moves no other symbol; the Makefile checks that.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

/*
 * The function containing @addr, or NULL.  *@size is its length and
 * *@offset the distance of @addr from its start.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);
/* The address of the function called @name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);
/* "name+0x12/0x40", or the bare hex address when unknown. */
void sprint_symbol(char *buf, size_t len, unsigned long addr);
/* The same for a return address: the symbol of the call before it. */
void sprint_backtrace(char *buf, size_t len, unsigned long addr);

#endif /* _LINUX_KALLSYMS_H */
