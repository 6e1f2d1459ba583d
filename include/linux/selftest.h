/*
 * linux/selftest.h - the one call from the kernel into its self-tests.
 *
 * The in-kernel self-tests are linked only into the self-test build,
 * the kernel compiled with CONFIG_SELFTEST, as Linux links its KUnit tests
 * only with CONFIG_KUNIT.  pid 1 calls selftest_run_all() before it execs
 * init: in the self-test build it runs what the command line asked,
 * "selftest" (the KTAP suites) or "bench" (make bench), and ends by
 * leaving QEMU; with neither it returns and the boot goes on.  In the
 * kernel that make run boots it is an empty inline.
 *
 * Mirrors: include/kunit/test.h kunit_run_all_tests() and its stub
 * (5.5+), called from init/main.c kernel_init_freeable().
 */
#ifndef _LINUX_SELFTEST_H
#define _LINUX_SELFTEST_H

#ifdef CONFIG_SELFTEST
void selftest_run_all(void);
#else
static inline void selftest_run_all(void)
{
}
#endif

#endif /* _LINUX_SELFTEST_H */
