/*
 * tests/unit/include/asm/div64.h - divl on the host, in C.
 *
 * include/asm/div64.h divides edx:eax by 32 bits with the i386's divl,
 * whose 32-bit register operands an x86-64 build cannot pass.  The host
 * has 64-bit division in hardware, so the same contract (@hi < @d, so the
 * quotient fits in 32 bits) takes two lines of C here, and test_div64.c
 * checks arch/i386/lib/div64.c's long division on top of it against the
 * host's own `/` and `%`.
 */
#ifndef _ASM_DIV64_H
#define _ASM_DIV64_H

#include <linux/types.h>

static inline u32 divl(u32 hi, u32 lo, u32 d, u32 *rem)
{
	u64 n = ((u64)hi << 32) | lo;

	*rem = (u32)(n % d);
	return (u32)(n / d);
}

#endif /* _ASM_DIV64_H */
