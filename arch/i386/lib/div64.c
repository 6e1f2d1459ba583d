/*
 * arch/i386/lib/div64.c - 64-bit division on a 32-bit CPU, in place of
 * libgcc's.
 *
 * An i386 has no instruction that divides a 64-bit number by a 64-bit
 * number: `divl` divides the 64-bit edx:eax by a 32-bit divisor and traps
 * (#DE) if the quotient does not fit in 32 bits.  So for `u64 / u64` gcc
 * calls a helper, __udivdi3.  libgcc has one, but this kernel is built
 * with -mregparm=3 (linux/linkage.h) and gcc passes the helpers their
 * first argument in registers then, which libgcc's copies, built for the
 * stack, do not expect.  Linux never links libgcc on i386 and divides with
 * do_div() instead; we keep plain `/` and `%` in C and supply the helpers,
 * compiled with the kernel's own flags, so caller and callee agree.
 *
 * Two cases:
 *  - the divisor fits in 32 bits: two divl, high word first, the first
 *    remainder becoming the high half of the second dividend (long
 *    division in base 2^32, as lib/div64.c's __div64_32 does by shifts);
 *  - it does not: the quotient fits in 32 bits.  Normalise the divisor so
 *    its top bit is set, estimate the quotient with one divl on the top
 *    words, and correct the estimate, which is at most one too large
 *    (Hacker's Delight, 9-5 "divlu").
 *
 * divl itself is asm/div64.h's.  The host unit tests compile this file
 * with an asm/div64.h of their own, where divl is C, and
 * compare the results with the host's own division.
 *
 * Mirrors: lib/div64.c __div64_32(), div64_u64() (2.6.26+), in place of
 * libgcc's __udivdi3 family.
 */
#include <linux/math64.h>
#include <asm/div64.h>

static inline u64 div64_u32_rem(u64 n, u32 d, u32 *rem)
{
	u32 r, q_hi = divl(0, (u32)(n >> 32), d, &r);
	u32 q_lo = divl(r, (u32)n, d, rem);

	return ((u64)q_hi << 32) | q_lo;
}

u64 div64_u64_rem(u64 n, u64 d, u64 *rem)
{
	u32 d_hi = (u32)(d >> 32), r32, shift, q;
	u64 q64;

	if (d_hi == 0) {
		q64 = div64_u32_rem(n, (u32)d, &r32);
		*rem = r32;
		return q64;
	}
	/* d >= 2^32, so n / d < 2^32.  (d << shift) has bit 63 set. */
	shift = (u32)__builtin_clz(d_hi);
	/* n >> 1 keeps the first divl's quotient below 2^32. */
	q = divl((u32)(n >> 33), (u32)(n >> 1), (u32)((d << shift) >> 32), &r32);
	q = (u32)(((u64)q << shift) >> 31);
	if (q)
		q--;                    /* now q <= n / d <= q + 1 */
	q64 = q;
	*rem = n - q64 * d;
	if (*rem >= d) {
		q64++;
		*rem -= d;
	}
	return q64;
}

s64 div64_s64_rem(s64 n, s64 d, s64 *rem)
{
	u64 un = n < 0 ? -(u64)n : (u64)n, ud = d < 0 ? -(u64)d : (u64)d, ur;
	u64 uq = div64_u64_rem(un, ud, &ur);

	/* C truncates towards zero: the remainder has the dividend's sign. */
	*rem = (s64)(n < 0 ? 0 - ur : ur);     /* gcc converts modulo 2^64 */
	return (s64)((n < 0) != (d < 0) ? 0 - uq : uq);
}

/* The names gcc calls for `/` and `%` on 64-bit operands. */
u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);

u64 __udivmoddi4(u64 n, u64 d, u64 *rem)
{
	u64 r, q = div64_u64_rem(n, d, &r);

	if (rem)
		*rem = r;
	return q;
}

u64 __udivdi3(u64 n, u64 d)
{
	return __udivmoddi4(n, d, NULL);
}

u64 __umoddi3(u64 n, u64 d)
{
	u64 r;

	__udivmoddi4(n, d, &r);
	return r;
}

s64 __divdi3(s64 n, s64 d)
{
	s64 r;

	return div64_s64_rem(n, d, &r);
}

s64 __moddi3(s64 n, s64 d)
{
	s64 r;

	div64_s64_rem(n, d, &r);
	return r;
}
