/*
 * tests/kernel/selftest.c - run every suite and print KTAP on the console.
 *
 *   KTAP version 1
 *   1..N                      the plan: make test fails a boot that stops early
 *   # suite: boot
 *   ok 1 name # seeds: S1
 *   not ok 2 name # seeds: P3
 *   # <the failure message>
 *   ok 3 name # SKIP <why: say, no HighMem at this RAM size>
 *   # selftest: N passed, M failed
 *
 * Then QEMU is left through isa-debug-exit: 0x10 when all passed, 0x11 when
 * some failed.  Mirrors the output of Linux's KUnit (lib/kunit/test.c).
 *
 * This file also holds the self-test build's way in: the "selftest" and
 * "bench" boot switches, selftest_run_all() (linux/selftest.h), and the
 * probes of the tracepoints that several suites read (the no_context page
 * fault, BUG).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/params.h>
#include <linux/selftest.h>
#include <linux/vmalloc.h>
#include <asm/fault.h>
#include <asm/qemu.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <trace/events/exceptions.h>
#include <trace/events/highmem.h>
#include <trace/events/kmem.h>
#include "selftest.h"

static bool selftest_enabled, bench_enabled;

/* Both switches are bare words: "selftest=no" is refused and runs nothing. */
static int selftest_setup(const char *val)
{
	if (val)
		return -EINVAL;
	selftest_enabled = true;
	slab_debug = true;      /* the self-tests provoke the slab's debug reports */
	return 0;
}
__setup("selftest", selftest_setup);    /* run the KTAP self-tests, then exit QEMU */

bool bench_icount;

/*
 * "bench" prints TSC differences, in cycles; "bench=icount" says QEMU runs
 * under -icount shift=0 (tests/run-bench.sh), where they count instructions.
 * The kernel cannot see that for itself, so the one who started QEMU says it.
 */
static int bench_setup(const char *val)
{
	if (val && strcmp(val, "icount"))
		return -EINVAL;         /* refused: nothing is switched on */
	bench_enabled = true;
	bench_icount = val != NULL;
	return 0;
}
__setup("bench", bench_setup);          /* print TSC counts, then exit QEMU */

void selftest_run_all(void)
{
	if (bench_enabled)
		run_benchmarks();
	if (selftest_enabled)
		run_selftests();
}

struct page_fault_record last_kernel_fault;

void probe_page_fault_no_context(struct pt_regs *regs, unsigned long address, u32 error_code)
{
	last_kernel_fault = (struct page_fault_record){
		.address = address, .error_code = error_code, .eip = regs->eip,
		.count = last_kernel_fault.count + 1,
		.fixed_up = search_exception_tables(regs->eip) != NULL,
	};
	/* An oops is coming otherwise, and names the region itself. */
	if (last_kernel_fault.fixed_up)
		fault_region_describe(address, last_kernel_fault.region,
				      sizeof(last_kernel_fault.region));
}

unsigned long slab_error_count, nr_bad_pages, pkmap_tlb_flushes;

void probe_slab_error(const struct kmem_cache *cachep)
{
	(void)cachep;
	slab_error_count++;
}

void probe_bad_page(const struct page *page, const char *reason)
{
	(void)page;
	(void)reason;
	nr_bad_pages++;
}

void probe_flush_all_zero_pkmaps(unsigned int cleared)
{
	(void)cleared;
	pkmap_tlb_flushes++;
}

/* The __builtin_setjmp() buffer of the provokes_bug() under way, or NULL. */
static void **bug_catcher;

void probe_bug(const char *file, int line)
{
	void **env = bug_catcher;

	(void)file;
	(void)line;
	if (!env)
		return;         /* not provoked: __bug() goes on to oops */
	bug_catcher = NULL;
	printk("(caught by a self-test that provoked it)\n");
	__builtin_longjmp(env, 1);
}

static const struct selftest_suite *const suites[] = {
	&boot_suite,
	&printk_suite,
	&mm_suite,
	&layout_suite,
	&vmalloc_suite,
	&meminfo_suite,
	&ioremap_suite,
	&highmem_suite,
	&slab_suite,
	&slab_debug_suite,
	&elf_suite,
	&process_suite,
};

const char *ktest_fail(const char *fmt, ...)
{
	static char msg[256];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	return msg;
}

#define SKIP_MARK '\001'

const char *ktest_skip(const char *fmt, ...)
{
	static char msg[256];
	va_list args;

	msg[0] = SKIP_MARK;
	va_start(args, fmt);
	vsnprintf(msg + 1, sizeof(msg) - 1, fmt, args);
	va_end(args);
	return msg;
}

bool provokes_bug(void (*fn)(unsigned long), unsigned long arg)
{
	void *env[5];

	if (__builtin_setjmp(env)) {
		bug_catcher = NULL;
		return true;
	}
	bug_catcher = env;
	fn(arg);
	bug_catcher = NULL;
	return false;
}

unsigned long log_position(void)
{
	return log_buf_end_get();
}

