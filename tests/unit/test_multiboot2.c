/*
 * tests/unit/test_multiboot2.c - multiboot2_parse() against well-formed
 * and hostile boot information.
 *
 * Every parse runs on an exact-size heap copy (mb2_parse_exact), so a read
 * past the limit is an AddressSanitizer error, not a silent pass.  Each
 * rejection must return -EINVAL and print its one "multiboot2: " line.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <asm/e820.h>
#include "unit.h"

/* ---- the builder (declared in unit.h, shared with test_e820.c) ---- */

static void put_u32(u8 *p, u32 v) { memcpy(p, &v, sizeof(v)); }
static void put_u64(u8 *p, u64 v) { memcpy(p, &v, sizeof(v)); }

void mb2_begin(struct mb2_builder *b)
{
	memset(b->buf, 0, sizeof(b->buf));
	b->len = 8;
}

u8 *mb2_add_tag(struct mb2_builder *b, u32 type, u32 size)
{
	u8 *tag;

	b->len = ALIGN(b->len, 8u);
	ck_assert_uint_le(b->len + 8, sizeof(b->buf));
	tag = b->buf + b->len;
	put_u32(tag, type);
	put_u32(tag + 4, size);
	b->len += size < 8 ? 8 : size;
	ck_assert_uint_le(b->len, sizeof(b->buf));
	return tag;
}

void mb2_add_string(struct mb2_builder *b, u32 type, const char *s)
{
	u32 n = strlen(s) + 1;

	memcpy(mb2_add_tag(b, type, 8 + n) + 8, s, n);
}

void mb2_add_module(struct mb2_builder *b, u32 start, u32 end, const char *cmdline)
{
	u32 n = strlen(cmdline) + 1;
	u8 *tag = mb2_add_tag(b, MULTIBOOT_TAG_TYPE_MODULE, 16 + n);

	put_u32(tag + 8, start);
	put_u32(tag + 12, end);
	memcpy(tag + 16, cmdline, n);
}

void mb2_add_meminfo(struct mb2_builder *b, u32 lower, u32 upper)
{
	u8 *tag = mb2_add_tag(b, MULTIBOOT_TAG_TYPE_BASIC_MEMINFO, 16);

	put_u32(tag + 8, lower);
	put_u32(tag + 12, upper);
}

void mb2_add_mmap(struct mb2_builder *b, u32 entry_size, u32 version,
		  const struct mb2_test_entry *e, u32 n)
{
	u8 *tag = mb2_add_tag(b, MULTIBOOT_TAG_TYPE_MMAP, 16 + n * entry_size);
	u32 i;

	put_u32(tag + 8, entry_size);
	put_u32(tag + 12, version);
	for (i = 0; i < n; i++) {
		u8 *p = tag + 16 + i * entry_size;

		put_u64(p, e[i].addr);
		put_u64(p + 8, e[i].len);
		put_u32(p + 16, e[i].type);
	}
}

void mb2_set_total_size(struct mb2_builder *b, u32 total)
{
	put_u32(b->buf, total);
}

u32 mb2_finish(struct mb2_builder *b)
{
	mb2_add_tag(b, MULTIBOOT_TAG_TYPE_END, 8);
	mb2_set_total_size(b, b->len);
	return b->len;
}

static void *exact_copy;

int mb2_parse_exact(const struct mb2_builder *b, u32 limit, struct mb2_info *out)
{
	ck_assert_uint_le(limit, sizeof(b->buf));
	free(exact_copy);
	exact_copy = malloc(limit ? limit : 1);
	ck_assert_ptr_nonnull(exact_copy);
	memcpy(exact_copy, b->buf, limit);
	return multiboot2_parse(exact_copy, limit, out);
}

/* ---- fixtures and helpers ---- */

static struct mb2_builder b;
static struct mb2_info mi;

static void setup(void)
{
	host_log_reset();
	mb2_begin(&b);
}

