/*
 * kernel/vsprintf.c - vsnprintf(), the formatter behind printk(), and
 * behind the user programs' printf(): the Makefile compiles this file a
 * second time, with the user flags, into build/user/ (as Linux's tools/
 * build reuses lib/ sources).  So it includes only headers that compile
 * freestanding for user space too, and relies on no kernel convention
 * (-mregparm=3 or cdecl, either works).
 *
 * Supports the subset of C's printf the kernel uses, with Linux's meaning:
 *   %d %i %u %x %X %o %c %s %p %%
 *   flags - 0 + space #, width and precision (numbers or *),
 *   length modifiers hh h l ll z t.
 * %p prints a pointer as 8 hex digits, zero padded, no "0x" (2.6's %p).
 * Everything else gives what C's printf gives, but for one case where we
 * keep Linux's answer: "%#x" of 0 is "0x0" (C says "0"), so that
 * "[mem %#018llx-...]" prints 0x0000000000000000 as Linux's dmesg does.
 * Output is always terminated when size > 0; the return value is the length
 * the whole output would have had, as C99 says.
 *
 * Mirrors: lib/vsprintf.c vsnprintf(), number() (2.6).  Omitted: floating
 * point, %n, and the later %pS family.
 */
#include <linux/sprintf.h>
#include <linux/string.h>

#define ZEROPAD  1
#define SIGN     2
#define PLUS     4
#define SPACE    8
#define LEFT     16
#define SPECIAL  32     /* '#': 0x prefix, or 0 for octal */
#define LARGE    64     /* upper-case hex */

