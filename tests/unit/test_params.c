/*
 * tests/unit/test_params.c - parse_args() splitting a command line,
 * copy_command_line() cutting a long one at a word, and memparse()
 * reading sizes.
 *
 * The handlers below record every call as "key=value;" (or "key;" for a
 * bare key) in calls[], so a test states the whole sequence it expects.
 */
#include <string.h>
#include <stdio.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/params.h>
#include "unit.h"

#define U64_LAST 0xffffffffffffffffULL

static char calls[512];
static char cmdline[COMMAND_LINE_SIZE];

static void record(const char *key, const char *val)
{
	size_t n = strlen(calls);

	if (val)
		snprintf(calls + n, sizeof(calls) - n, "%s=%s;", key, val);
	else
		snprintf(calls + n, sizeof(calls) - n, "%s;", key);
}

static int set_selftest(const char *val)
{
	record("selftest", val);
	return 0;
}

/* mem= needs a size with nothing after it, as the kernel's handler will. */
static int set_mem(const char *val)
{
	const char *end;

	record("mem", val);
	if (!val || !*val)
		return -EINVAL;
	memparse(val, &end);
	return *end ? -EINVAL : 0;
}

static int set_msg(const char *val)
{
	record("msg", val);
	return 0;
}

static const struct kernel_param params[] = {
	{ "selftest", set_selftest },
	{ "mem",      set_mem },
	{ "msg",      set_msg },
};

static void setup(void)
{
	host_log_reset();
	calls[0] = '\0';
}

/* Parse a writable copy of @s; returns parse_args()'s count. */
static int parse(const char *s)
{
	strncpy(cmdline, s, sizeof(cmdline) - 1);
	return parse_args("Booting kernel", cmdline, params, ARRAY_SIZE(params));
}

/* ---- parse_args ---- */

START_TEST(bare_key_gets_null_and_key_value_gets_value)
{
	ck_assert_int_eq(parse("selftest mem=512M"), 0);
	ck_assert_str_eq(calls, "selftest;mem=512M;");
	ck_assert_str_eq(host_log(), "");
}
END_TEST

START_TEST(runs_of_spaces_and_tabs_separate_words)
{
	ck_assert_int_eq(parse(" \t selftest\t\tmsg=a   mem=1G \t "), 0);
	ck_assert_str_eq(calls, "selftest;msg=a;mem=1G;");
}
END_TEST

START_TEST(double_quotes_group_words_and_are_stripped)
{
	ck_assert_int_eq(parse("msg=\"hello  world\" \"msg=a b\" selftest"), 0);
	ck_assert_str_eq(calls, "msg=hello  world;msg=a b;selftest;");
}
END_TEST

START_TEST(unmatched_quote_runs_to_the_end)
{
	ck_assert_int_eq(parse("msg=\"abc def"), 0);
	ck_assert_str_eq(calls, "msg=abc def;");
}
END_TEST

START_TEST(value_is_split_at_the_first_equals_sign)
{
	ck_assert_int_eq(parse("msg=a=b msg= msg==="), 0);
	ck_assert_str_eq(calls, "msg=a=b;msg=;msg===;");
}
END_TEST

START_TEST(empty_quoted_word_is_skipped)
{
	ck_assert_int_eq(parse("\"\" selftest \"\""), 0);
	ck_assert_str_eq(calls, "selftest;");
}
END_TEST

START_TEST(null_empty_and_blank_command_lines_are_fine)
{
	char empty[] = "", blank[] = " \t  ";

	ck_assert_int_eq(parse_args("Booting kernel", NULL, params, ARRAY_SIZE(params)), 0);
	ck_assert_int_eq(parse_args("Booting kernel", empty, params, ARRAY_SIZE(params)), 0);
	ck_assert_int_eq(parse_args("Booting kernel", blank, params, ARRAY_SIZE(params)), 0);
	ck_assert_str_eq(calls, "");
	ck_assert_str_eq(host_log(), "");
}
END_TEST

START_TEST(unknown_keys_are_reported_counted_and_skipped)
{
	ck_assert_int_eq(parse("bogus selftest me=1 mem2=1 Mem=1"), 4);
	ck_assert_str_eq(calls, "selftest;");
	ck_assert_str_eq(host_log(),
		"Booting kernel: unknown parameter 'bogus' ignored\n"
		"Booting kernel: unknown parameter 'me' ignored\n"
		"Booting kernel: unknown parameter 'mem2' ignored\n"
		"Booting kernel: unknown parameter 'Mem' ignored\n");
}
END_TEST

START_TEST(rejected_values_are_reported_and_counted)
{
	ck_assert_int_eq(parse("mem=12X mem mem=64M"), 2);
	ck_assert_str_eq(calls, "mem=12X;mem;mem=64M;");
	ck_assert_str_eq(host_log(),
		"Booting kernel: bad value '12X' for parameter 'mem'\n"
		"Booting kernel: bad value '' for parameter 'mem'\n");
}
END_TEST

