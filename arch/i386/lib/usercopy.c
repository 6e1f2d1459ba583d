/*
 * arch/i386/lib/usercopy.c - copies that are allowed to fault.
 *
 * __copy_user_ll() is one `rep movsb` with an exception-table entry: if a
 * byte cannot be read or written, the page-fault handler finds the
 * instruction in __ex_table and resumes at label 2, where ecx still holds
 * the number of bytes left.  So the copy stops at the first bad page and
 * reports how much it did not copy.  copy_from_user()/copy_to_user() (the
 * system-call issue) and probe_kernel_read() are built on it.
 *
 *        1:  rep movsb          <- may fault; ecx = bytes left
 *        2:                     <- the fixup: carry on with ecx as it is
 *   __ex_table:  .long 1b, 2b
 *
 * Mirrors: arch/i386/lib/usercopy.c __copy_user(), mm/maccess.c.
 */
#include <linux/errno.h>
#include <asm/uaccess.h>

unsigned long __copy_user_ll(void *to, const void *from, unsigned long n)
{
	asm volatile("1:	rep movsb\n"
		     "2:\n"
		     ".section __ex_table, \"a\"\n"
		     "	.align 4\n"
		     "	.long 1b, 2b\n"
		     ".previous"
		     : "+D"(to), "+S"(from), "+c"(n)
		     : : "memory");
	return n;
}

long probe_kernel_read(void *dst, const void *src, size_t size)
{
	return __copy_user_ll(dst, src, size) ? -EFAULT : 0;
}

long probe_kernel_write(void *dst, const void *src, size_t size)
{
	return __copy_user_ll(dst, src, size) ? -EFAULT : 0;
}
