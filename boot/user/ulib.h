/*
 * boot/user/ulib.h - the whole C library of this kernel's user programs:
 * system calls, a few string functions, printf.
 *
 * A system call is `int 0x80` with Linux i386's convention:
 *
 *   eax = the call's number (Linux i386's: write is 4, uname 122 ...)
 *   ebx, ecx, edx, esi, edi = arguments 1 to 5
 *   int 0x80  ->  eax = the result, or -errno (-4095 .. -1) on failure
 *
 * Unlike glibc, the wrappers here return that -errno as it is: there is no
 * errno variable.  So `if (write(1, s, n) < 0)` works, and the value says
 * why.  brk() is the exception, as in the kernel: it returns the break.
 *
 * User programs are compiled with the normal i386 cdecl convention (all
 * arguments on the stack), not the kernel's -mregparm=3.
 *
 * Mirrors: glibc's wrappers and <sys/utsname.h>, <time.h> (the i386
 * structures the kernel reads and writes); Linux's
 * arch/i386/kernel/syscall_table.S for the numbers.
 */
#ifndef _USER_ULIB_H
#define _USER_ULIB_H

#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>

/* System call numbers: Linux i386's (arch/i386/kernel/syscall_table.S). */
#define __NR_exit          1
#define __NR_write         4
#define __NR_getpid       20
#define __NR_brk          45
#define __NR_sethostname  74
#define __NR_uname       122      /* sys_newuname: struct new_utsname */
#define __NR_sched_yield 158
#define __NR_nanosleep   162

/* The error numbers the wrappers may return negated (Linux's values). */
#define EPERM          1
#define EINTR          4
#define EFAULT        14
#define EINVAL        22
#define ENAMETOOLONG  36
#define ENOSYS        38

/* uname(): six NUL-terminated fields of 65 bytes (Linux's new_utsname). */
#define __NEW_UTS_LEN 64
struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];     /* the host name */
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

struct timespec {
	long tv_sec;
	long tv_nsec;                         /* 0 .. 999999999 */
};

/* The environment, "NAME=value" strings ending in NULL: main's envp. */
extern char **environ;

/* ---- system calls ---- */
__attribute__((noreturn)) void exit(int status);
int write(int fd, const void *buf, size_t count);
int getpid(void);
/* Move the end of the heap to @addr; returns the new end, or the old one
 * if the kernel refused.  brk(NULL) asks where the end is. */
void *brk(void *addr);
int sethostname(const char *name, size_t len);
int uname(struct new_utsname *buf);
int sched_yield(void);
int nanosleep(const struct timespec *req, struct timespec *rem);

/* Not a system call: the nodename field of uname(), as glibc does it.
 * Returns 0, or -ENAMETOOLONG if it does not fit in @len bytes with its NUL. */
int gethostname(char *name, size_t len);

/* ---- strings ---- */
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);

/*
 * ---- formatted output ----
 * Conversions: %d %u %x %s %c %p %%, with a width and the 0 flag
 * (%08x, %5d); an l is accepted and ignored (long is int on i386).
 * Return the number of characters produced, as C's do.
 */
__attribute__((format(printf, 1, 2))) int printf(const char *fmt, ...);
__attribute__((format(printf, 3, 4)))
int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

#endif /* _USER_ULIB_H */
