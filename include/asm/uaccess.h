/*
 * asm/uaccess.h - the exception table, and copies that may fault.
 *
 * Some kernel instructions are *expected* to fault now and then: a copy from
 * a user pointer that turns out to be unmapped, or a self-test that touches a
 * guard page on purpose.  Each such instruction gets an entry in the section
 * __ex_table, { address of the instruction, address to resume at }.  When a
 * kernel-mode fault happens, the trap handler looks up the faulting eip there
 * (fixup_exception()); if it is found, the handler sets eip to the fixup and
 * returns, and the code carries on with an error instead of an oops.
 *
 * Mirrors: include/asm-i386/uaccess.h (struct exception_table_entry),
 * arch/i386/mm/extable.c fixup_exception(), mm/maccess.c probe_kernel_read().
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/types.h>

struct pt_regs;

struct exception_table_entry {
	unsigned long insn;    /* the instruction that may fault */
	unsigned long fixup;   /* where to go instead */
};

/* Sort the table once at boot so lookups can bisect (Linux: sort_main_extable). */
void sort_main_extable(void);
const struct exception_table_entry *search_exception_tables(unsigned long addr);
/* If @regs->eip has a fixup, jump there and return true. */
bool fixup_exception(struct pt_regs *regs);

/*
 * __copy_user_ll - copy @n bytes with rep movsb; a fault stops the copy.
 * Returns the number of bytes NOT copied (0 on success), as Linux does.
 */
unsigned long __copy_user_ll(void *to, const void *from, unsigned long n);

/* Read or write kernel memory that may not be mapped: 0 or -EFAULT. */
long probe_kernel_read(void *dst, const void *src, size_t size);
long probe_kernel_write(void *dst, const void *src, size_t size);

#endif /* _ASM_UACCESS_H */
