/*
 * linux/math64.h - 64-bit division helpers (arch/i386/lib/div64.c), which
 * also stand behind gcc's `/` and `%` on u64 and s64.
 *
 * Mirrors: include/linux/math64.h div64_u64() (2.6.26 on) and div64_s64()
 * of later kernels, with the remainder of div64_u64_rem() (3.12).
 */
#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H

#include <linux/types.h>

/* n / d, with n % d in *rem.  d == 0 traps (#DE), as divl does. */
u64 div64_u64_rem(u64 n, u64 d, u64 *rem);
/* Signed, truncating towards zero as C's / and % do. */
s64 div64_s64_rem(s64 n, s64 d, s64 *rem);

#endif /* _LINUX_MATH64_H */