struct outbuf {
	char *buf;
	size_t size;
	size_t len;     /* characters produced so far, stored or not */
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_pad(struct outbuf *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Print @num in @base (8, 10 or 16) with the width/precision rules of C. */
static void number(struct outbuf *o, u64 num, int base, int width,
		   int precision, int flags)
{
	const char *digits = (flags & LARGE) ? "0123456789ABCDEF"
					     : "0123456789abcdef";
	char tmp[24], sign = 0;
	int i = 0;

	if ((flags & SIGN) && (s64)num < 0) {
		sign = '-';
		num = -(s64)num;
	} else if (flags & SIGN) {
		sign = (flags & PLUS) ? '+' : (flags & SPACE) ? ' ' : 0;
	}
	if (num == 0 && base == 8)
		flags &= ~SPECIAL;      /* "%#o" of 0 is "0"; "%#x" of 0 is "0x0", as in Linux */
	while (num) {
		tmp[i++] = digits[num % base];
		num /= base;
	}
	if (i == 0 && precision != 0)   /* C: "%.0d" of 0 prints no digit */
		tmp[i++] = '0';

	if (precision < i)
		precision = i;
	width -= precision + (sign != 0);
	if ((flags & SPECIAL) && base == 16)
		width -= 2;
	else if ((flags & SPECIAL) && base == 8 && precision <= i)
		width -= 1;

	if (!(flags & (LEFT | ZEROPAD))) {
		put_pad(o, ' ', width);
		width = 0;
	}
	if (sign)
		put(o, sign);
	if ((flags & SPECIAL) && base == 16) {
		put(o, '0');
		put(o, (flags & LARGE) ? 'X' : 'x');
	} else if ((flags & SPECIAL) && base == 8 && precision <= i) {
		put(o, '0');
	}
	if (!(flags & LEFT)) {          /* here only ZEROPAD can be left */
		put_pad(o, '0', width);
		width = 0;
	}
	put_pad(o, '0', precision - i);
	while (i-- > 0)
		put(o, tmp[i]);
	put_pad(o, ' ', width);         /* whatever is left pads on the right */
}

static void string(struct outbuf *o, const char *s, int width, int precision,
		   int flags)
{
	int len;

	if (!s)
		s = "(null)";
	len = strnlen(s, precision < 0 ? (size_t)-1 : (size_t)precision);
	if (!(flags & LEFT))
		put_pad(o, ' ', width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (flags & LEFT)
		put_pad(o, ' ', width - len);
}

/* Read a decimal number at *fmt, advancing it. */
static int skip_atoi(const char **fmt)
{
	int n = 0;

	while (**fmt >= '0' && **fmt <= '9')
		n = n * 10 + *(*fmt)++ - '0';
	return n;
}

static int parse_flags(const char **fmt)
{
	int flags = 0;

	for (;; (*fmt)++) {
		switch (**fmt) {
		case '-': flags |= LEFT; break;
		case '+': flags |= PLUS; break;
		case ' ': flags |= SPACE; break;
		case '#': flags |= SPECIAL; break;
		case '0': flags |= ZEROPAD; break;
		default: return flags;
		}
	}
}

/* Fetch an integer argument of the size the length modifier @qual names. */
static u64 fetch_int(va_list *args, int qual, bool is_signed)
{
	switch (qual) {
	case 'L':                          /* ll */
		return va_arg(*args, u64);
	case 'l': case 'z': case 't':      /* all 32 bits on i386 */
		return is_signed ? (u64)(s64)va_arg(*args, long)
				 : (u64)va_arg(*args, unsigned long);
	case 'h':
		return is_signed ? (u64)(s64)(short)va_arg(*args, int)
				 : (u64)(unsigned short)va_arg(*args, unsigned int);
	case 'H':                          /* hh */
		return is_signed ? (u64)(s64)(signed char)va_arg(*args, int)
				 : (u64)(unsigned char)va_arg(*args, unsigned int);
	default:
		return is_signed ? (u64)(s64)va_arg(*args, int)
				 : (u64)va_arg(*args, unsigned int);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		int flags, width = -1, precision = -1, qual = 0, base = 10;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		flags = parse_flags(&fmt);
		if (*fmt == '*') {
			fmt++;
			width = va_arg(args, int);
			if (width < 0) {
				width = -width;
				flags |= LEFT;
			}
		} else if (*fmt >= '0' && *fmt <= '9') {
			width = skip_atoi(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			precision = (*fmt == '*') ? (fmt++, va_arg(args, int))
						  : skip_atoi(&fmt);
			if (precision < 0)
				precision = 0;
		}
		if (*fmt == 'l' || *fmt == 'h' || *fmt == 'z' || *fmt == 't') {
			qual = *fmt++;
			if (qual == 'l' && *fmt == 'l') {
				qual = 'L';
				fmt++;
			} else if (qual == 'h' && *fmt == 'h') {
				qual = 'H';
				fmt++;
			}
		}

		switch (*fmt) {
		case 'c':
			if (!(flags & LEFT))
				put_pad(&o, ' ', width - 1);
			put(&o, (char)va_arg(args, int));
			if (flags & LEFT)
				put_pad(&o, ' ', width - 1);
			continue;
		case 's':
			string(&o, va_arg(args, const char *), width, precision, flags);
			continue;
		case 'p':
			number(&o, (unsigned long)va_arg(args, void *), 16,
			       2 * sizeof(void *), -1, flags | ZEROPAD);
			continue;
		case '%':
			put(&o, '%');
			continue;
		case 'o':
			base = 8;
			break;
		case 'X':
			flags |= LARGE;
			/* fall through */
		case 'x':
			base = 16;
			break;
		case 'd': case 'i':
			flags |= SIGN;
			break;
		case 'u':
			break;
		default:               /* unknown conversion: print it as it is */
			put(&o, '%');
			if (!*fmt)
				goto out;
			put(&o, *fmt);
			continue;
		}
		if (precision >= 0)
			flags &= ~ZEROPAD;      /* C: a precision cancels the 0 flag */
		number(&o, fetch_int(&args, qual, flags & SIGN), base, width,
		       precision, flags);
	}
out:
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	va_end(args);
	return o.len;
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
