/*
 * tests/kernel/selftest.h - in-kernel self-tests, reported as KTAP.
 *
 * A test is a function that returns NULL when it passes, or a message that
 * names what went wrong (the HelenOS kernel-test convention).  Above each
 * test a comment gives the setup and one "Expect ..." sentence.  Each test
 * names the seed claims it demonstrates (tests/CLAIMS.md), and the
 * runner prints them as a directive:
 *
 *   ok 4 boot_pgd_maps_first_8mb_twice # seeds: P3
 */
#ifndef _TESTS_SELFTEST_H
#define _TESTS_SELFTEST_H

#include <linux/types.h>
#include <linux/mmzone.h>

struct selftest {
	const char *name;
	const char *seeds;               /* "seeds: P1 Z8", or NULL */
	const char *(*run)(void);
};

struct selftest_suite {
	const char *name;
	const struct selftest *tests;
	unsigned int nr;
};

/* Format a failure message into a static buffer and return it. */
__attribute__((format(printf, 1, 2))) const char *ktest_fail(const char *fmt, ...);

/* Return "skipped" with a reason (KTAP "# SKIP"): for a test that cannot
 * run at this boot's RAM size, say with no HighMem.  Counts as passed. */
__attribute__((format(printf, 1, 2))) const char *ktest_skip(const char *fmt, ...);

/* Return a failure naming the expression and both values unless a == b. */
#define KTEST_EXPECT_EQ(a, b) do {					\
	unsigned long long __a = (a), __b = (b);			\
	if (__a != __b)							\
		return ktest_fail("%s == %s: got 0x%llx, expected 0x%llx", \
				  #a, #b, __a, __b);			\
} while (0)
#define KTEST_EXPECT(cond) do {						\
	if (!(cond))							\
		return ktest_fail("expected %s", #cond);		\
} while (0)

/* Position in the log: everything printed so far (it only grows). */
unsigned long log_position(void);
/* Does the text printed since @since contain @needle?  (printk's log
 * buffer, read as dmesg reads it: log_buf_addr_get() and friends.) */
bool log_contains_since(unsigned long since, const char *needle);
/* The decimal number after the first @label (and any spaces) printed since
 * @since, as in "VmallocUsed:      8 kB"; false if there is none. */
bool log_number_since(unsigned long since, const char *label, unsigned long *val);

/*
 * Call @fn(@arg) and report whether it hit a BUG: __bug() prints its
 * report as always, then its tracepoint's probe (probe_bug() in
 * selftest.c) jumps back here instead of letting it oops.
 */
bool provokes_bug(void (*fn)(unsigned long), unsigned long arg);

/*
 * The buddy free lists, per zone and order, with the per-CPU lists drained
 * first: take a snapshot before a test, and check after it that nothing
 * was lost or left behind (NULL, or what differs).
 */
struct free_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
};
void snapshot_free(struct free_snapshot *s);
const char *free_lists_unchanged(const struct free_snapshot *s);
/*
 * The same with every slab cache shrunk first: freed objects wait in
 * per-CPU arrays and free slabs, holding pages, until
 * kmem_cache_shrink_all().  A leaked object still keeps its slab off the
 * buddy lists, so a leak shows unless other live objects keep that slab.
 */
void snapshot_free_shrunk(struct free_snapshot *s);
const char *free_lists_unchanged_shrunk(const struct free_snapshot *s);

/* vmlist, area by area: the same before and after a test (NULL), or what
 * differs.  The first 16 areas are compared, the count always. */
struct vmlist_snapshot {
	unsigned int n;
	struct { void *addr; unsigned long size, flags; } area[16];
};
void snapshot_vmlist(struct vmlist_snapshot *s);
const char *vmlist_unchanged(const struct vmlist_snapshot *s);

/*
 * The last kernel-mode page fault that reached the no_context path (the
 * page_fault_no_context tracepoint, trace/events/exceptions.h): a test
 * notes count, provokes a fault through the exception table, and reads
 * what the handler was shown.
 */
struct page_fault_record {
	unsigned long address;     /* CR2 */
	u32 error_code;
	unsigned long eip;         /* the faulting instruction */
	bool fixed_up;             /* eip has an exception-table entry to resume at */
	unsigned long count;       /* no_context faults so far */
	char region[128];          /* fault_region_describe() of the address */
};
extern struct page_fault_record last_kernel_fault;

/* Counts the probes keep: the slab's misuse reports and the page
 * allocator's "Bad page state" reports (trace/events/kmem.h), and the TLB
 * flushes of the pkmap window (trace/events/highmem.h).  A test notes one,
 * makes a mistake or fills the window, and expects one more. */
extern unsigned long slab_error_count, nr_bad_pages, pkmap_tlb_flushes;

/* The suites, one per mechanism (tests/kernel/<mech>_test.c). */
extern const struct selftest_suite boot_suite;
extern const struct selftest_suite printk_suite;
extern const struct selftest_suite mm_suite;
extern const struct selftest_suite layout_suite;
extern const struct selftest_suite vmalloc_suite;
extern const struct selftest_suite meminfo_suite;
extern const struct selftest_suite ioremap_suite;
extern const struct selftest_suite highmem_suite;
extern const struct selftest_suite slab_suite;
extern const struct selftest_suite slab_debug_suite;
extern const struct selftest_suite elf_suite;
extern const struct selftest_suite process_suite;

__attribute__((noreturn)) void run_selftests(void);
/* "bench=icount": QEMU runs under -icount shift=0, a TSC tick is an instruction. */
extern bool bench_icount;
__attribute__((noreturn)) void run_benchmarks(void);

#endif /* _TESTS_SELFTEST_H */