/* The log position just past the first @needle printed since @since, or 0. */
static unsigned long log_find_since(unsigned long since, const char *needle)
{
	const char *buf = log_buf_addr_get();
	unsigned long end = log_buf_end_get(), mask = log_buf_len_get() - 1;
	size_t n = strlen(needle);

	if (end - since > mask + 1)             /* older text was overwritten */
		since = end - (mask + 1);
	for (unsigned long pos = since; pos + n <= end; pos++) {
		size_t i = 0;

		while (i < n && buf[(pos + i) & mask] == needle[i])
			i++;
		if (i == n)
			return pos + n;
	}
	return 0;
}

bool log_contains_since(unsigned long since, const char *needle)
{
	return log_find_since(since, needle) != 0;
}

bool log_number_since(unsigned long since, const char *label, unsigned long *val)
{
	const char *buf = log_buf_addr_get();
	unsigned long end = log_buf_end_get(), mask = log_buf_len_get() - 1;
	unsigned long pos = log_find_since(since, label);
	bool digits = false;

	if (!pos)
		return false;
	while (pos < end && buf[pos & mask] == ' ')
		pos++;
	for (*val = 0; pos < end && buf[pos & mask] >= '0' && buf[pos & mask] <= '9'; pos++) {
		*val = *val * 10 + (buf[pos & mask] - '0');
		digits = true;
	}
	return digits;
}

void snapshot_free(struct free_snapshot *s)
{
	struct zone *zones = contig_page_data.node_zones;

	drain_all_pages();          /* per-CPU pages back on the buddy lists */
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		s->free_pages[z] = zones[z].free_pages;
		for (int o = 0; o < MAX_ORDER; o++)
			s->nr_free[z][o] = zones[z].free_area[o].nr_free;
	}
}

const char *free_lists_unchanged(const struct free_snapshot *s)
{
	struct zone *zones = contig_page_data.node_zones;
	struct free_snapshot now;

	snapshot_free(&now);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < MAX_ORDER; o++)
			if (now.nr_free[z][o] != s->nr_free[z][o])
				return ktest_fail("zone %s order %d: %lu free blocks, was %lu",
						  zones[z].name, o, now.nr_free[z][o],
						  s->nr_free[z][o]);
	return NULL;
}

void snapshot_free_shrunk(struct free_snapshot *s)
{
	kmem_cache_shrink_all();
	snapshot_free(s);
}

const char *free_lists_unchanged_shrunk(const struct free_snapshot *s)
{
	kmem_cache_shrink_all();
	return free_lists_unchanged(s);
}

void snapshot_vmlist(struct vmlist_snapshot *s)
{
	s->n = 0;
	for (struct vm_struct *v = vmlist; v; v = v->next, s->n++)
		if (s->n < ARRAY_SIZE(s->area)) {
			s->area[s->n].addr = v->addr;
			s->area[s->n].size = v->size;
			s->area[s->n].flags = v->flags;
		}
}

const char *vmlist_unchanged(const struct vmlist_snapshot *s)
{
	struct vmlist_snapshot now;

	snapshot_vmlist(&now);
	if (now.n != s->n)
		return ktest_fail("vmlist has %u areas, had %u", now.n, s->n);
	for (unsigned int i = 0; i < now.n && i < ARRAY_SIZE(now.area); i++)
		if (now.area[i].addr != s->area[i].addr || now.area[i].size != s->area[i].size ||
		    now.area[i].flags != s->area[i].flags)
			return ktest_fail("vmlist area %u: %p %lu bytes, was %p %lu bytes", i,
					  now.area[i].addr, now.area[i].size,
					  s->area[i].addr, s->area[i].size);
	return NULL;
}

void run_selftests(void)
{
	unsigned int total = 0, n = 0, failed = 0;

	for (unsigned int s = 0; s < ARRAY_SIZE(suites); s++)
		total += suites[s]->nr;
	printk("KTAP version 1\n");
	printk("1..%u\n", total);
	for (unsigned int s = 0; s < ARRAY_SIZE(suites); s++) {
		printk("# suite: %s\n", suites[s]->name);
		for (unsigned int i = 0; i < suites[s]->nr; i++) {
			const struct selftest *t = &suites[s]->tests[i];
			const char *err = t->run();

			n++;
			if (err && err[0] == SKIP_MARK) {
				printk("ok %u %s # SKIP %s%s%s\n", n, t->name, err + 1,
				       t->seeds ? "; " : "", t->seeds ? t->seeds : "");
				continue;
			}
			if (err)
				failed++;
			printk("%sok %u %s", err ? "not " : "", n, t->name);
			if (t->seeds)
				printk(" # %s", t->seeds);
			printk("\n");
			if (err)
				printk("# %s\n", err);
		}
	}
	printk("# selftest: %u passed, %u failed\n", n - failed, failed);
	qemu_exit(failed ? QEMU_EXIT_FAILURE : QEMU_EXIT_SUCCESS);
}
