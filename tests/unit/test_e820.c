/*
 * tests/unit/test_e820.c - sanitize_e820_map() and friends against QEMU's
 * real maps and against hostile ones.
 *
 * Ranges in the tables below are written as Linux prints them, first and
 * last byte: R(0x9fc00, 0x9ffff, E820_RESERVED) is the 1 KB EBDA.  The
 * randomized test checks sanitize_e820_map() against a brute-force answer
 * for every address that matters.
 */
#include <string.h>
#include <stdio.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <asm/e820.h>
#include "unit.h"

#define U64_LAST 0xffffffffffffffffULL

/* [first, last] inclusive, of @type. */
#define R(first, last, type) { (first), (u64)(last) - (u64)(first) + 1, (type) }

static struct e820map m;

static void setup(void)
{
	host_log_reset();
	memset(&m, 0, sizeof(m));
}

static void add_all(struct e820map *map, const struct e820entry *e, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		ck_assert_int_eq(e820_add_region(map, e[i].addr, e[i].size, e[i].type), 0);
}

/* The map as text, for failure messages. */
static const char *map_text(const struct e820map *map)
{
	static char buf[8192];
	size_t n = 0;
	u32 i;

	buf[0] = '\0';
	for (i = 0; i < map->nr_map && n < sizeof(buf) - 64; i++)
		n += snprintf(buf + n, sizeof(buf) - n, "  0x%llx+0x%llx type %u\n",
			      (unsigned long long)map->map[i].addr,
			      (unsigned long long)map->map[i].size, map->map[i].type);
	return buf;
}

static void expect_map(const struct e820entry *want, u32 n)
{
	bool same = m.nr_map == n;
	u32 i;

	for (i = 0; same && i < n; i++)
		same = m.map[i].addr == want[i].addr && m.map[i].size == want[i].size &&
		       m.map[i].type == want[i].type;
	ck_assert_msg(same, "map differs (want %u entries), got:\n%s", n, map_text(&m));
}

/* ---- QEMU's maps (TOOLCHAIN.md section 5) ---- */

static const struct e820entry qemu_pc_4g[] = {
	R(0x0,         0x9fbff,     E820_RAM),
	R(0x9fc00,     0x9ffff,     E820_RESERVED),
	R(0xf0000,     0xfffff,     E820_RESERVED),
	R(0x100000,    0xbffdffff,  E820_RAM),
	R(0xbffe0000,  0xbfffffff,  E820_RESERVED),
	R(0xfffc0000,  0xffffffff,  E820_RESERVED),
	R(0x100000000, 0x13fffffff, E820_RAM),
};

static const char qemu_pc_4g_lines[] =
	"BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
	"BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
	"BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
	"BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable\n"
	"BIOS-e820: [mem 0x00000000bffe0000-0x00000000bfffffff] reserved\n"
	"BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n"
	"BIOS-e820: [mem 0x0000000100000000-0x000000013fffffff] usable\n";

START_TEST(qemu_pc_4g_map_is_already_sane_and_prints_like_linux)
{
	add_all(&m, qemu_pc_4g, ARRAY_SIZE(qemu_pc_4g));
	ck_assert_int_eq(sanitize_e820_map(&m), 7);
	expect_map(qemu_pc_4g, ARRAY_SIZE(qemu_pc_4g));
	e820_print_map(&m, "BIOS-e820");
	ck_assert_str_eq(host_log(), qemu_pc_4g_lines);
}
END_TEST

/* q35 -m 4G, entries handed over in a scrambled order. */
START_TEST(qemu_q35_4g_map_out_of_order_comes_out_sorted)
{
	static const struct e820entry scrambled[] = {
		R(0x100000000, 0x17fffffff, E820_RAM),
		R(0xfed1c000,  0xfed1ffff,  E820_RESERVED),
		R(0x9fc00,     0x9ffff,     E820_RESERVED),
		R(0x100000,    0x7ffdefff,  E820_RAM),
		R(0xfffc0000,  0xffffffff,  E820_RESERVED),
		R(0xb0000000,  0xbfffffff,  E820_RESERVED),
		R(0x0,         0x9fbff,     E820_RAM),
		R(0x7ffdf000,  0x7fffffff,  E820_RESERVED),
		R(0xf0000,     0xfffff,     E820_RESERVED),
	};
	static const struct e820entry want[] = {
		R(0x0,         0x9fbff,     E820_RAM),
		R(0x9fc00,     0x9ffff,     E820_RESERVED),
		R(0xf0000,     0xfffff,     E820_RESERVED),
		R(0x100000,    0x7ffdefff,  E820_RAM),
		R(0x7ffdf000,  0x7fffffff,  E820_RESERVED),
		R(0xb0000000,  0xbfffffff,  E820_RESERVED),
		R(0xfed1c000,  0xfed1ffff,  E820_RESERVED),
		R(0xfffc0000,  0xffffffff,  E820_RESERVED),
		R(0x100000000, 0x17fffffff, E820_RAM),
	};

	add_all(&m, scrambled, ARRAY_SIZE(scrambled));
	ck_assert_int_eq(sanitize_e820_map(&m), 9);
	expect_map(want, ARRAY_SIZE(want));
	ck_assert_str_eq(host_log(), "");
}
END_TEST