/* The QEMU pc -m 512M map (TOOLCHAIN.md section 5). */
static const struct mb2_test_entry qemu_pc_512m[] = {
	{ 0x0,        0x9fc00,    E820_RAM },
	{ 0x9fc00,    0x400,      E820_RESERVED },
	{ 0xf0000,    0x10000,    E820_RESERVED },
	{ 0x100000,   0x1fee0000, E820_RAM },
	{ 0x1ffe0000, 0x20000,    E820_RESERVED },
	{ 0xfffc0000, 0x40000,    E820_RESERVED },
};

/* Parse the whole finished buffer; expect -EINVAL and the line @msg. */
static void expect_rejected(const char *msg)
{
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), -EINVAL);
	ck_assert_msg(host_log_contains(msg), "expected \"%s\", log:\n%s", msg, host_log());
}

/* ---- well-formed information ---- */

START_TEST(parses_grub_like_info)
{
	u8 *fb;

	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "selftest mem=512M");
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME, "GRUB 2.06");
	mb2_add_module(&b, 0x200000, 0x201234, "initrd");
	mb2_add_meminfo(&b, 639, 523136);
	fb = mb2_add_tag(&b, 8, 32);            /* a framebuffer tag: skipped */
	memset(fb + 8, 0xff, 24);
	mb2_add_mmap(&b, 24, 0, qemu_pc_512m, ARRAY_SIZE(qemu_pc_512m));
	mb2_add_tag(&b, 21, 12);                /* load base address: skipped */
	mb2_finish(&b);

	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_uint_eq(mi.total_size, b.len);
	ck_assert_str_eq(mi.cmdline, "selftest mem=512M");
	ck_assert_str_eq(mi.loader_name, "GRUB 2.06");
	ck_assert_uint_eq(mi.nr_modules, 1);
	ck_assert_uint_eq(mi.modules[0].mod_start, 0x200000);
	ck_assert_uint_eq(mi.modules[0].mod_end, 0x201234);
	ck_assert_str_eq(mi.modules[0].cmdline, "initrd");
	ck_assert(mi.has_meminfo);
	ck_assert_uint_eq(mi.mem_lower, 639);
	ck_assert_uint_eq(mi.mem_upper, 523136);
	ck_assert_uint_eq(mi.mmap_entry_size, 24);
	ck_assert_uint_eq(mi.mmap_nr, ARRAY_SIZE(qemu_pc_512m));
	ck_assert_uint_eq(mi.nr_unknown_tags, 2);
	ck_assert_str_eq(host_log(), "");
}
END_TEST

START_TEST(mmap_entries_read_back_exactly)
{
	static const struct mb2_test_entry e[] = {
		{ 0x100000000ULL, 0x40000000ULL, E820_RAM },
		{ 0xfffffffffffff000ULL, 0x1000, 0xdeadbeef },
	};
	u64 addr, len;
	u32 type, i;

	mb2_add_mmap(&b, 24, 0, e, ARRAY_SIZE(e));
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_uint_eq(mi.mmap_nr, 2);
	for (i = 0; i < 2; i++) {
		multiboot2_mmap_entry(&mi, i, &addr, &len, &type);
		ck_assert_uint_eq(addr, e[i].addr);
		ck_assert_uint_eq(len, e[i].len);
		ck_assert_uint_eq(type, e[i].type);
	}
}
END_TEST

START_TEST(only_an_end_tag_is_valid_and_empty)
{
	ck_assert_uint_eq(mb2_finish(&b), 16);
	ck_assert_int_eq(mb2_parse_exact(&b, 16, &mi), 0);
	ck_assert_ptr_null(mi.cmdline);
	ck_assert_ptr_null(mi.loader_name);
	ck_assert_ptr_null(mi.mmap);
	ck_assert(!mi.has_meminfo);
	ck_assert_uint_eq(mi.nr_modules + mi.nr_unknown_tags + mi.mmap_nr, 0);
}
END_TEST

/* Sizes 13 and 9: the next tags start at the next multiple of 8. */
START_TEST(tag_sizes_not_multiple_of_8_are_padded_to_next_tag)
{
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "abcd");      /* 13 */
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME, ""); /* 9 */
	mb2_add_meminfo(&b, 1, 2);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_str_eq(mi.cmdline, "abcd");
	ck_assert_str_eq(mi.loader_name, "");
	ck_assert_uint_eq(mi.mem_upper, 2);
}
END_TEST

