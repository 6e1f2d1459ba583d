/*
 * tests/unit/main.c - run every host unit-test suite.
 *
 * srunner_run_all(sr, CK_ENV) lets the environment pick the output:
 * CK_VERBOSITY=silent with CK_TAP_LOG_FILE_NAME=- gives pure TAP on stdout
 * for `make test`.  Each test runs in its own forked process (check's
 * default), so the kernel globals under test (e820, memblock) start fresh.
 */
#include <stdlib.h>
#include <linux/printk.h>
#include "unit.h"

Suite *mmap_suite(void);        /* test_mmap.c */

int main(void)
{
	SRunner *sr = srunner_create(multiboot2_suite());
	int failed;

	printk_time = false;    /* the captured lines carry no "[    0.000000] " */
	srunner_add_suite(sr, e820_suite());
	srunner_add_suite(sr, params_suite());
	srunner_add_suite(sr, memblock_suite());
	srunner_add_suite(sr, buddy_suite());
	srunner_add_suite(sr, div64_suite());
	srunner_add_suite(sr, vmalloc_suite());
	srunner_add_suite(sr, layout_suite());
	srunner_add_suite(sr, slab_suite());
	srunner_add_suite(sr, kmalloc_suite());
	srunner_add_suite(sr, slab_debug_suite());
	srunner_add_suite(sr, slab_random_suite());
	srunner_add_suite(sr, elf_suite());
	srunner_add_suite(sr, mmap_suite());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
