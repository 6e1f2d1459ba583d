/*
 * kernel/cmdline.c - read a size from the command line: "512M", "0x1000",
 * "4G", "640k".
 *
 * The number is read in any C base (0x.. hex, 0.. octal, else decimal),
 * then an optional suffix multiplies it by 2^10 (K), 2^20 (M), 2^30 (G),
 * 2^40 (T), 2^50 (P) or 2^60 (E), either case.
 *
 * Mirrors: lib/cmdline.c memparse() and lib/vsprintf.c simple_strtoull()
 * (2.6).  Unlike Linux, a number too big for 64 bits saturates at
 * 0xffffffffffffffff instead of silently wrapping, so "mem=99999999999G"
 * means "all of it", not a random amount.  Omitted: a leading sign.
 */
#include <linux/types.h>
#include <linux/kernel.h>

/* The value of digit @c in @base, or -1 if it is not one. */
static int digit_value(char c, unsigned int base)
{
	int v;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	else
		return -1;
	return v < (int)base ? v : -1;
}

/*
 * The base a C literal at @s is written in, and how many prefix characters
 * to skip.  "0x" counts as a prefix only if a hex digit follows, so "0x"
 * alone reads as the number 0 followed by 'x', as simple_strtoull() has it.
 */
static unsigned int number_base(const char *s, unsigned int *skip)
{
	*skip = 0;
	if (s[0] != '0')
		return 10;
	if ((s[1] == 'x' || s[1] == 'X') && digit_value(s[2], 16) >= 0) {
		*skip = 2;
		return 16;
	}
	return 8;
}

/* The shift a size suffix stands for, or 0 if @c is not one. */
static unsigned int suffix_shift(char c)
{
	switch (c) {
	case 'K': case 'k': return 10;
	case 'M': case 'm': return 20;
	case 'G': case 'g': return 30;
	case 'T': case 't': return 40;
	case 'P': case 'p': return 50;
	case 'E': case 'e': return 60;
	default:            return 0;
	}
}

/**
 * memparse - read a size with an optional K/M/G/T/P/E suffix from @s.
 * @endp: if not NULL, set to the first character not used (@s itself when
 *        there is no digit, in which case 0 is returned).
 * Returns the value in bytes, saturated at 0xffffffffffffffff.
 */
u64 memparse(const char *s, const char **endp)
{
	unsigned int skip, shift, base = number_base(s, &skip);
	const char *p = s + skip;
	bool saturated = false;
	u64 v = 0;
	int d;

	for (; (d = digit_value(*p, base)) >= 0; p++) {
		/* v * base + d would exceed U64_MAX. */
		if (v > (U64_MAX - (u64)d) / base)
			saturated = true;
		else
			v = v * base + (u64)d;
	}
	shift = p != s ? suffix_shift(*p) : 0;     /* p == s: no digit at all */
	if (shift) {
		p++;
		if (v > (U64_MAX >> shift))
			saturated = true;
		else
			v <<= shift;
	}
	if (endp)
		*endp = p;
	return saturated ? U64_MAX : v;
}
