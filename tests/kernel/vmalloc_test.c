/* tests/kernel/vmalloc_test.c - being written (issue 4). */
#include <linux/kernel.h>
#include "selftest.h"

static const struct selftest vmalloc_tests[] = {
	{ NULL, NULL, NULL },
};

const struct selftest_suite vmalloc_suite = {
	"vmalloc", vmalloc_tests, 0,
};
