/*
 * tests/unit/unit.h - the host unit tests: one check Suite per mechanism,
 * and the log helpers that stand in for the kernel's log_buf.
 *
 * The kernel files under test are compiled unchanged for the 64-bit host,
 * with tests/unit/include/ first on the include path: its asm/ headers
 * replace the few arch pieces the host cannot run (`current`, cli/sti,
 * divl, the direct map).  host_stubs.c supplies printk() and friends,
 * which append to a capture buffer that tests search for the lines they
 * expect, the way the in-kernel self-tests use log_contains_since().
 */
#ifndef _TESTS_UNIT_UNIT_H
#define _TESTS_UNIT_UNIT_H

#include <check.h>
#include <linux/types.h>
#include <linux/multiboot2.h>
#include <linux/mmzone.h>

Suite *multiboot2_suite(void);
Suite *e820_suite(void);
Suite *params_suite(void);
Suite *memblock_suite(void);
Suite *buddy_suite(void);
Suite *div64_suite(void);
Suite *vmalloc_suite(void);
Suite *layout_suite(void);
Suite *slab_suite(void);
Suite *kmalloc_suite(void);
Suite *slab_debug_suite(void);
Suite *slab_random_suite(void);
Suite *elf_suite(void);

/* Forget everything printed so far. */
void host_log_reset(void);
/* A machine with zone_pages[z] pages per zone, all free on the buddy
 * lists (host_stubs.c); host_machine_free() gives it back to the host. */
extern struct page *host_machine_map;
void host_machine_boot(const unsigned long zone_pages[MAX_NR_ZONES]);
void host_machine_free(void);
/* Has @s been printed since the last reset? */
bool host_log_contains(const char *s);
/* Everything printed since the last reset ("" if nothing). */
const char *host_log(void);
/* The slab's misuse reports so far (probe_slab_error(), the slab_error
 * tracepoint): a test notes it, makes a mistake, and expects one more. */
extern unsigned long slab_error_count;
/*
 * A test that provokes a BUG_ON() on purpose names it first, exactly as
 * __bug() receives it ("BUG_ON(PageReserved(page))"), and is added with
 * tcase_add_exit_test(tc, test, HOST_EXPECTED_BUG_EXIT): that BUG ends the
 * test process with this code, any other BUG or a panic aborts it.
 */
#define HOST_EXPECTED_BUG_EXIT 42
void host_expect_bug(const char *cond);

/* The page allocator's "Bad page state" reports so far (probe_bad_page()). */
extern unsigned long nr_bad_pages;

/*
 * Building Multiboot2 information structures (test_multiboot2.c), for the
 * parser tests and for e820_from_multiboot2().  Tags are appended one after
 * another, each at the next 8-aligned offset, padding zeroed:
 *
 *   buf: [total_size|reserved][tag ...pad][tag ...pad] ... [end tag]
 *                                                     ^ len
 */
struct mb2_builder {
	_Alignas(8) u8 buf[16384];
	u32 len;        /* end of the last tag, before its padding */
};

/* One memory map entry as the tests write it. */
struct mb2_test_entry {
	u64 addr, len;
	u32 type;
};

void mb2_begin(struct mb2_builder *b);
/* Append a tag header claiming @size bytes; returns the tag's first byte. */
u8 *mb2_add_tag(struct mb2_builder *b, u32 type, u32 size);
/* A command-line or loader-name tag holding @s and its NUL. */
void mb2_add_string(struct mb2_builder *b, u32 type, const char *s);
void mb2_add_module(struct mb2_builder *b, u32 start, u32 end, const char *cmdline);
void mb2_add_meminfo(struct mb2_builder *b, u32 lower, u32 upper);
/* A memory map tag with @n entries spaced @entry_size (>= 24) apart. */
void mb2_add_mmap(struct mb2_builder *b, u32 entry_size, u32 version,
		  const struct mb2_test_entry *e, u32 n);
/* Append the end tag and set total_size to the length; returns it. */
u32 mb2_finish(struct mb2_builder *b);
void mb2_set_total_size(struct mb2_builder *b, u32 total);
/*
 * multiboot2_parse() on a copy of the first @limit bytes, in a heap block
 * of exactly @limit bytes, so AddressSanitizer stops any read past @limit.
 * The copy lives until the next call; @out points into it.
 */
int mb2_parse_exact(const struct mb2_builder *b, u32 limit, struct mb2_info *out);

#endif /* _TESTS_UNIT_UNIT_H */