START_TEST(empty_table_reports_every_word)
{
	char s[] = "a b=c";

	ck_assert_int_eq(parse_args("early", s, NULL, 0), 2);
	ck_assert_str_eq(host_log(),
		"early: unknown parameter 'a' ignored\n"
		"early: unknown parameter 'b' ignored\n");
}
END_TEST

/* Words are cut where they stand: values point into the caller's buffer. */
static const char *seen_val;

static int remember(const char *val)
{
	seen_val = val;
	return 0;
}

START_TEST(words_are_split_in_place)
{
	static const struct kernel_param p[] = { { "root", remember } };
	char s[] = "x  root=\"/dev/sda 1\"  y";

	ck_assert_int_eq(parse_args("t", s, p, 1), 2);
	ck_assert(seen_val >= s && seen_val < s + sizeof(s));
	ck_assert_str_eq(seen_val, "/dev/sda 1");
}
END_TEST

/* ---- copy_command_line ---- */

START_TEST(command_line_that_fits_is_copied_whole)
{
	char dst[18];

	ck_assert_uint_eq(copy_command_line(dst, "selftest mem=512M", sizeof(dst)), 0);
	ck_assert_str_eq(dst, "selftest mem=512M");
}
END_TEST

/* 13 characters fit: "selftest mem=" would read as mem= with no value. */
START_TEST(word_cut_by_the_limit_is_dropped)
{
	char dst[14];

	ck_assert_uint_eq(copy_command_line(dst, "selftest mem=512M", sizeof(dst)), 9);
	ck_assert_str_eq(dst, "selftest");
}
END_TEST

/* The limit falls right after a word: that word is whole and kept. */
START_TEST(word_ending_at_the_limit_is_kept)
{
	char dst[9];

	ck_assert_uint_eq(copy_command_line(dst, "selftest mem=512M", sizeof(dst)), 9);
	ck_assert_str_eq(dst, "selftest");
}
END_TEST

/* A space inside double quotes is no word boundary, as in next_arg(). */
START_TEST(quoted_word_cut_by_the_limit_is_dropped_whole)
{
	char dst[20];

	ck_assert_uint_eq(copy_command_line(dst, "bench msg=\"a b c d e f\"", sizeof(dst)), 18);
	ck_assert_str_eq(dst, "bench");
}
END_TEST

START_TEST(single_word_longer_than_the_limit_leaves_nothing)
{
	char dst[4];

	ck_assert_uint_eq(copy_command_line(dst, "selftest", sizeof(dst)), 8);
	ck_assert_str_eq(dst, "");
}
END_TEST

/*
 * A 2053-character line at COMMAND_LINE_SIZE (2047 characters kept):
 *
 *   0        8            2038     2046 2047
 *   selftest _ ... _ _ _  mem=512M _    mem=1M      (_ is a space)
 *                                       ^ the limit cuts here
 *
 * Expect "mem=1M" dropped, so the handler sees only mem=512M.
 */
START_TEST(long_command_line_is_cut_at_a_word_then_parsed)
{
	static char src[2054];

	ck_assert_uint_eq(COMMAND_LINE_SIZE, 2048);
	memset(src, ' ', sizeof(src) - 1);
	memcpy(src, "selftest", 8);
	memcpy(src + 2038, "mem=512M", 8);
	memcpy(src + 2047, "mem=1M", 6);
	ck_assert_uint_eq(strlen(src), 2053);
	ck_assert_uint_eq(copy_command_line(cmdline, src, sizeof(cmdline)), 7);
	ck_assert_uint_eq(strlen(cmdline), 2046);
	ck_assert_int_eq(parse_args("Booting kernel", cmdline, params, ARRAY_SIZE(params)), 0);
	ck_assert_str_eq(calls, "selftest;mem=512M;");
}
END_TEST

/* ---- memparse ---- */

static u64 mp(const char *s, const char *rest)
{
	const char *end;
	u64 v = memparse(s, &end);

	ck_assert_msg(strcmp(end, rest) == 0, "memparse(\"%s\") stopped at \"%s\", not \"%s\"",
		      s, end, rest);
	return v;
}

START_TEST(reads_numbers_in_any_c_base)
{
	ck_assert_uint_eq(mp("4096", ""), 4096);
	ck_assert_uint_eq(mp("0x1000", ""), 4096);
	ck_assert_uint_eq(mp("0X1fFf", ""), 0x1fff);
	ck_assert_uint_eq(mp("010", ""), 8);
	ck_assert_uint_eq(mp("0", ""), 0);
	ck_assert_uint_eq(mp("0xffffffffffffffff", ""), U64_LAST);
}
END_TEST

