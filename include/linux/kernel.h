/*
 * linux/kernel.h - the handful of helpers every file uses: BUG_ON, WARN_ON,
 * panic, ARRAY_SIZE, min/max, ALIGN, container_of.
 *
 * BUG_ON() is always compiled in: this kernel is for learning, and a checked
 * invariant teaches.  A BUG prints "kernel BUG at file:line!" and the
 * condition, then raises an invalid-opcode trap (ud2, as Linux does) so the
 * oops path prints the registers and a backtrace, then panics.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/printk.h>

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#ifndef __always_inline        /* the host's C library has its own */
#define __always_inline inline __attribute__((always_inline))
#endif

#define U64_MAX ((u64)~0ULL)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
/* Round @x up to a multiple of @a, a power of two. */
#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
/* The position of the highest bit set, 1-based; 0 for 0: fls(1) = 1, fls(4096) = 13. */
static inline unsigned int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);
__attribute__((noreturn)) void __bug(const char *file, int line,
				     const char *func, const char *cond);
void __warn(const char *file, int line, const char *func, const char *cond);

#define BUG() __bug(__FILE__, __LINE__, __func__, "BUG()")
#define BUG_ON(cond) do {						\
	if (unlikely(cond))						\
		__bug(__FILE__, __LINE__, __func__, "BUG_ON(" #cond ")");	\
} while (0)
#define WARN_ON(cond) ({						\
	bool __c = !!(cond);						\
	if (unlikely(__c))						\
		__warn(__FILE__, __LINE__, __func__, "WARN_ON(" #cond ")");	\
	__c;								\
})

/* Print "CPU: 0 PID: 1 Comm: init ..." and the "Call Trace:" from the
 * caller's frame (arch/i386/kernel/traps.c). */
void dump_stack(void);

/* Parse "512M", "0x1000", "4G" the way Linux's memparse() does. */
u64 memparse(const char *s, const char **endp);

#endif /* _LINUX_KERNEL_H */
