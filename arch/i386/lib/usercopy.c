/*
 * arch/i386/lib/usercopy.c - copies that are allowed to fault.
 *
 * __copy_user_ll() is one `rep movsb` with an exception-table entry: if a
 * byte cannot be read or written, the page-fault handler finds the
 * instruction in __ex_table and resumes at label 2, where ecx still holds
 * the number of bytes left.  So the copy stops at the first bad page and
 * reports how much it did not copy.  copy_from_user()/copy_to_user() and
 * probe_kernel_read() are built on it.
 *
 * The fault first goes through the page-fault handler's normal path: a
 * user page inside one of the process's regions that is merely not there
 * yet (heap, stack) is allocated and the copy carries on.  Only a fault
 * the handler cannot satisfy (no region, or a write to a read-only one)
 * reaches the fixup.
 *
 *        1:  rep movsb          <- may fault; ecx = bytes left
 *        2:                     <- the fixup: carry on with ecx as it is
 *   __ex_table:  .long 1b, 2b
 *
 * Mirrors: arch/i386/lib/usercopy.c __copy_user(), __copy_user_zeroing(),
 * __do_strncpy_from_user(); include/asm-i386/uaccess.h __get_user_asm()
 * (2.6.11); mm/maccess.c (2.6.26).
 */
#include <linux/errno.h>
#include <linux/string.h>
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

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = __copy_user_ll(to, from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user_ll(to, from, n);
}

/*
 * One byte from user space.  Label 1 may fault; its fixup (label 3, in
 * .fixup, out of the way of the normal path) sets err and resumes at 2.
 */
static inline int __get_user_u8(u8 *val, const u8 *uaddr)
{
	int err = 0;
	u8 v;

	asm volatile("1:	movb %2, %1\n"
		     "2:\n"
		     ".section .fixup, \"ax\"\n"
		     "3:	movl %3, %0\n"
		     "	xorb %1, %1\n"
		     "	jmp 2b\n"
		     ".previous\n"
		     ".section __ex_table, \"a\"\n"
		     "	.align 4\n"
		     "	.long 1b, 3b\n"
		     ".previous"
		     : "+r"(err), "=q"(v)
		     : "m"(*uaddr), "i"(-EFAULT));
	*val = v;
	return err;
}

long strncpy_from_user(char *dst, const char *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		u8 c;

		if (!access_ok(src + i, 1) || __get_user_u8(&c, (const u8 *)src + i))
			return -EFAULT;
		dst[i] = (char)c;
		if (!c)
			return i;
	}
	return count;
}

int get_user_u32(u32 *val, const u32 *uaddr)
{
	return copy_from_user(val, uaddr, sizeof(*val)) ? -EFAULT : 0;
}
