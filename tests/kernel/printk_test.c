/*
 * tests/kernel/printk_test.c - the console: vsnprintf's formats, the log
 * buffer, the timestamp prefix, WARN_ON.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include "selftest.h"

/* Format into buf and fail the test unless the text is exactly @want. */
#define EXPECT_FORMAT(want, fmt, ...) do {					\
	snprintf(buf, sizeof(buf), fmt, __VA_ARGS__);				\
	if (strcmp(buf, want))							\
		return ktest_fail("\"%s\" gave \"%s\", expected \"%s\"",	\
				  fmt, buf, want);				\
} while (0)

/* Expect each format to give exactly the text C's printf gives. */
static const char *test_vsnprintf_formats(void)
{
	char buf[80];

	EXPECT_FORMAT("-5 42 3000000000", "%d %i %u", -5, 42, 3000000000u);
	EXPECT_FORMAT("   42|42   |-0042|+7", "%5d|%-5d|%05d|%+d", 42, 42, -42, 7);
	EXPECT_FORMAT("beef BEEF 0xff 0x00001234", "%x %X %#x %#010x",
		      0xbeefu, 0xbeefu, 255u, 0x1234u);
	EXPECT_FORMAT("0000000000000fed 123456789abc -1234567890123",
		      "%016llx %llx %lld", 0xfedull, 0x123456789abcull, -1234567890123ll);
	EXPECT_FORMAT("ffffffff 4000000000 77", "%lx %lu %zu",
		      0xfffffffful, 4000000000ul, (size_t)77);
	EXPECT_FORMAT("abc|       abc|abc       |abc", "%s|%10s|%-10s|%.3s",
		      "abc", "abc", "abc", "abcdef");
	EXPECT_FORMAT("c0100000 (null)", "%p %s", (void *)0xc0100000, (char *)NULL);
	EXPECT_FORMAT("0x0000000000000000 0x0", "%#018llx %#x", 0ull, 0u);
	EXPECT_FORMAT("a|  b|%", "%c|%3c|%%", 'a', 'b');
	return NULL;
}

/* Expect snprintf to truncate, terminate, and return the untruncated length. */
static const char *test_snprintf_truncates(void)
{
	char buf[6];
	int n = snprintf(buf, sizeof(buf), "%s-%d", "abcdef", 12345);

	KTEST_EXPECT_EQ(n, 12);
	KTEST_EXPECT(!strcmp(buf, "abcde"));
	return NULL;
}

/* Expect a printed line in the log, with a "[    s.micros] " stamp before it. */
static const char *test_log_buffer_keeps_lines(void)
{
	unsigned long since = log_position();

	printk("printk_test: marker %d\n", 4242);
	KTEST_EXPECT(log_contains_since(since, "] printk_test: marker 4242\n"));
	KTEST_EXPECT(log_contains_since(since, "["));
	KTEST_EXPECT(!log_contains_since(since, "marker 4243"));
	KTEST_EXPECT(!log_contains_since(log_position(), "marker 4242"));
	return NULL;
}

/* Expect WARN_ON(true) to report "WARNING: at" with a backtrace, and return. */
static const char *test_warn_on_reports_and_continues(void)
{
	unsigned long since = log_position();
	bool fired = WARN_ON(since == since);

	KTEST_EXPECT(fired);
	KTEST_EXPECT(log_contains_since(since, "WARNING: at tests/kernel/printk_test.c:"));
	KTEST_EXPECT(log_contains_since(since, "Call Trace:"));
	KTEST_EXPECT(log_contains_since(since, "test_warn_on_reports_and_continues+0x"));
	KTEST_EXPECT(!WARN_ON(false));
	return NULL;
}

static const struct selftest printk_tests[] = {
	{ "vsnprintf_formats_match_c", NULL, test_vsnprintf_formats },
	{ "snprintf_truncates_and_terminates", NULL, test_snprintf_truncates },
	{ "printk_lines_reach_the_log_with_timestamps", NULL, test_log_buffer_keeps_lines },
	{ "warn_on_prints_backtrace_and_continues", NULL, test_warn_on_reports_and_continues },
};

const struct selftest_suite printk_suite = {
	"printk", printk_tests, ARRAY_SIZE(printk_tests),
};