START_TEST(bytes_after_end_tag_are_ignored)
{
	u32 total = mb2_finish(&b) + 5;         /* not a multiple of 8 */

	mb2_set_total_size(&b, total);
	memset(b.buf + total - 5, 0xee, 5);
	ck_assert_int_eq(mb2_parse_exact(&b, total, &mi), 0);
	ck_assert_uint_eq(mi.total_size, total);
}
END_TEST

START_TEST(unknown_tags_are_skipped_silently_and_counted)
{
	u32 type;

	for (type = 5; type < 30; type++)
		if (type != MULTIBOOT_TAG_TYPE_MMAP)
			mb2_add_tag(&b, type, 8 + type);
	mb2_add_tag(&b, 0xffffffffu, 8);
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "after");
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_uint_eq(mi.nr_unknown_tags, 25);
	ck_assert_str_eq(mi.cmdline, "after");
	ck_assert_str_eq(host_log(), "");
}
END_TEST

/* ---- a header that lies ---- */

START_TEST(rejects_limit_smaller_than_header)
{
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, 4, &mi), -EINVAL);
	ck_assert(host_log_contains("multiboot2: only 4 bytes readable, less than the 8-byte header\n"));
	ck_assert_int_eq(mb2_parse_exact(&b, 0, &mi), -EINVAL);
	ck_assert_int_eq(multiboot2_parse(NULL, 0, &mi), -EINVAL);   /* reads nothing */
}
END_TEST

START_TEST(rejects_total_size_smaller_than_header_and_end_tag)
{
	static const u32 lies[] = { 0, 7, 8, 15 };
	char msg[96];
	u32 i;

	mb2_finish(&b);
	for (i = 0; i < ARRAY_SIZE(lies); i++) {
		host_log_reset();
		mb2_set_total_size(&b, lies[i]);
		snprintf(msg, sizeof(msg),
			 "multiboot2: total_size %u is less than 16 (header and end tag)\n", lies[i]);
		expect_rejected(msg);
	}
}
END_TEST

START_TEST(rejects_total_size_larger_than_limit)
{
	u32 len = mb2_finish(&b);

	mb2_set_total_size(&b, len + 8);
	expect_rejected("multiboot2: total_size 24 is more than the 16 bytes that may be read\n");
	mb2_set_total_size(&b, 0xffffffffu);
	host_log_reset();
	expect_rejected("multiboot2: total_size 4294967295 is more than the 16 bytes that may be read\n");
}
END_TEST

/* ---- tags that lie ---- */

/* A cmdline tag claims 64 bytes, but total_size stops at 40. */
START_TEST(rejects_tag_running_past_total_size)
{
	u8 *tag = mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_CMDLINE, 16);

	memcpy(tag + 8, "console", 8);
	mb2_finish(&b);
	put_u32(tag + 4, 64);
	expect_rejected("multiboot2: tag type 1 at offset 8 (size 64) runs past total_size 32\n");
}
END_TEST

/* Size 0 would loop forever at one offset; 7 would misread the next tag. */
START_TEST(rejects_tag_size_smaller_than_its_header)
{
	u8 *tag = mb2_add_tag(&b, 42, 8);

	mb2_finish(&b);
	put_u32(tag + 4, 0);
	expect_rejected("multiboot2: tag type 42 at offset 8 has size 0, less than 8\n");
	put_u32(tag + 4, 7);
	host_log_reset();
	expect_rejected("multiboot2: tag type 42 at offset 8 has size 7, less than 8\n");
}
END_TEST

START_TEST(rejects_missing_end_tag)
{
	mb2_add_meminfo(&b, 639, 1024);
	mb2_set_total_size(&b, b.len);
	expect_rejected("multiboot2: no end tag within total_size 24\n");
}
END_TEST

/* The last tag's padding would carry the next tag past total_size. */
START_TEST(rejects_padding_past_total_size_as_missing_end_tag)
{
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "abcd");      /* ends at 21 */
	mb2_set_total_size(&b, 23);
	ck_assert_int_eq(mb2_parse_exact(&b, 23, &mi), -EINVAL);
	ck_assert(host_log_contains("multiboot2: no end tag within total_size 23\n"));
}
END_TEST

