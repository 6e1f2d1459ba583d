/*
 * boot/user/ulib.c - what the user programs' library has that the kernel
 * has not: the system calls through int 0x80, and printf() on write()
 * (the contract of each is in ulib.h).  The string functions and the
 * formatter are not here: they are the kernel's kernel/string.c and
 * kernel/vsprintf.c, which the Makefile compiles a second time for user
 * space and links with this file, as Linux's tools/ build reuses lib/
 * sources (tools/lib/string.c).
 *
 * Mirrors: glibc's syscall wrappers (sysdeps/unix/sysv/linux/i386) and
 * gethostname() (sysdeps/unix/sysv/linux/gethostname.c, through uname).
 * Omitted: errno, stdio buffering (each printf() is one write()).
 */
#include "ulib.h"

char **environ;                 /* set by crt0.asm */

/*
 * The one way into the kernel: the number in eax, five arguments in ebx,
 * ecx, edx, esi, edi (ebp, Linux's sixth, is gcc's frame pointer here and
 * no call of ours needs it).  A call that takes fewer ignores the extra
 * registers.  "memory": the kernel may write what the arguments point to
 * (read, uname, nanosleep, waitpid's status).
 */
long syscall(long nr, long arg1, long arg2, long arg3, long arg4, long arg5)
{
	long ret;

	asm volatile("int $0x80"
		     : "=a"(ret)
		     : "a"(nr), "b"(arg1), "c"(arg2), "d"(arg3), "S"(arg4), "D"(arg5)
		     : "memory");
	return ret;
}

/* Every wrapper below takes at most three arguments. */
static long __syscall(long nr, long arg1, long arg2, long arg3)
{
	return syscall(nr, arg1, arg2, arg3, 0, 0);
}

void exit(int status)
{
	__syscall(__NR_exit, status, 0, 0);
	__builtin_trap();       /* exit never returns; if it did, fault (ud2) */
}

int fork(void)
{
	return __syscall(__NR_fork, 0, 0, 0);
}

int read(int fd, void *buf, size_t count)
{
	return __syscall(__NR_read, fd, (long)buf, count);
}

int write(int fd, const void *buf, size_t count)
{
	return __syscall(__NR_write, fd, (long)buf, count);
}

int open(const char *path, int flags)
{
	return __syscall(__NR_open, (long)path, flags, 0);
}

int close(int fd)
{
	return __syscall(__NR_close, fd, 0, 0);
}

int waitpid(int pid, int *status, int options)
{
	return __syscall(__NR_waitpid, pid, (long)status, options);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __syscall(__NR_execve, (long)path, (long)argv, (long)envp);
}

int getpid(void)
{
	return __syscall(__NR_getpid, 0, 0, 0);
}

int getppid(void)
{
	return __syscall(__NR_getppid, 0, 0, 0);
}

int kill(int pid, int sig)
{
	return __syscall(__NR_kill, pid, sig, 0);
}

void *brk(void *addr)
{
	return (void *)__syscall(__NR_brk, (long)addr, 0, 0);
}

int sethostname(const char *name, size_t len)
{
	return __syscall(__NR_sethostname, (long)name, len, 0);
}

int uname(struct new_utsname *buf)
{
	return __syscall(__NR_uname, (long)buf, 0, 0);
}

int sched_yield(void)
{
	return __syscall(__NR_sched_yield, 0, 0, 0);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall(__NR_nanosleep, (long)req, (long)rem, 0);
}

int sleep_ms(unsigned int ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	return nanosleep(&t, NULL);
}

int gethostname(char *name, size_t len)
{
	struct new_utsname u;
	size_t n;
	int err = uname(&u);

	if (err < 0)
		return err;
	n = strlen(u.nodename) + 1;
	if (n > len)
		return -ENAMETOOLONG;
	memcpy(name, u.nodename, n);
	return 0;
}

/* ---- formatted output ---- */

/*
 * Format into a buffer on the stack with the kernel's vsnprintf() (the
 * same source, compiled for user space), then one write() to fd 1.  A
 * longer output is cut at PRINTF_BUF_SIZE - 1 characters, as Linux 2.6's
 * vprintk() cuts its output to fit printk_buf[1024].  Returns what write()
 * returned: the number of characters written, or -errno.
 */
#define PRINTF_BUF_SIZE 1024

int printf(const char *fmt, ...)
{
	char buf[PRINTF_BUF_SIZE];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	return write(1, buf, n);
}