/* ---- overlaps ---- */

/*
 *   reserved  [=================]
 *   RAM            [=====]
 *   result    [=====reserved====]
 */
START_TEST(ram_inside_reserved_is_swallowed)
{
	static const struct e820entry want[] = { R(0x1000, 0x8fff, E820_RESERVED) };

	e820_add_region(&m, 0x1000, 0x8000, E820_RESERVED);
	e820_add_region(&m, 0x2000, 0x1000, E820_RAM);
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
}
END_TEST

/*
 *   RAM       [=================]
 *   reserved       [=====]
 *   result    [RAM][=res=][RAM==]
 */
START_TEST(reserved_inside_ram_splits_ram_in_three)
{
	static const struct e820entry want[] = {
		R(0x0,    0x3fff, E820_RAM),
		R(0x4000, 0x4fff, E820_RESERVED),
		R(0x5000, 0xffff, E820_RAM),
	};

	e820_add_region(&m, 0x4000, 0x1000, E820_RESERVED);
	e820_add_region(&m, 0x0, 0x10000, E820_RAM);
	ck_assert_int_eq(sanitize_e820_map(&m), 3);
	expect_map(want, ARRAY_SIZE(want));
}
END_TEST

/*
 *   RAM        [==============================]
 *   reserved        [===========]
 *   ACPI data               [=========]
 *   result     [RAM][reserved][ACPI data][RAM=]
 */
START_TEST(three_way_overlap_resolves_to_more_restrictive_type)
{
	static const struct e820entry want[] = {
		R(0x0,    0x1fff, E820_RAM),
		R(0x2000, 0x5fff, E820_RESERVED),
		R(0x6000, 0x9fff, E820_ACPI),
		R(0xa000, 0xffff, E820_RAM),
	};

	e820_add_region(&m, 0x6000, 0x4000, E820_ACPI);
	e820_add_region(&m, 0x0, 0x10000, E820_RAM);
	e820_add_region(&m, 0x2000, 0x6000, E820_RESERVED);
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
}
END_TEST

/* RAM loses to every type, even unknown 0; among the rest larger wins. */
START_TEST(overlap_resolves_to_more_restrictive_type)
{
	static const struct e820entry want[] = {
		R(0x0,    0x0fff, 0),
		R(0x1000, 0x1fff, E820_RESERVED),
		R(0x2000, 0x2fff, E820_NVS),
		R(0x3000, 0x3fff, E820_UNUSABLE),
		R(0x4000, 0x4fff, 17),
	};

	e820_add_region(&m, 0x0, 0x5000, E820_RAM);
	e820_add_region(&m, 0x0, 0x2000, 0);
	e820_add_region(&m, 0x1000, 0x4000, E820_RESERVED);
	e820_add_region(&m, 0x2000, 0x1000, E820_ACPI);
	e820_add_region(&m, 0x2000, 0x1000, E820_NVS);
	e820_add_region(&m, 0x3000, 0x1000, E820_NVS);
	e820_add_region(&m, 0x3000, 0x1000, E820_UNUSABLE);
	e820_add_region(&m, 0x4000, 0x1000, 17);
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
}
END_TEST

START_TEST(partial_overlap_gives_the_overlap_to_reserved)
{
	static const struct e820entry want[] = {
		R(0x0,    0x1fff, E820_RAM),
		R(0x2000, 0x4fff, E820_RESERVED),
		R(0x5000, 0x5fff, E820_RAM),
	};

	e820_add_region(&m, 0x0, 0x3000, E820_RAM);
	e820_add_region(&m, 0x2000, 0x3000, E820_RESERVED);
	e820_add_region(&m, 0x4000, 0x2000, E820_RAM);
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
}
END_TEST

/* ---- merging and empty entries ---- */