START_TEST(suffixes_multiply_by_powers_of_1024)
{
	ck_assert_uint_eq(mp("640k", ""), 640ULL << 10);
	ck_assert_uint_eq(mp("640K", ""), 640ULL << 10);
	ck_assert_uint_eq(mp("512M", ""), 512ULL << 20);
	ck_assert_uint_eq(mp("512m", ""), 512ULL << 20);
	ck_assert_uint_eq(mp("4G", ""), 4ULL << 30);
	ck_assert_uint_eq(mp("3g", ""), 3ULL << 30);
	ck_assert_uint_eq(mp("2T", ""), 2ULL << 40);
	ck_assert_uint_eq(mp("2p", ""), 2ULL << 50);
	ck_assert_uint_eq(mp("15E", ""), 15ULL << 60);
	ck_assert_uint_eq(mp("0x10M", ""), 16ULL << 20);
}
END_TEST

START_TEST(end_pointer_stops_after_the_suffix)
{
	ck_assert_uint_eq(mp("512M,rest", ",rest"), 512ULL << 20);
	ck_assert_uint_eq(mp("12X", "X"), 12);
	ck_assert_uint_eq(mp("1MB", "B"), 1ULL << 20);
	ck_assert_uint_eq(mp("09", "9"), 0);            /* 9 is no octal digit */
	ck_assert_uint_eq(memparse("64K", NULL), 64ULL << 10);
}
END_TEST

START_TEST(no_digits_gives_zero_and_end_at_start)
{
	ck_assert_uint_eq(mp("", ""), 0);
	ck_assert_uint_eq(mp("abc", "abc"), 0);
	ck_assert_uint_eq(mp("M", "M"), 0);
	ck_assert_uint_eq(mp("-1", "-1"), 0);
}
END_TEST

/* "0x" with no hex digit after it is the number 0 followed by "x...". */
START_TEST(bare_0x_prefix_reads_as_zero)
{
	ck_assert_uint_eq(mp("0x", "x"), 0);
	ck_assert_uint_eq(mp("0xg", "xg"), 0);
	ck_assert_uint_eq(mp("0xK", "xK"), 0);
}
END_TEST

START_TEST(too_large_numbers_saturate)
{
	ck_assert_uint_eq(mp("18446744073709551615", ""), U64_LAST);
	ck_assert_uint_eq(mp("18446744073709551616", ""), U64_LAST);
	ck_assert_uint_eq(mp("99999999999999999999999K", ""), U64_LAST);
	ck_assert_uint_eq(mp("0x10000000000000000", ""), U64_LAST);
	ck_assert_uint_eq(mp("16E", ""), U64_LAST);
	ck_assert_uint_eq(mp("17179869184G", ""), U64_LAST);  /* 2^34 G = 2^64 */
	ck_assert_uint_eq(mp("17179869183G", ""), 17179869183ULL << 30);
}
END_TEST

Suite *params_suite(void)
{
	Suite *s = suite_create("params");
	TCase *args = tcase_create("parse_args");
	TCase *mem = tcase_create("memparse");

	tcase_add_checked_fixture(args, setup, NULL);
	tcase_add_test(args, bare_key_gets_null_and_key_value_gets_value);
	tcase_add_test(args, runs_of_spaces_and_tabs_separate_words);
	tcase_add_test(args, double_quotes_group_words_and_are_stripped);
	tcase_add_test(args, unmatched_quote_runs_to_the_end);
	tcase_add_test(args, value_is_split_at_the_first_equals_sign);
	tcase_add_test(args, empty_quoted_word_is_skipped);
	tcase_add_test(args, null_empty_and_blank_command_lines_are_fine);
	tcase_add_test(args, unknown_keys_are_reported_counted_and_skipped);
	tcase_add_test(args, rejected_values_are_reported_and_counted);
	tcase_add_test(args, empty_table_reports_every_word);
	tcase_add_test(args, words_are_split_in_place);
	tcase_add_test(args, command_line_that_fits_is_copied_whole);
	tcase_add_test(args, word_cut_by_the_limit_is_dropped);
	tcase_add_test(args, word_ending_at_the_limit_is_kept);
	tcase_add_test(args, quoted_word_cut_by_the_limit_is_dropped_whole);
	tcase_add_test(args, single_word_longer_than_the_limit_leaves_nothing);
	tcase_add_test(args, long_command_line_is_cut_at_a_word_then_parsed);
	suite_add_tcase(s, args);

	tcase_add_test(mem, reads_numbers_in_any_c_base);
	tcase_add_test(mem, suffixes_multiply_by_powers_of_1024);
	tcase_add_test(mem, end_pointer_stops_after_the_suffix);
	tcase_add_test(mem, no_digits_gives_zero_and_end_at_start);
	tcase_add_test(mem, bare_0x_prefix_reads_as_zero);
	tcase_add_test(mem, too_large_numbers_saturate);
	suite_add_tcase(s, mem);
	return s;
}
