/* tests/kernel/highmem_test.c - being written (issue 4). */
#include <linux/kernel.h>
#include "selftest.h"

static const struct selftest highmem_tests[] = {
	{ NULL, NULL, NULL },
};

const struct selftest_suite highmem_suite = {
	"highmem", highmem_tests, 0,
};
