/*
 * boot/user/ulib.h - the whole C library of this kernel's user programs:
 * system calls, printf, and the kernel's own string functions and
 * snprintf (kernel/string.c and kernel/vsprintf.c, compiled again for
 * user space: see the Makefile).
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
 * Two calls are unlike any function: fork() returns twice (the child's pid
 * in the parent, 0 in the child), and execve() returns only on failure.
 *
 * User programs are compiled with the normal i386 cdecl convention (all
 * arguments on the stack), not the kernel's -mregparm=3.
 *
 * The numbers and structures of the ABI (system call numbers, errors,
 * signals, struct new_utsname, struct timespec, the waitpid() status
 * word) are not repeated here: ulib.h includes the kernel's headers that
 * define them, as glibc builds on Linux's exported headers.
 *
 * Mirrors: glibc's wrappers and <sys/utsname.h>, <time.h>, <sys/wait.h>,
 * <fcntl.h>, on top of Linux's exported asm/unistd.h, asm/signal.h,
 * linux/errno.h, linux/utsname.h, linux/time.h and linux/wait.h.
 */
#ifndef _USER_ULIB_H
#define _USER_ULIB_H

#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>

/* The ABI, from the kernel's own headers (-Iinclude): plain definitions
 * that compile freestanding, one copy for the kernel and for us. */
#include <asm/unistd.h>          /* __NR_write ... */
#include <asm/signal.h>          /* SIGSEGV ... */
#include <linux/errno.h>         /* EFAULT ...: returned negated */
#include <linux/time.h>          /* struct timespec */
#include <linux/utsname.h>       /* struct new_utsname, for uname() */
#include <linux/wait.h>          /* waitpid()'s WNOHANG and W* status macros */

/* open()'s flags: the only one the kernel knows (its files are read-only). */
#define O_RDONLY 0

/* The environment, "NAME=value" strings ending in NULL: main's envp. */
extern char **environ;

/* ---- system calls ---- */
__attribute__((noreturn)) void exit(int status);
/* A copy of this process with its own copy of all its memory; returns the
 * child's pid in the parent and 0 in the child, or -errno (no child). */
int fork(void);
/* Up to @count bytes from @fd; returns how many (0 at the end), or -errno. */
int read(int fd, void *buf, size_t count);
int write(int fd, const void *buf, size_t count);
/* The kernel's only files: "/proc/self/maps" and "/proc/<pid>/maps", in
 * Linux's format; any other path is -ENOENT.  Returns a file descriptor. */
int open(const char *path, int flags);
int close(int fd);
/* Wait for child @pid (-1: any child) to end, store its status word (the
 * W* macros of linux/wait.h) in *@status unless @status is NULL, and free
 * it.  Returns the child's pid, or -ECHILD if there is no such child.
 * @options: 0, or WNOHANG to return 0 at once if no child has ended yet. */
int waitpid(int pid, int *status, int options);
/* Replace this process's program by the module named @path ("init",
 * "usertests"; a leading '/' is allowed), with main(argc, argv, envp) from
 * @argv and @envp, both NULL-terminated.  Returns only on failure:
 * -ENOENT, -EFAULT, -E2BIG, -ENOMEM. */
int execve(const char *path, char *const argv[], char *const envp[]);
int getpid(void);
int getppid(void);
/* End process @pid: every signal is fatal here (no handlers); 0 only
 * checks that it exists.  -ESRCH: no such process; -EPERM: init. */
int kill(int pid, int sig);
/* Move the end of the heap to @addr; returns the new end, or the old one
 * if the kernel refused.  brk(NULL) asks where the end is. */
void *brk(void *addr);
int sethostname(const char *name, size_t len);
int uname(struct new_utsname *buf);
int sched_yield(void);
int nanosleep(const struct timespec *req, struct timespec *rem);

/*
 * Any system call by number, as glibc's syscall(), but with all five
 * argument registers always given (ebx, ecx, edx, esi, edi; pass 0 for
 * those the call ignores).  For tests that need a call ulib does not
 * wrap, or a number no call has.
 */
long syscall(long nr, long arg1, long arg2, long arg3, long arg4, long arg5);

/* Not a system call: nanosleep() for @ms milliseconds; returns its result. */
int sleep_ms(unsigned int ms);

/* Not a system call: the nodename field of uname(), as glibc does it.
 * Returns 0, or -ENAMETOOLONG if it does not fit in @len bytes with its NUL. */
int gethostname(char *name, size_t len);

/*
 * ---- strings and formatting: the kernel's, compiled for user space ----
 * linux/string.h declares kernel/string.c's (memcpy, strlen, strstr ...);
 * linux/sprintf.h, kernel/vsprintf.c's snprintf() and vsnprintf(), whose
 * conversions are Linux's (listed at the top of that file).  Mind %p: 8
 * hex digits and no "0x" (0804a000), as 2.6 prints it, not glibc's 0x804a000.
 */
#include <linux/string.h>
#include <linux/sprintf.h>

/* vsnprintf() into a 1 KB buffer, then one write() to fd 1; a longer
 * output is cut there.  Returns what write() returned. */
__attribute__((format(printf, 1, 2))) int printf(const char *fmt, ...);

#endif /* _USER_ULIB_H */
