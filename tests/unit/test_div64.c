/*
 * tests/unit/test_div64.c - arch/i386/lib/div64.c, the kernel's 64-bit
 * division, against the host's own `/` and `%`.
 *
 * The interesting operands are at the edges of the two cases: divisors
 * just below and at 2^32, dividends smaller than the divisor, quotients
 * of exactly 2^32 - 1, and the estimate that needs its +1 correction.
 */
#include <stdint.h>
#include "unit.h"
#include <linux/math64.h>

static void check_u(u64 n, u64 d)
{
	u64 r, q = div64_u64_rem(n, d, &r);

	ck_assert_msg(q == n / d && r == n % d,
		      "%#llx / %#llx: got q %#llx r %#llx, want q %#llx r %#llx",
		      (unsigned long long)n, (unsigned long long)d, (unsigned long long)q,
		      (unsigned long long)r, (unsigned long long)(n / d),
		      (unsigned long long)(n % d));
}

static void check_s(s64 n, s64 d)
{
	s64 r, q = div64_s64_rem(n, d, &r);

	ck_assert_msg(q == n / d && r == n % d, "%lld / %lld: got q %lld r %lld",
		      (long long)n, (long long)d, (long long)q, (long long)r);
}

/* xorshift64: the same sequence on every run. */
static u64 rng_state = 0x9e3779b97f4a7c15ull;
static u64 rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

START_TEST(edges_of_the_two_cases)
{
	static const u64 v[] = {
		1, 2, 3, 7, 10, 1000000000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
		0x100000000ull, 0x100000001ull, 0x1ffffffffull, 0x200000000ull,
		0x7fffffffffffffffull, 0x8000000000000000ull, 0xfffffffffffffffeull,
		UINT64_MAX, 0xffffffff00000000ull, 0x00000001fffffffeull,
		0x8000000080000000ull, 0x123456789abcdef0ull,
	};
	const size_t n = sizeof(v) / sizeof(v[0]);

	for (size_t i = 0; i < n; i++) {
		check_u(0, v[i]);
		for (size_t j = 0; j < n; j++) {
			check_u(v[i], v[j]);
			check_u(v[i] - 1, v[j]);
			if (!((s64)v[i] == INT64_MIN && (s64)v[j] == -1))   /* overflows */
				check_s((s64)v[i], (s64)v[j]);
		}
	}
}
END_TEST

START_TEST(a_million_random_divisions)
{
	for (int i = 0; i < 1000000; i++) {
		u64 n = rnd(), d = rnd() >> (rnd() % 64);
		s64 sn = (s64)rnd() >> (rnd() % 64), sd = (s64)rnd() >> (rnd() % 63);

		if (d)
			check_u(n >> (rnd() % 64), d);
		if (sd && !(sn == INT64_MIN && sd == -1))
			check_s(sn, sd);
	}
}
END_TEST

/*
 * The libgcc names gcc's i386 code calls for `/` and `%` on 64-bit
 * operands (arch/i386/lib/div64.c).  An x86-64 build never calls them
 * itself, so the test does, beside the host's own operators: each must
 * agree with div64_u64_rem()/div64_s64_rem(), and __udivmoddi4() must
 * accept a NULL remainder.  Expect the host's quotients and remainders.
 */
u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);

START_TEST(libgcc_entry_points_divide_as_c_does)
{
	for (int i = 0; i < 10000; i++) {
		u64 n = rnd(), d = rnd() >> (rnd() % 64), r;
		s64 sn = (s64)rnd() >> (rnd() % 64), sd = (s64)rnd() >> (rnd() % 63);

		if (d) {
			ck_assert_uint_eq(__udivdi3(n, d), n / d);
			ck_assert_uint_eq(__umoddi3(n, d), n % d);
			ck_assert_uint_eq(__udivmoddi4(n, d, &r), n / d);
			ck_assert_uint_eq(r, n % d);
			ck_assert_uint_eq(__udivmoddi4(n, d, NULL), n / d);
		}
		if (sd && !(sn == INT64_MIN && sd == -1)) {
			ck_assert_int_eq(__divdi3(sn, sd), sn / sd);
			ck_assert_int_eq(__moddi3(sn, sd), sn % sd);
		}
	}
}
END_TEST

Suite *div64_suite(void)
{
	Suite *s = suite_create("div64");
	TCase *tc = tcase_create("div64");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, edges_of_the_two_cases);
	tcase_add_test(tc, a_million_random_divisions);
	tcase_add_test(tc, libgcc_entry_points_divide_as_c_does);
	suite_add_tcase(s, tc);
	return s;
}
