/*
 * asm/div64.h - the one division the i386 does in hardware: divl.
 *
 * divl divides the 64-bit edx:eax by a 32-bit operand, leaving the
 * quotient in eax and the remainder in edx.  The quotient must fit in 32
 * bits, so the caller keeps @hi < @d; otherwise the CPU traps (#DE), as it
 * does for @d == 0.  arch/i386/lib/div64.c builds 64-by-64 division from
 * it.
 *
 * Mirrors: include/asm-i386/div64.h do_div(), div_ll_X_l_rem() (2.6.11).
 */
#ifndef _ASM_DIV64_H
#define _ASM_DIV64_H

#include <linux/types.h>

/* edx:eax / d, with hi < d so the quotient fits in 32 bits. */
static inline u32 divl(u32 hi, u32 lo, u32 d, u32 *rem)
{
	u32 q, r;

	asm("divl %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
	*rem = r;
	return q;
}

#endif /* _ASM_DIV64_H */