START_TEST(rejects_end_tag_with_wrong_size)
{
	mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_END, 16);
	mb2_set_total_size(&b, b.len);
	expect_rejected("multiboot2: end tag at offset 8 has size 16, not 8\n");
}
END_TEST

START_TEST(rejects_unterminated_cmdline)
{
	u8 *tag = mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_CMDLINE, 8 + 4);

	memcpy(tag + 8, "mem=", 4);
	mb2_finish(&b);
	expect_rejected("multiboot2: command line string is not NUL-terminated within its tag (size 12)\n");
}
END_TEST

START_TEST(rejects_unterminated_loader_name)
{
	u8 *tag = mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME, 8 + 8);

	memcpy(tag + 8, "GRUB 2.x", 8);
	mb2_finish(&b);
	expect_rejected("multiboot2: boot loader name string is not NUL-terminated within its tag (size 16)\n");
}
END_TEST

START_TEST(rejects_empty_cmdline_tag)
{
	mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_CMDLINE, 8);
	mb2_finish(&b);
	expect_rejected("multiboot2: command line string is not NUL-terminated within its tag (size 8)\n");
}
END_TEST

START_TEST(keeps_first_of_duplicate_tags_with_a_warning)
{
	static const struct mb2_test_entry one = { 0, 0x1000, E820_RAM };
	static const struct mb2_test_entry two[2] = { { 0, 1, 2 }, { 3, 4, 5 } };

	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "first");
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "second");
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME, "A");
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME, "B");
	mb2_add_meminfo(&b, 1, 2);
	mb2_add_meminfo(&b, 3, 4);
	mb2_add_mmap(&b, 24, 0, &one, 1);
	mb2_add_mmap(&b, 24, 0, two, 2);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_str_eq(mi.cmdline, "first");
	ck_assert_str_eq(mi.loader_name, "A");
	ck_assert_uint_eq(mi.mem_lower, 1);
	ck_assert_uint_eq(mi.mmap_nr, 1);
	ck_assert_str_eq(host_log(),
		"multiboot2: duplicate command line tag ignored (keeping the first)\n"
		"multiboot2: duplicate boot loader name tag ignored (keeping the first)\n"
		"multiboot2: duplicate basic meminfo tag ignored (keeping the first)\n"
		"multiboot2: duplicate memory map tag ignored (keeping the first)\n");
}
END_TEST

/* ---- modules and basic meminfo ---- */

START_TEST(keeps_max_modules_and_warns_about_the_rest)
{
	u32 i;

	for (i = 0; i < MB2_MAX_MODULES + 2; i++)
		mb2_add_module(&b, 0x400000 + i * 0x1000, 0x400800 + i * 0x1000, "m");
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_uint_eq(mi.nr_modules, MB2_MAX_MODULES);
	ck_assert_uint_eq(mi.modules[MB2_MAX_MODULES - 1].mod_start, 0x40f000);
	ck_assert_str_eq(host_log(),
		"multiboot2: more than 16 modules, ignoring module at 0x00410000-0x00410800\n"
		"multiboot2: more than 16 modules, ignoring module at 0x00411000-0x00411800\n");
}
END_TEST

START_TEST(empty_module_is_allowed)
{
	mb2_add_module(&b, 0x300000, 0x300000, "");
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_uint_eq(mi.nr_modules, 1);
}
END_TEST

START_TEST(rejects_module_ending_before_it_starts)
{
	mb2_add_module(&b, 0x300000, 0x2fffff, "backwards");
	mb2_finish(&b);
	expect_rejected("multiboot2: module ends at 0x002fffff, before its start 0x00300000\n");
}
END_TEST

/* Tags read before the error must not be left for the caller to trust. */
START_TEST(rejected_info_leaves_nothing_behind)
{
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "selftest");
	mb2_add_meminfo(&b, 639, 1024);
	mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_BASIC_MEMINFO, 9);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), -EINVAL);
	ck_assert_ptr_null(mi.cmdline);
	ck_assert(!mi.has_meminfo);
	ck_assert_uint_eq(mi.total_size, 0);
}
END_TEST