START_TEST(adjacent_and_overlapping_same_type_entries_merge)
{
	static const struct e820entry want[] = {
		R(0x0,    0x3fff, E820_RAM),
		R(0x4000, 0x4fff, E820_RESERVED),
		R(0x8000, 0x9fff, E820_RESERVED),
	};

	e820_add_region(&m, 0x2000, 0x2000, E820_RAM);
	e820_add_region(&m, 0x0, 0x1000, E820_RAM);
	e820_add_region(&m, 0x1000, 0x1000, E820_RAM);
	e820_add_region(&m, 0x1800, 0x1000, E820_RAM);          /* overlaps both */
	e820_add_region(&m, 0x4000, 0x1000, E820_RESERVED);      /* adjacent, other type */
	e820_add_region(&m, 0x8000, 0x1000, E820_RESERVED);
	e820_add_region(&m, 0x9000, 0x1000, E820_RESERVED);
	e820_add_region(&m, 0x8000, 0x1000, E820_RESERVED);      /* duplicate */
	ck_assert_int_eq(sanitize_e820_map(&m), 3);
	expect_map(want, ARRAY_SIZE(want));
}
END_TEST

START_TEST(zero_length_entries_are_dropped)
{
	static const struct e820entry want[] = { R(0x1000, 0x1fff, E820_RAM) };

	e820_add_region(&m, 0x0, 0, E820_RESERVED);
	e820_add_region(&m, 0x1000, 0x1000, E820_RAM);
	e820_add_region(&m, 0x1800, 0, E820_RESERVED);           /* inside RAM */
	e820_add_region(&m, U64_LAST, 0, E820_RAM);
	ck_assert_int_eq(sanitize_e820_map(&m), 1);
	expect_map(want, ARRAY_SIZE(want));
	ck_assert_str_eq(host_log(), "");
}
END_TEST

START_TEST(empty_map_stays_empty)
{
	ck_assert_int_eq(sanitize_e820_map(&m), 0);
	e820_print_map(&m, "BIOS-e820");
	ck_assert_str_eq(host_log(), "");
}
END_TEST

/* ---- ranges at the top of the 64-bit space ---- */

START_TEST(entry_wrapping_past_2_64_is_clipped_with_a_message)
{
	static const struct e820entry want[] = {
		R(0x0,                   0xfff,                 E820_RAM),
		R(0xffffffffffff0000ULL, 0xfffffffffffffffeULL, E820_RESERVED),
	};

	e820_add_region(&m, 0xffffffffffff0000ULL, 0x20000, E820_RESERVED);
	e820_add_region(&m, 0x0, 0x1000, E820_RAM);
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
	ck_assert_str_eq(host_log(),
		"e820: entry 0xffffffffffff0000 + 0x20000 (reserved) wraps past 2^64, clipped to end at 0xffffffffffffffff\n");
}
END_TEST

/* Ending exactly at 2^64 also wraps in 64 bits: the last byte is given up. */
START_TEST(entry_ending_exactly_at_2_64_loses_its_last_byte)
{
	static const struct e820entry want[] = {
		R(0xfffffffffffff000ULL, 0xfffffffffffffffeULL, E820_RAM),
	};

	e820_add_region(&m, 0xfffffffffffff000ULL, 0x1000, E820_RAM);
	e820_add_region(&m, U64_LAST, 5, E820_RESERVED);     /* clipped to nothing */
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
	ck_assert(host_log_contains("e820: entry 0xfffffffffffff000 + 0x1000 (usable) wraps past 2^64"));
	ck_assert(host_log_contains("e820: entry 0xffffffffffffffff + 0x5 (reserved) wraps past 2^64"));
}
END_TEST

START_TEST(whole_address_space_entry_does_not_wrap)
{
	static const struct e820entry want[] = {
		R(0x0, 0xfffffffffffffffeULL, E820_RAM),
	};

	e820_add_region(&m, 0, U64_LAST, E820_RAM);
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
	ck_assert_str_eq(host_log(), "");
}
END_TEST

/* ---- more entries than fit ---- */

START_TEST(add_region_refuses_the_129th_entry)
{
	u32 i;

	for (i = 0; i < E820MAX; i++)
		ck_assert_int_eq(e820_add_region(&m, i * 0x1000, 0x1000, E820_RAM), 0);
	ck_assert_int_eq(e820_add_region(&m, 0x81000, 0x1000, E820_RESERVED), -ENOSPC);
	ck_assert_uint_eq(m.nr_map, E820MAX);
	ck_assert_str_eq(host_log(),
		"e820: table full (128 entries), ignoring 0x1000 bytes at 0x0000000000081000 (reserved)\n");
}
END_TEST

/*
 * One RAM range with 127 reserved holes punched in it sanitises to 255
 * ranges.  The lowest 128 are kept: RAM, hole, RAM, ... ending with hole 64
 * at 0x400000; everything from 0x401000 up is dropped.
 */
