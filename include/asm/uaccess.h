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
 * arch/i386/mm/extable.c fixup_exception() (2.6.11); mm/maccess.c
 * probe_kernel_read() (2.6.26).
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/types.h>
#include <memlayout.h>

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

/*
 * ---- Crossing from user space (U4, U5) ----
 *
 * A pointer from a system call is only a number the process chose.  It
 * may point into the kernel, at nothing, or at a range that runs off the
 * end of user space and wraps to 0.  So the kernel never dereferences it
 * directly: it checks the range with access_ok() and copies with an
 * instruction that has an exception-table entry, so that an unmapped page
 * ends the copy with -EFAULT instead of an oops.
 *
 * access_ok(addr, size): the whole of [addr, addr + size) lies below
 * TASK_SIZE.  Written so that no sum can overflow: size <= TASK_SIZE and
 * addr <= TASK_SIZE - size (2.6's __range_ok does the same with the
 * carry flag).  A size of 0 is always fine at any address below TASK_SIZE.
 */
static inline bool access_ok(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/*
 * copy_from_user / copy_to_user: the number of bytes NOT copied, 0 when
 * all were (Linux's convention; callers turn non-zero into -EFAULT).
 * What was not copied into the kernel is zeroed, so no stale kernel data
 * is ever used by mistake.
 */
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
unsigned long copy_to_user(void *to, const void *from, unsigned long n);

/*
 * strncpy_from_user - copy a NUL-terminated string of at most @count
 * bytes.  Returns its length without the NUL (== @count if no NUL came:
 * the caller decides whether that is too long), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char *src, long count);

/* Read one 32-bit word from user space: 0 or -EFAULT. */
int get_user_u32(u32 *val, const u32 *uaddr);

#endif /* _ASM_UACCESS_H */