START_TEST(rejects_malformed_module_tags)
{
	u8 *tag = mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_MODULE, 12);

	mb2_finish(&b);
	expect_rejected("multiboot2: module tag has size 12, less than 16\n");
	put_u32(tag + 4, 16);   /* room for start and end, none for a string */
	host_log_reset();
	expect_rejected("multiboot2: module string is not NUL-terminated within its tag (size 16)\n");
}
END_TEST

START_TEST(rejects_short_basic_meminfo)
{
	mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_BASIC_MEMINFO, 12);
	mb2_finish(&b);
	expect_rejected("multiboot2: basic meminfo tag has size 12, less than 16\n");
}
END_TEST

/* ---- the memory map tag ---- */

START_TEST(rejects_absurd_mmap_entry_sizes)
{
	static const u32 sizes[] = { 0, 7, 8, 20, 28, 4104, 1u << 30, 0xffffffffu };
	char msg[128];
	u32 i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *tag;

		mb2_begin(&b);
		host_log_reset();
		tag = mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_MMAP, 16 + 48);
		put_u32(tag + 8, sizes[i]);
		mb2_finish(&b);
		snprintf(msg, sizeof(msg),
			 "multiboot2: memory map entry size %u is absurd (need a multiple of 8 from 24 to 4096)\n",
			 sizes[i]);
		expect_rejected(msg);
	}
}
END_TEST

START_TEST(rejects_mmap_tag_shorter_than_its_header)
{
	mb2_add_tag(&b, MULTIBOOT_TAG_TYPE_MMAP, 12);
	mb2_finish(&b);
	expect_rejected("multiboot2: memory map tag has size 12, less than 16\n");
}
END_TEST

/* A newer loader's 40-byte entries: the first 24 bytes are read. */
START_TEST(reads_entries_larger_than_24_bytes)
{
	u64 addr, len;
	u32 type;

	mb2_add_mmap(&b, 40, 0, qemu_pc_512m, ARRAY_SIZE(qemu_pc_512m));
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_uint_eq(mi.mmap_nr, ARRAY_SIZE(qemu_pc_512m));
	multiboot2_mmap_entry(&mi, 3, &addr, &len, &type);
	ck_assert_uint_eq(addr, 0x100000);
	ck_assert_uint_eq(len, 0x1fee0000);
	ck_assert_uint_eq(type, E820_RAM);
	multiboot2_mmap_entry(&mi, 5, &addr, &len, &type);
	ck_assert_uint_eq(addr, 0xfffc0000);
}
END_TEST

START_TEST(ignores_trailing_partial_mmap_entry)
{
	u8 *tag;

	mb2_add_mmap(&b, 24, 0, qemu_pc_512m, 2);
	tag = b.buf + 8;
	put_u32(tag + 4, 16 + 2 * 24 + 20);
	b.len += 20;
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_uint_eq(mi.mmap_nr, 2);
	ck_assert_str_eq(host_log(),
		"multiboot2: memory map ends in a partial entry (20 of 24 bytes), ignored\n");
}
END_TEST

START_TEST(warns_about_unknown_mmap_entry_version)
{
	mb2_add_mmap(&b, 24, 1, qemu_pc_512m, 1);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_uint_eq(mi.mmap_nr, 1);
	ck_assert_str_eq(host_log(),
		"multiboot2: memory map entry version 1 is unknown, reading entries as version 0\n");
}
END_TEST

START_TEST(mmap_tag_without_entries_has_zero_entries)
{
	mb2_add_mmap(&b, 24, 0, NULL, 0);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_ptr_nonnull(mi.mmap);
	ck_assert_uint_eq(mi.mmap_nr, 0);
}
END_TEST

/* ---- random damage: never crash, never read past the limit ---- */

static u64 rng = 0x2545f4914f6cdd1dULL;

static u32 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u32)(rng >> 16);
}