START_TEST(sanitised_map_longer_than_e820max_keeps_the_lowest_entries)
{
	u32 i;

	e820_add_region(&m, 0, 0x800000, E820_RAM);
	for (i = 1; i < E820MAX; i++)
		e820_add_region(&m, i * 0x10000, 0x1000, E820_RESERVED);
	ck_assert_int_eq(sanitize_e820_map(&m), E820MAX);
	ck_assert_str_eq(host_log(),
		"e820: sanitised map needs 255 entries, only 128 fit; dropping everything from 0x0000000000401000 up\n");
	for (i = 0; i < E820MAX; i++) {
		const struct e820entry *e = &m.map[i];

		if (i % 2 == 0)
			ck_assert(e->type == E820_RAM && e->addr == (i / 2) * 0x10000 + (i ? 0x1000 : 0));
		else
			ck_assert(e->type == E820_RESERVED && e->addr == (i / 2 + 1) * 0x10000 &&
				  e->size == 0x1000);
	}
	ck_assert_uint_eq(m.map[E820MAX - 1].addr, 0x400000);
	ck_assert(!e820_any_mapped(&m, 0x401000, 0x800000, E820_RAM));
}
END_TEST

/* ---- from the Multiboot2 information ---- */

static struct mb2_builder b;
static struct mb2_info mi;

static void build_mmap(const struct e820entry *e, u32 n)
{
	struct mb2_test_entry t[256];
	u32 i;

	ck_assert_uint_le(n, ARRAY_SIZE(t));
	for (i = 0; i < n; i++)
		t[i] = (struct mb2_test_entry){ e[i].addr, e[i].size, e[i].type };
	mb2_add_mmap(&b, 24, 0, t, n);
}

START_TEST(qemu_pc_512m_from_multiboot2_prints_like_linux)
{
	static const struct e820entry qemu_pc_512m[] = {
		R(0x0,        0x9fbff,    E820_RAM),
		R(0x9fc00,    0x9ffff,    E820_RESERVED),
		R(0xf0000,    0xfffff,    E820_RESERVED),
		R(0x100000,   0x1ffdffff, E820_RAM),
		R(0x1ffe0000, 0x1fffffff, E820_RESERVED),
		R(0xfffc0000, 0xffffffff, E820_RESERVED),
	};

	mb2_begin(&b);
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "");
	mb2_add_meminfo(&b, 639, 523136);
	build_mmap(qemu_pc_512m, ARRAY_SIZE(qemu_pc_512m));
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_int_eq(e820_from_multiboot2(&mi, &m), 0);
	ck_assert_int_eq(sanitize_e820_map(&m), 6);
	e820_print_map(&m, "BIOS-e820");
	ck_assert_str_eq(host_log(),
		"BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"BIOS-e820: [mem 0x0000000000100000-0x000000001ffdffff] usable\n"
		"BIOS-e820: [mem 0x000000001ffe0000-0x000000001fffffff] reserved\n"
		"BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n");
}
END_TEST

START_TEST(zero_length_mmap_entry_is_dropped_by_sanitize)
{
	static const struct e820entry raw[] = {
		R(0x0, 0x9fbff, E820_RAM),
		{ 0x9fc00, 0, E820_RESERVED },
		R(0x100000, 0x1ffdffff, E820_RAM),
	};

	mb2_begin(&b);
	build_mmap(raw, ARRAY_SIZE(raw));
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_int_eq(e820_from_multiboot2(&mi, &m), 0);
	ck_assert_uint_eq(m.nr_map, 3);
	ck_assert_int_eq(sanitize_e820_map(&m), 2);
}
END_TEST

/* QEMU pc -m 512M reports lower 639K, upper 523136K. */
START_TEST(no_mmap_tag_falls_back_to_basic_meminfo_with_a_warning)
{
	static const struct e820entry want[] = {
		R(0x0,      0x9fbff,    E820_RAM),
		R(0x100000, 0x1ffdffff, E820_RAM),
	};

	mb2_begin(&b);
	mb2_add_meminfo(&b, 639, 523136);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_int_eq(e820_from_multiboot2(&mi, &m), 0);
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
	ck_assert_str_eq(host_log(),
		"e820: no memory map from the boot loader, using basic meminfo: lower 639K upper 523136K\n");
}
END_TEST

