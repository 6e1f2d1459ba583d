/*
 * tests/unit/host_stubs.c - the kernel services that the files under test
 * call, rebuilt on the C library for the host.
 *
 * printk() is the kernel's own (kernel/printk.c); its console here,
 * serial_putc(), appends to a capture buffer, which tests read with
 * host_log_contains(), so a test can insist on the exact message a hostile
 * input must produce.  __warn() logs the same way.  panic() and __bug()
 * print to stderr and abort(): check reports the test as an error, unless
 * the BUG is the one the test said it provokes (host_expect_bug()): the
 * test process then exits with HOST_EXPECTED_BUG_EXIT, which the test
 * case expects (tcase_add_exit_test()).
 * memcpy, snprintf and the other string functions are the C library's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/kernel.h>
#include "unit.h"
#include <linux/mm.h>
#include <linux/kallsyms.h>
#include <linux/highmem.h>
#include <linux/sched.h>
#include <linux/memblock.h>
#include <asm/serial.h>
#include <asm/timer.h>
#include <trace/events/kmem.h>

static char *log_buf;
static size_t log_len, log_cap;

/* Append @len bytes of @s, keeping log_buf NUL-terminated. */
static void log_append(const char *s, size_t len)
{
	if (log_len + len + 1 > log_cap) {
		size_t cap = log_cap ? log_cap : 4096;

		while (log_len + len + 1 > cap)
			cap *= 2;
		log_buf = realloc(log_buf, cap);
		if (!log_buf)
			abort();
		log_cap = cap;
	}
	memcpy(log_buf + log_len, s, len);
	log_len += len;
	log_buf[log_len] = '\0';
}

/* The console of kernel/printk.c, which the tests compile: every
 * character goes to the capture buffer. */
void serial_putc(char c)
{
	log_append(&c, 1);
}

/* No clock: main.c turns printk_time off, so nothing asks for the time. */
u64 sched_clock(void)
{
	return 0;
}

unsigned long slab_error_count;

void probe_slab_error(const struct kmem_cache *cachep)
{
	(void)cachep;
	slab_error_count++;
}

unsigned long nr_bad_pages;

void probe_bad_page(const struct page *page, const char *reason)
{
	(void)page;
	(void)reason;
	nr_bad_pages++;
}

void host_log_reset(void)
{
	log_len = 0;
	if (log_buf)
		log_buf[0] = '\0';
}

const char *host_log(void)
{
	return log_buf ? log_buf : "";
}

bool host_log_contains(const char *s)
{
	return strstr(host_log(), s) != NULL;
}

void panic(const char *fmt, ...)
{
	va_list args;

	fputs("Kernel panic - not syncing: ", stderr);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	abort();
}

/* The BUG_ON() the running test provokes on purpose (host_expect_bug()). */
static const char *expected_bug;

void host_expect_bug(const char *cond)
{
	expected_bug = cond;
}

void __bug(const char *file, int line, const char *func, const char *cond)
{
	fprintf(stderr, "kernel BUG at %s:%d! %s: %s\n", file, line, func, cond);
	if (expected_bug && !strcmp(cond, expected_bug))
		_exit(HOST_EXPECTED_BUG_EXIT);
	abort();
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	printk("WARNING: at %s:%d %s: %s\n", file, line, func, cond);
}

/*
 * What the page allocator (mm/buddy.c, page_alloc.c, mm_init.c) needs
 * from the rest of the kernel.  The host tests give the buddy allocator a
 * malloc'ed mem_map; a page's "kernel address" is its place in
 * host_page_arena when a test set one up, else NULL.
 */
void *high_memory;
unsigned char *host_page_arena;
struct page *host_machine_map;

void dump_stack(void)
{
	printk("Call Trace: (host)\n");
}

void sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	snprintf(buf, len, "0x%lx", addr);
}

void *page_address(const struct page *page)
{
	if (!host_page_arena || PageHighMem(page))
		return NULL;
	return host_page_arena + (size_t)(page - mem_map) * PAGE_SIZE;
}

/* The arena is the host's "direct map": lowmem pages have addresses in it
 * (tests/unit/include/asm/direct_map.h). */
bool virt_addr_valid(const void *addr)
{
	const unsigned char *p = addr;

	if (!host_page_arena || p < host_page_arena ||
	    p >= host_page_arena + (size_t)max_pfn * PAGE_SIZE)
		return false;
	return !PageHighMem(&mem_map[(p - host_page_arena) / PAGE_SIZE]);
}

struct page *virt_to_page(const void *addr)
{
	BUG_ON(!virt_addr_valid(addr));
	return &mem_map[((const unsigned char *)addr - host_page_arena) / PAGE_SIZE];
}

/* The host has no fixmap: every arena page, highmem too, is addressable. */
void *kmap_atomic(struct page *page, enum km_type type)
{
	(void)type;
	return host_page_arena ? host_page_arena + (size_t)(page - mem_map) * PAGE_SIZE : NULL;
}

void kunmap_atomic(void *kvaddr, enum km_type type)
{
	(void)kvaddr;
	(void)type;
}

/*
 * `current` on the host (tests/unit/include/asm/current.h): pid 0,
 * "swapper", as the kernel's boot thread is, unless a test points it at
 * another task (and back here when it is done).
 */
struct task_struct host_init_task = { .pid = 0, .comm = "swapper" };
struct task_struct *host_current_task = &host_init_task;

/*
 * The machine the allocator tests run on: zone_pages[z] pages in each zone,
 * one after the other with no holes, mem_map and a page arena (the "direct
 * map") from the host's heap, and every page free on the buddy lists.  The
 * caller then starts what it tests on top (kmem_cache_init() ...).
 */
void host_machine_boot(const unsigned long zone_pages[MAX_NR_ZONES])
{
	unsigned long holes[MAX_NR_ZONES] = { 0 };

	totalram_pages = totalhigh_pages = nr_bad_pages = 0;
	max_low_pfn = zone_pages[ZONE_DMA] + zone_pages[ZONE_NORMAL];
	max_pfn = max_low_pfn + zone_pages[ZONE_HIGHMEM];
	host_machine_map = calloc(max_pfn, sizeof(struct page));
	host_page_arena = aligned_alloc(PAGE_SIZE, max_pfn * (size_t)PAGE_SIZE);
	ck_assert(host_machine_map && host_page_arena);
	free_area_init_node(&contig_page_data, host_machine_map, zone_pages, holes);
	free_bootmem_range(0, max_pfn);
	init_per_zone_pages_min();
}

void host_machine_free(void)
{
	free(host_machine_map);
	free(host_page_arena);
	host_page_arena = NULL;
	mem_map = host_machine_map = NULL;
}