/* Every pointer the parser returns lies inside the @limit bytes it was given. */
static void check_within(const struct mb2_info *m, u32 limit)
{
	const u8 *lo = exact_copy, *hi = lo + limit;
	u32 i;

	if (m->cmdline)
		ck_assert((const u8 *)m->cmdline >= lo && (const u8 *)m->cmdline + strlen(m->cmdline) < hi);
	if (m->loader_name)
		ck_assert((const u8 *)m->loader_name + strlen(m->loader_name) < hi);
	if (m->mmap)
		ck_assert(m->mmap >= lo && m->mmap + (u64)m->mmap_nr * m->mmap_entry_size <= hi);
	for (i = 0; i < m->nr_modules; i++)
		ck_assert((const u8 *)m->modules[i].cmdline + strlen(m->modules[i].cmdline) < hi);
}

START_TEST(survives_random_corruption)
{
	struct mb2_builder good;
	u32 iter, k, limit;

	mb2_begin(&good);
	mb2_add_string(&good, MULTIBOOT_TAG_TYPE_CMDLINE, "selftest mem=512M");
	mb2_add_module(&good, 0x200000, 0x201000, "mod");
	mb2_add_meminfo(&good, 639, 523136);
	mb2_add_mmap(&good, 24, 0, qemu_pc_512m, ARRAY_SIZE(qemu_pc_512m));
	mb2_add_string(&good, MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME, "GRUB");
	mb2_finish(&good);

	for (iter = 0; iter < 20000; iter++) {
		b = good;
		for (k = 1 + rnd() % 4; k > 0; k--)
			b.buf[rnd() % good.len] = (u8)rnd();
		limit = rnd() % 4 ? good.len : rnd() % (good.len + 1);
		host_log_reset();
		if (mb2_parse_exact(&b, limit, &mi) == 0)
			check_within(&mi, limit);
		else
			ck_assert(strncmp(host_log(), "multiboot2: ", 12) == 0);
	}
}
END_TEST

Suite *multiboot2_suite(void)
{
	Suite *s = suite_create("multiboot2");
	TCase *tc = tcase_create("parse");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, parses_grub_like_info);
	tcase_add_test(tc, mmap_entries_read_back_exactly);
	tcase_add_test(tc, only_an_end_tag_is_valid_and_empty);
	tcase_add_test(tc, tag_sizes_not_multiple_of_8_are_padded_to_next_tag);
	tcase_add_test(tc, bytes_after_end_tag_are_ignored);
	tcase_add_test(tc, unknown_tags_are_skipped_silently_and_counted);
	tcase_add_test(tc, rejects_limit_smaller_than_header);
	tcase_add_test(tc, rejects_total_size_smaller_than_header_and_end_tag);
	tcase_add_test(tc, rejects_total_size_larger_than_limit);
	tcase_add_test(tc, rejects_tag_running_past_total_size);
	tcase_add_test(tc, rejects_tag_size_smaller_than_its_header);
	tcase_add_test(tc, rejects_missing_end_tag);
	tcase_add_test(tc, rejects_padding_past_total_size_as_missing_end_tag);
	tcase_add_test(tc, rejects_end_tag_with_wrong_size);
	tcase_add_test(tc, rejects_unterminated_cmdline);
	tcase_add_test(tc, rejects_unterminated_loader_name);
	tcase_add_test(tc, rejects_empty_cmdline_tag);
	tcase_add_test(tc, keeps_first_of_duplicate_tags_with_a_warning);
	tcase_add_test(tc, keeps_max_modules_and_warns_about_the_rest);
	tcase_add_test(tc, empty_module_is_allowed);
	tcase_add_test(tc, rejects_module_ending_before_it_starts);
	tcase_add_test(tc, rejected_info_leaves_nothing_behind);
	tcase_add_test(tc, rejects_malformed_module_tags);
	tcase_add_test(tc, rejects_short_basic_meminfo);
	tcase_add_test(tc, rejects_absurd_mmap_entry_sizes);
	tcase_add_test(tc, rejects_mmap_tag_shorter_than_its_header);
	tcase_add_test(tc, reads_entries_larger_than_24_bytes);
	tcase_add_test(tc, ignores_trailing_partial_mmap_entry);
	tcase_add_test(tc, warns_about_unknown_mmap_entry_version);
	tcase_add_test(tc, mmap_tag_without_entries_has_zero_entries);
	tcase_add_test(tc, survives_random_corruption);
	suite_add_tcase(s, tc);
	return s;
}