START_TEST(empty_mmap_tag_falls_back_to_basic_meminfo)
{
	mb2_begin(&b);
	mb2_add_mmap(&b, 24, 0, NULL, 0);
	mb2_add_meminfo(&b, 0, 4096);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_int_eq(e820_from_multiboot2(&mi, &m), 0);
	ck_assert_int_eq(sanitize_e820_map(&m), 1);      /* lower 0K: dropped */
	ck_assert(e820_all_mapped(&m, 0x100000, 0x500000, E820_RAM));
	ck_assert(host_log_contains("lower 0K upper 4096K\n"));
}
END_TEST

START_TEST(neither_mmap_nor_meminfo_is_enoent)
{
	e820_add_region(&m, 0, 0x1000, E820_RAM);        /* stale: must be emptied */
	mb2_begin(&b);
	mb2_add_string(&b, MULTIBOOT_TAG_TYPE_CMDLINE, "selftest");
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_int_eq(e820_from_multiboot2(&mi, &m), -ENOENT);
	ck_assert_uint_eq(m.nr_map, 0);
}
END_TEST

/* 200 adjacent 4 KB RAM entries: sanitising on the way makes room. */
START_TEST(long_mmap_of_mergeable_entries_is_compacted_to_fit)
{
	static struct e820entry raw[200];
	static const struct e820entry want[] = { R(0x0, 200 * 0x1000 - 1, E820_RAM) };
	u32 i;

	for (i = 0; i < 200; i++)
		raw[i] = (struct e820entry){ (199 - i) * 0x1000, 0x1000, E820_RAM };
	mb2_begin(&b);
	build_mmap(raw, 200);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_int_eq(e820_from_multiboot2(&mi, &m), 0);
	sanitize_e820_map(&m);
	expect_map(want, ARRAY_SIZE(want));
	ck_assert_str_eq(host_log(), "");
}
END_TEST

/* 200 separate ranges cannot fit in 128 slots: the rest is dropped, said so. */
START_TEST(long_mmap_of_distinct_entries_keeps_what_fits_with_a_message)
{
	static struct e820entry raw[200];
	u32 i;

	for (i = 0; i < 200; i++)
		raw[i] = (struct e820entry){ i * 0x2000, 0x1000, E820_RAM };
	mb2_begin(&b);
	build_mmap(raw, 200);
	mb2_finish(&b);
	ck_assert_int_eq(mb2_parse_exact(&b, b.len, &mi), 0);
	ck_assert_int_eq(e820_from_multiboot2(&mi, &m), 0);
	ck_assert_int_eq(sanitize_e820_map(&m), E820MAX);
	ck_assert_uint_eq(m.map[E820MAX - 1].addr, (E820MAX - 1) * 0x2000);
	ck_assert_str_eq(host_log(),
		"e820: more than 128 distinct ranges in the boot loader's map, ignoring its entries from #128 on\n");
}
END_TEST

/* ---- trimming RAM ---- */

START_TEST(remove_ram_above_4g_on_qemu_pc_4g)
{
	add_all(&m, qemu_pc_4g, ARRAY_SIZE(qemu_pc_4g));
	sanitize_e820_map(&m);
	ck_assert_uint_eq(e820_remove_ram_above(&m, 1ULL << 32), 0x40000000);
	expect_map(qemu_pc_4g, ARRAY_SIZE(qemu_pc_4g) - 1);
	ck_assert_uint_eq(e820_remove_ram_above(&m, 1ULL << 32), 0);
}
END_TEST

/* RAM straddling the limit is clipped; reserved above it stays. */
START_TEST(remove_ram_above_clips_straddling_entry_and_keeps_other_types)
{
	static const struct e820entry want[] = {
		R(0x0,         0xfff,       E820_RAM),
		R(0xf0000000,  0xffffffff,  E820_RAM),
		R(0x110000000, 0x11fffffff, E820_RESERVED),
	};

	e820_add_region(&m, 0x0, 0x1000, E820_RAM);
	e820_add_region(&m, 0xf0000000, 0x20000000, E820_RAM);
	e820_add_region(&m, 0x110000000, 0x10000000, E820_RESERVED);
	e820_add_region(&m, 0x120000000, 0x10000000, E820_RAM);
	sanitize_e820_map(&m);
	ck_assert_uint_eq(e820_remove_ram_above(&m, 1ULL << 32), 0x20000000);
	expect_map(want, ARRAY_SIZE(want));
}
END_TEST

