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

Suite *div64_suite(void)
{
	Suite *s = suite_create("div64");
	TCase *tc = tcase_create("div64");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, edges_of_the_two_cases);
	tcase_add_test(tc, a_million_random_divisions);
	suite_add_tcase(s, tc);
	return s;
}
