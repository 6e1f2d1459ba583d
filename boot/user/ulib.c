/*
 * boot/user/ulib.c - system calls through int 0x80, string functions, and
 * printf for user programs (the contract of each is in ulib.h).
 *
 * Mirrors: glibc's syscall wrappers (sysdeps/unix/sysv/linux/i386) and
 * gethostname() (sysdeps/unix/sysv/linux/gethostname.c, through uname);
 * printf in the spirit of the kernel's vsnprintf().
 * Omitted: errno, stdio buffering across calls, floating point, %o, %ll,
 * the - + space # flags and precision.
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

/* ---- strings ---- */

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++)
		if (*a != *b || !*a)
			return (unsigned char)*a - (unsigned char)*b;
	return 0;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return *needle ? NULL : (char *)haystack;
}

/*
 * memcpy and memset as one string instruction each: gcc may turn a byte
 * loop into a call to memcpy or memset, which here would call itself.
 */
void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;

	asm volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) : : "memory");
	return dst;
}

void *memset(void *s, int c, size_t n)
{
	void *d = s;

	asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return s;
}

/* ---- formatted output ---- */

/*
 * Where formatted characters go: @buf holds up to @size of them.  When it
 * is full, printf (fd >= 0) writes it out and starts again; snprintf
 * (fd < 0) drops the rest but still counts them, as C's snprintf does.
 */
struct printbuf {
	char *buf;
	size_t size, len;
	int fd;
	int count;              /* characters produced so far */
};

static void flush(struct printbuf *pb)
{
	if (pb->len)
		write(pb->fd, pb->buf, pb->len);
	pb->len = 0;
}

static void put_char(struct printbuf *pb, char c)
{
	if (pb->len == pb->size && pb->fd >= 0)
		flush(pb);
	if (pb->len < pb->size)
		pb->buf[pb->len++] = c;
	pb->count++;
}

static void put_padding(struct printbuf *pb, char pad, int n)
{
	while (n-- > 0)
		put_char(pb, pad);
}

static void put_string(struct printbuf *pb, const char *s, int width)
{
	put_padding(pb, ' ', width - (int)strlen(s));
	while (*s)
		put_char(pb, *s++);
}

/*
 * @v in @base, at least @width characters, padded with @pad on the left.
 * A minus sign goes before zero padding ("-0042") and after spaces ("  -42").
 */
static void put_number(struct printbuf *pb, unsigned int v, unsigned int base,
		       bool negative, int width, char pad)
{
	char digits[32];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	width -= n + negative;
	if (pad == ' ')
		put_padding(pb, ' ', width);
	if (negative)
		put_char(pb, '-');
	if (pad == '0')
		put_padding(pb, '0', width);
	while (n)
		put_char(pb, digits[--n]);
}

/* The conversions of ulib.h, into @pb. */
static void format(struct printbuf *pb, const char *fmt, va_list args)
{
	for (; *fmt; fmt++) {
		char pad = ' ';
		int width = 0, d;

		if (*fmt != '%') {
			put_char(pb, *fmt);
			continue;
		}
		if (*++fmt == '0')
			pad = '0', fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == 'l')
			fmt++;
		switch (*fmt) {
		case 'd':
			d = va_arg(args, int);
			/* -(unsigned)d is right even for INT_MIN */
			put_number(pb, d < 0 ? -(unsigned int)d : (unsigned int)d, 10,
				   d < 0, width, pad);
			break;
		case 'u':
			put_number(pb, va_arg(args, unsigned int), 10, false, width, pad);
			break;
		case 'x':
			put_number(pb, va_arg(args, unsigned int), 16, false, width, pad);
			break;
		case 'p':
			put_string(pb, "0x", 0);
			put_number(pb, (unsigned int)va_arg(args, void *), 16, false, 0, ' ');
			break;
		case 's':
			put_string(pb, va_arg(args, const char *), width);
			break;
		case 'c':
			put_padding(pb, ' ', width - 1);
			put_char(pb, (char)va_arg(args, int));
			break;
		case '%':
			put_char(pb, '%');
			break;
		case '\0':              /* a lone % at the end */
			return;
		default:                /* unknown: print it as written */
			put_char(pb, '%');
			put_char(pb, *fmt);
		}
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct printbuf pb = { buf, size ? size - 1 : 0, 0, -1, 0 };

	format(&pb, fmt, args);
	if (size)
		buf[pb.len] = '\0';
	return pb.count;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int printf(const char *fmt, ...)
{
	char buf[256];
	struct printbuf pb = { buf, sizeof(buf), 0, 1, 0 };
	va_list args;

	va_start(args, fmt);
	format(&pb, fmt, args);
	va_end(args);
	flush(&pb);
	return pb.count;
}