/* mem=512M on pc 4G cuts RAM at the address 512 MB, as Linux's mem= does. */
START_TEST(mem_limit_cuts_ram_at_an_address)
{
	static const struct e820entry want[] = {
		R(0x0,        0x9fbff,    E820_RAM),
		R(0x9fc00,    0x9ffff,    E820_RESERVED),
		R(0xf0000,    0xfffff,    E820_RESERVED),
		R(0x100000,   0x1fffffff, E820_RAM),
		R(0xbffe0000, 0xbfffffff, E820_RESERVED),
		R(0xfffc0000, 0xffffffff, E820_RESERVED),
	};

	add_all(&m, qemu_pc_4g, ARRAY_SIZE(qemu_pc_4g));
	sanitize_e820_map(&m);
	ck_assert_uint_eq(e820_remove_ram_above(&m, 512ULL << 20),
			  (0xbffe0000ULL - 0x20000000) + (1ULL << 30));
	expect_map(want, ARRAY_SIZE(want));
}
END_TEST

START_TEST(mem_limit_at_an_entry_boundary_and_beyond_all_ram)
{
	static const struct e820entry first_only[] = {
		R(0x0,        0x9fbff,    E820_RAM),
		R(0x9fc00,    0x9ffff,    E820_RESERVED),
		R(0xf0000,    0xfffff,    E820_RESERVED),
		R(0xbffe0000, 0xbfffffff, E820_RESERVED),
		R(0xfffc0000, 0xffffffff, E820_RESERVED),
	};

	add_all(&m, qemu_pc_4g, ARRAY_SIZE(qemu_pc_4g));
	ck_assert_uint_eq(e820_remove_ram_above(&m, 8ULL << 30), 0);   /* above all RAM */
	expect_map(qemu_pc_4g, ARRAY_SIZE(qemu_pc_4g));
	e820_remove_ram_above(&m, 0x9fc00);                /* the end of the first entry */
	expect_map(first_only, ARRAY_SIZE(first_only));
	ck_assert_uint_eq(e820_remove_ram_above(&m, 0), 0x9fc00);
	expect_map(first_only + 1, ARRAY_SIZE(first_only) - 1);
}
END_TEST

/* ---- queries ---- */

START_TEST(all_mapped_spans_adjacent_entries_in_any_order)
{
	e820_add_region(&m, 0x1000, 0x2000, E820_RAM);  /* [0x1000, 0x3000) */
	e820_add_region(&m, 0x0, 0x1000, E820_RAM);     /* [0, 0x1000) */
	e820_add_region(&m, 0x5000, 0x1000, E820_RAM);
	e820_add_region(&m, 0x3000, 0x1000, E820_RESERVED);
	ck_assert(e820_all_mapped(&m, 0x0, 0x3000, E820_RAM));
	ck_assert(e820_all_mapped(&m, 0x800, 0x1800, E820_RAM));
	ck_assert(!e820_all_mapped(&m, 0x0, 0x3001, E820_RAM));
	ck_assert(!e820_all_mapped(&m, 0x2000, 0x6000, E820_RAM));       /* gap */
	ck_assert(!e820_all_mapped(&m, 0x3000, 0x3800, E820_RAM));       /* other type */
	ck_assert(e820_all_mapped(&m, 0x3000, 0x3800, E820_RESERVED));
	ck_assert(e820_all_mapped(&m, 0x9000, 0x9000, E820_RAM));        /* empty */
}
END_TEST

START_TEST(any_mapped_needs_a_real_overlap)
{
	e820_add_region(&m, 0x1000, 0x2000, E820_RAM);
	e820_add_region(&m, 0x3000, 0x1000, E820_RESERVED);
	ck_assert(e820_any_mapped(&m, 0x2fff, 0x5000, E820_RAM));
	ck_assert(!e820_any_mapped(&m, 0x3000, 0x5000, E820_RAM));       /* touches only */
	ck_assert(!e820_any_mapped(&m, 0x0, 0x1000, E820_RAM));
	ck_assert(e820_any_mapped(&m, 0x0, 0x1001, E820_RAM));
	ck_assert(!e820_any_mapped(&m, 0x1000, 0x1000, E820_RAM));       /* empty */
	ck_assert(e820_any_mapped(&m, 0x0, U64_LAST, E820_RESERVED));
	ck_assert(!e820_any_mapped(&m, 0x0, U64_LAST, E820_ACPI));
}
END_TEST

START_TEST(type_names_match_linux_and_unknown_types_print_their_number)
{
	char buf[16];

	ck_assert_str_eq(e820_type_name(E820_RAM, buf, sizeof(buf)), "usable");
	ck_assert_str_eq(e820_type_name(E820_RESERVED, buf, sizeof(buf)), "reserved");
	ck_assert_str_eq(e820_type_name(E820_ACPI, buf, sizeof(buf)), "ACPI data");
	ck_assert_str_eq(e820_type_name(E820_NVS, buf, sizeof(buf)), "ACPI NVS");
	ck_assert_str_eq(e820_type_name(E820_UNUSABLE, buf, sizeof(buf)), "unusable");
	ck_assert_str_eq(e820_type_name(0, buf, sizeof(buf)), "type 0");
	ck_assert_str_eq(e820_type_name(0xffffffffu, buf, sizeof(buf)), "type 4294967295");
	e820_add_region(&m, 0x7000, 0x1000, 12);
	e820_print_map(&m, "e820");
	ck_assert_str_eq(host_log(), "e820: [mem 0x0000000000007000-0x0000000000007fff] type 12\n");
}
END_TEST

/* ---- randomized: sanitize against brute force ---- */

static u64 rng = 0x9e3779b97f4a7c15ULL;

static u64 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static u32 random_type(void)
{
	static const u32 types[] = { 1, 1, 1, 1, 2, 2, 2, 3, 4, 5, 0, 17 };

	return types[rnd() % ARRAY_SIZE(types)];
}

/* Mostly small overlapping ranges on a 4 KB grid; some at the very top. */
static void random_map(struct e820map *map)
{
	u32 i, n = 1 + rnd() % 60;
	u64 addr, size;

	map->nr_map = 0;
	for (i = 0; i < n; i++) {
		if (rnd() % 32 == 0) {
			addr = U64_LAST - (rnd() % 0x4000);
			size = rnd() % 0x8000;
		} else {
			addr = (rnd() % 64) * 0x1000 + (rnd() % 8 == 0 ? rnd() % 0x1000 : 0);
			size = (rnd() % 24) * 0x1000;
		}
		e820_add_region(map, addr, size, random_type());
	}
}

/* Rank in the precedence order: RAM lowest, then the rest by number. */
static u64 rank(u32 type)
{
	return type == E820_RAM ? 0 : (u64)type + 1;
}

/* The winning type at @a among the original entries; false if none covers it. */
static bool brute_type(const struct e820map *orig, u64 a, u32 *type)
{
	bool found = false;
	u32 i;

	for (i = 0; i < orig->nr_map; i++) {
		const struct e820entry *e = &orig->map[i];

		/* Clipping gives up the byte at U64_LAST. */
		if (a < e->addr || a - e->addr >= e->size || a == U64_LAST)
			continue;
		if (!found || rank(e->type) > rank(*type))
			*type = e->type;
		found = true;
	}
	return found;
}

static bool sanitised_type(const struct e820map *map, u64 a, u32 *type)
{
	u32 i;

	for (i = 0; i < map->nr_map; i++) {
		if (a >= map->map[i].addr && a - map->map[i].addr < map->map[i].size) {
			*type = map->map[i].type;
			return true;
		}
	}
	return false;
}

static void check_invariants(const struct e820map *map)
{
	u32 i;

	for (i = 0; i < map->nr_map; i++) {
		const struct e820entry *e = &map->map[i];

		/* Plain ifs: a passing ck_assert costs a message to the parent. */
		if (e->size == 0)
			ck_abort_msg("zero-length entry %u:\n%s", i, map_text(map));
		if (e->size > U64_LAST - e->addr)
			ck_abort_msg("entry %u wraps:\n%s", i, map_text(map));
		if (i == 0)
			continue;
		if (e[-1].addr + e[-1].size > e->addr)
			ck_abort_msg("entries %u, %u unsorted or overlapping:\n%s", i - 1, i, map_text(map));
		if (e[-1].addr + e[-1].size == e->addr && e[-1].type == e->type)
			ck_abort_msg("entries %u, %u should have merged:\n%s", i - 1, i, map_text(map));
	}
}

static void check_address(const struct e820map *orig, const struct e820map *map, u64 a)
{
	u32 want = 0, got = 0;
	bool want_found = brute_type(orig, a, &want);
	bool got_found = sanitised_type(map, a, &got);

	if (want_found != got_found || want != got)
		ck_abort_msg("at 0x%llx: want %s type %u, got %s type %u\noriginal:\n%s",
			     (unsigned long long)a, want_found ? "" : "none", want,
			     got_found ? "" : "none", got, map_text(orig));
}

/* Every boundary of the original entries, a byte either side, and random points. */
static void check_addresses(const struct e820map *orig, const struct e820map *map)
{
	u32 i, k;

	for (i = 0; i < orig->nr_map; i++) {
		u64 s = orig->map[i].addr, e = s + orig->map[i].size;   /* may wrap */

		check_address(orig, map, s);
		check_address(orig, map, s - 1);
		check_address(orig, map, e);
		check_address(orig, map, e - 1);
	}
	for (k = 0; k < 32; k++)
		check_address(orig, map, rnd() % 0x60000);
	check_address(orig, map, U64_LAST);
}

static struct e820map orig, again, part;

START_TEST(random_maps_sanitise_to_the_brute_force_answer)
{
	u32 iter, half;
	int n;

	for (iter = 0; iter < 3000; iter++) {
		random_map(&orig);
		m = orig;
		n = sanitize_e820_map(&m);
		if (n != (int)m.nr_map)
			ck_abort_msg("returned %d for %u entries", n, m.nr_map);
		check_invariants(&m);
		check_addresses(&orig, &m);

		/* Sanitising is idempotent... */
		again = m;
		sanitize_e820_map(&again);
		if (again.nr_map != m.nr_map ||
		    memcmp(again.map, m.map, m.nr_map * sizeof(m.map[0])) != 0)
			ck_abort_msg("second sanitise changed:\n%s", map_text(&m));

		/* ...and may be done in steps (e820_from_multiboot2 relies on it). */
		half = orig.nr_map / 2;
		part.nr_map = half;
		memcpy(part.map, orig.map, half * sizeof(orig.map[0]));
		sanitize_e820_map(&part);
		add_all(&part, orig.map + half, orig.nr_map - half);
		sanitize_e820_map(&part);
		if (part.nr_map != m.nr_map ||
		    memcmp(part.map, m.map, m.nr_map * sizeof(m.map[0])) != 0)
			ck_abort_msg("stepwise differs:\n%s", map_text(&orig));
		host_log_reset();
	}
}
END_TEST

Suite *e820_suite(void)
{
	Suite *s = suite_create("e820");
	TCase *tc = tcase_create("core");
	TCase *rnd_tc = tcase_create("random");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, qemu_pc_4g_map_is_already_sane_and_prints_like_linux);
	tcase_add_test(tc, qemu_q35_4g_map_out_of_order_comes_out_sorted);
	tcase_add_test(tc, ram_inside_reserved_is_swallowed);
	tcase_add_test(tc, reserved_inside_ram_splits_ram_in_three);
	tcase_add_test(tc, three_way_overlap_resolves_to_more_restrictive_type);
	tcase_add_test(tc, overlap_resolves_to_more_restrictive_type);
	tcase_add_test(tc, partial_overlap_gives_the_overlap_to_reserved);
	tcase_add_test(tc, adjacent_and_overlapping_same_type_entries_merge);
	tcase_add_test(tc, zero_length_entries_are_dropped);
	tcase_add_test(tc, empty_map_stays_empty);
	tcase_add_test(tc, entry_wrapping_past_2_64_is_clipped_with_a_message);
	tcase_add_test(tc, entry_ending_exactly_at_2_64_loses_its_last_byte);
	tcase_add_test(tc, whole_address_space_entry_does_not_wrap);
	tcase_add_test(tc, add_region_refuses_the_129th_entry);
	tcase_add_test(tc, sanitised_map_longer_than_e820max_keeps_the_lowest_entries);
	tcase_add_test(tc, qemu_pc_512m_from_multiboot2_prints_like_linux);
	tcase_add_test(tc, zero_length_mmap_entry_is_dropped_by_sanitize);
	tcase_add_test(tc, no_mmap_tag_falls_back_to_basic_meminfo_with_a_warning);
	tcase_add_test(tc, empty_mmap_tag_falls_back_to_basic_meminfo);
	tcase_add_test(tc, neither_mmap_nor_meminfo_is_enoent);
	tcase_add_test(tc, long_mmap_of_mergeable_entries_is_compacted_to_fit);
	tcase_add_test(tc, long_mmap_of_distinct_entries_keeps_what_fits_with_a_message);
	tcase_add_test(tc, remove_ram_above_4g_on_qemu_pc_4g);
	tcase_add_test(tc, remove_ram_above_clips_straddling_entry_and_keeps_other_types);
	tcase_add_test(tc, mem_limit_cuts_ram_at_an_address);
	tcase_add_test(tc, mem_limit_at_an_entry_boundary_and_beyond_all_ram);
	tcase_add_test(tc, all_mapped_spans_adjacent_entries_in_any_order);
	tcase_add_test(tc, any_mapped_needs_a_real_overlap);
	tcase_add_test(tc, type_names_match_linux_and_unknown_types_print_their_number);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(rnd_tc, setup, NULL);
	tcase_set_timeout(rnd_tc, 60);
	tcase_add_test(rnd_tc, random_maps_sanitise_to_the_brute_force_answer);
	suite_add_tcase(s, rnd_tc);
	return s;
}
