/*
 * tests/unit/test_memblock.c - memblock's sorted, disjoint region lists.
 *
 * In the style of Linux's tools/testing/memblock: each test draws the
 * regions before and after.  r1, r2 are existing regions, "new" is the
 * range added or removed.  A randomized test checks add/remove against a
 * byte-per-page model of the address space.
 */
#include <string.h>
#include <stdio.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include "unit.h"

#define U64_LAST 0xffffffffffffffffULL
#define SZ_4K    0x1000ULL
#define SZ_1M    0x100000ULL

static void setup(void)
{
	memblock_reset();
	host_log_reset();
}

/* The list as text, for failure messages. */
static const char *list_text(const struct memblock_type *t)
{
	static char buf[8192];
	size_t n = 0;
	u32 i;

	buf[0] = '\0';
	for (i = 0; i < t->cnt && n < sizeof(buf) - 64; i++)
		n += snprintf(buf + n, sizeof(buf) - n, "  [0x%llx+0x%llx]",
			      (unsigned long long)t->regions[i].base,
			      (unsigned long long)t->regions[i].size);
	return buf;
}

/* @t must hold exactly the @n regions in @want. */
static void expect_regions(const struct memblock_type *t,
			   const struct memblock_region *want, u32 n)
{
	bool same = t->cnt == n;
	u32 i;

	for (i = 0; same && i < n; i++)
		same = t->regions[i].base == want[i].base && t->regions[i].size == want[i].size;
	ck_assert_msg(same, "%s differs (want %u regions), got:%s", t->name, n, list_text(t));
}

/* ---- memblock_add ---- */

START_TEST(add_to_empty_list)
{
	static const struct memblock_region want[] = { { SZ_1M, 16 * SZ_1M } };

	ck_assert_int_eq(memblock_add(SZ_1M, 16 * SZ_1M), 0);
	expect_regions(&memblock.memory, want, 1);
	ck_assert_uint_eq(memblock_phys_mem_size(), 16 * SZ_1M);
	ck_assert_uint_eq(memblock.reserved.cnt, 0);
}
END_TEST

/*
 *   before:            [==r1==]
 *   add:      [=new=]                  [=new=]
 *   after:    [=r0==]  [==r1==]        [=r2==]
 */
START_TEST(add_disjoint_ranges_keeps_them_sorted)
{
	static const struct memblock_region want[] = {
		{ 0x1000, 0x1000 }, { 0x4000, 0x2000 }, { 0x9000, 0x1000 },
	};

	memblock_add(0x4000, 0x2000);
	memblock_add(0x9000, 0x1000);
	memblock_add(0x1000, 0x1000);
	expect_regions(&memblock.memory, want, 3);
}
END_TEST

/*
 *   before:        [====r1====]
 *   add:      [=new====]
 *   after:    [=======r1======]
 */
START_TEST(add_overlapping_the_bottom_merges)
{
	static const struct memblock_region want[] = { { 0x1000, 0x5000 } };

	memblock_add(0x3000, 0x3000);
	memblock_add(0x1000, 0x3000);
	expect_regions(&memblock.memory, want, 1);
}
END_TEST

/*
 *   before:   [====r1====]
 *   add:            [=====new=====]
 *   after:    [==========r1=======]
 */
START_TEST(add_overlapping_the_top_merges)
{
	static const struct memblock_region want[] = { { 0x1000, 0x6000 } };

	memblock_add(0x1000, 0x3000);
	memblock_add(0x3000, 0x4000);
	expect_regions(&memblock.memory, want, 1);
}
END_TEST

START_TEST(add_inside_an_existing_region_changes_nothing)
{
	static const struct memblock_region want[] = { { 0x1000, 0x8000 } };

	memblock_add(0x1000, 0x8000);
	memblock_add(0x2000, 0x1000);
	memblock_add(0x1000, 0x8000);
	expect_regions(&memblock.memory, want, 1);
}
END_TEST

/*
 *   before:   [=r1=]       [=r2=]
 *   add:           [=new==]
 *   after:    [=========r1=====]     (touching regions merge too)
 */
START_TEST(add_touching_both_neighbours_merges_all_three)
{
	static const struct memblock_region want[] = { { 0x1000, 0x5000 } };

	memblock_add(0x1000, 0x1000);
	memblock_add(0x4000, 0x2000);
	memblock_add(0x2000, 0x2000);
	expect_regions(&memblock.memory, want, 1);
}
END_TEST

/*
 *   before:   [r1] [r2]  [r3]   [r4]          [r5]
 *   add:        [=========new========]
 *   after:    [===========r1=========]        [r2]
 */
START_TEST(add_spanning_several_regions_merges_them)
{
	static const struct memblock_region want[] = { { 0x0, 0x9000 }, { 0x20000, 0x1000 } };
	u64 base;

	for (base = 0; base < 0x8000; base += 0x2000)
		memblock_add(base, 0x1000);
	memblock_add(0x20000, 0x1000);
	memblock_add(0x800, 0x8800);
	expect_regions(&memblock.memory, want, 2);
}
END_TEST

START_TEST(add_of_zero_bytes_does_nothing)
{
	ck_assert_int_eq(memblock_add(0x1000, 0), 0);
	ck_assert_uint_eq(memblock.memory.cnt, 0);
	memblock_add(0x1000, 0x1000);
	ck_assert_int_eq(memblock_add(0x2000, 0), 0);   /* touching, but empty */
	ck_assert_uint_eq(memblock.memory.regions[0].size, 0x1000);
}
END_TEST

START_TEST(add_wrapping_past_2_64_is_clipped)
{
	static const struct memblock_region want[] = {
		{ 0xfffffffffff00000ULL, 0xfffffULL },
	};

	ck_assert_int_eq(memblock_add(0xfffffffffff00000ULL, 0x200000), 0);
	expect_regions(&memblock.memory, want, 1);
	ck_assert_str_eq(host_log(),
		"memblock: memory range 0xfffffffffff00000 + 0x200000 wraps past 2^64, clipped to end at 0xffffffffffffffff\n");
	ck_assert(memblock_is_memory(0xfffffffffffffffeULL));
	ck_assert(!memblock_is_memory(U64_LAST));
}
END_TEST

START_TEST(add_to_a_full_array_fails_unless_it_merges)
{
	u32 i;

	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		ck_assert_int_eq(memblock_add(i * 0x2000, 0x1000), 0);
	ck_assert_int_eq(memblock_add(0x1000000, 0x1000), -ENOSPC);
	ck_assert_str_eq(host_log(),
		"memblock: memory array is full (128 regions), cannot add [0x0000000001000000-0x0000000001000fff]\n");
	ck_assert_uint_eq(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	ck_assert_int_eq(memblock_add(0x1000, 0x1000), 0);     /* joins two */
	ck_assert_uint_eq(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS - 1);
}
END_TEST

START_TEST(reserve_merges_like_add_in_its_own_list)
{
	static const struct memblock_region want[] = { { 0x100000, 0x3000 } };

	memblock_add(0, 16 * SZ_1M);
	ck_assert_int_eq(memblock_reserve(0x101000, 0x2000), 0);
	ck_assert_int_eq(memblock_reserve(0x100000, 0x1800), 0);
	expect_regions(&memblock.reserved, want, 1);
	ck_assert_uint_eq(memblock.memory.cnt, 1);
	ck_assert_uint_eq(memblock_reserved_size(), 0x3000);
}
END_TEST

/* ---- memblock_remove / memblock_free ---- */

/*
 *   before:   [===========r1===========]
 *   remove:           [--hole--]
 *   after:    [==r1==]          [==r2==]
 */
START_TEST(remove_from_the_middle_splits_a_region)
{
	static const struct memblock_region want[] = { { 0x0, 0x4000 }, { 0x6000, 0xa000 } };

	memblock_add(0x0, 0x10000);
	ck_assert_int_eq(memblock_remove(0x4000, 0x2000), 0);
	expect_regions(&memblock.memory, want, 2);
}
END_TEST

/*
 *   before:   [===r1===]    [===r2===]
 *   remove:        [--hole--]
 *   after:    [r1=]           [=r2===]
 */
START_TEST(remove_across_a_gap_trims_both_sides)
{
	static const struct memblock_region want[] = { { 0x0, 0x2000 }, { 0x7000, 0x2000 } };

	memblock_add(0x0, 0x4000);
	memblock_add(0x5000, 0x4000);
	ck_assert_int_eq(memblock_remove(0x2000, 0x5000), 0);
	expect_regions(&memblock.memory, want, 2);
}
END_TEST

START_TEST(remove_covering_regions_deletes_them)
{
	static const struct memblock_region want[] = { { 0x0, 0x1000 }, { 0x9000, 0x1000 } };

	memblock_add(0x0, 0x1000);
	memblock_add(0x2000, 0x1000);
	memblock_add(0x4000, 0x1000);
	memblock_add(0x6000, 0x1000);
	memblock_add(0x9000, 0x1000);
	ck_assert_int_eq(memblock_remove(0x2000, 0x5000), 0);  /* exactly r2 .. r4 */
	expect_regions(&memblock.memory, want, 2);
}
END_TEST

START_TEST(remove_where_nothing_is_changes_nothing)
{
	static const struct memblock_region want[] = { { 0x2000, 0x1000 } };

	memblock_add(0x2000, 0x1000);
	ck_assert_int_eq(memblock_remove(0x0, 0x2000), 0);
	ck_assert_int_eq(memblock_remove(0x3000, 0x2000), 0);
	ck_assert_int_eq(memblock_remove(0x2800, 0), 0);
	expect_regions(&memblock.memory, want, 1);
}
END_TEST

/* A split needs a slot; with none, -ENOSPC and the list is untouched. */
START_TEST(split_in_a_full_array_fails_and_changes_nothing)
{
	u32 i;

	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		memblock_reserve(i * 0x10000, 0x8000);
	ck_assert_int_eq(memblock_free(0x2000, 0x1000), -ENOSPC);
	ck_assert_uint_eq(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS);
	ck_assert_uint_eq(memblock.reserved.regions[0].size, 0x8000);
	ck_assert_str_eq(host_log(),
		"memblock: reserved array is full (128 regions), cannot split [0x0000000000000000-0x0000000000007fff]\n");
	ck_assert_int_eq(memblock_free(0x0, 0x1000), 0);        /* a trim still works */
	ck_assert_uint_eq(memblock.reserved.regions[0].base, 0x1000);
}
END_TEST

START_TEST(free_undoes_reserve_and_leaves_memory_alone)
{
	memblock_add(0x0, 0x100000);
	memblock_reserve(0x10000, 0x4000);
	ck_assert_int_eq(memblock_free(0x10000, 0x4000), 0);
	ck_assert_uint_eq(memblock.reserved.cnt, 0);
	ck_assert_uint_eq(memblock_phys_mem_size(), 0x100000);
}
END_TEST

/* ---- queries ---- */

START_TEST(is_memory_and_is_reserved_cover_base_to_end_minus_one)
{
	memblock_add(0x1000, 0x2000);
	memblock_add(0x8000, 0x1000);
	memblock_reserve(0x1800, 0x100);
	ck_assert(!memblock_is_memory(0xfff));
	ck_assert(memblock_is_memory(0x1000));
	ck_assert(memblock_is_memory(0x2fff));
	ck_assert(!memblock_is_memory(0x3000));
	ck_assert(memblock_is_memory(0x8abc));
	ck_assert(!memblock_is_memory(0x9000));
	ck_assert(!memblock_is_reserved(0x17ff));
	ck_assert(memblock_is_reserved(0x1800));
	ck_assert(memblock_is_reserved(0x18ff));
	ck_assert(!memblock_is_reserved(0x1900));
}
END_TEST

START_TEST(is_region_reserved_means_overlap)
{
	memblock_reserve(0x4000, 0x1000);
	ck_assert(memblock_is_region_reserved(0x3000, 0x1001));
	ck_assert(!memblock_is_region_reserved(0x3000, 0x1000));        /* touches */
	ck_assert(!memblock_is_region_reserved(0x5000, 0x1000));
	ck_assert(memblock_is_region_reserved(0x4fff, 1));
	ck_assert(memblock_is_region_reserved(0x0, U64_LAST));
	ck_assert(!memblock_is_region_reserved(0x4800, 0));            /* empty */
}
END_TEST

START_TEST(dump_all_prints_linux_format)
{
	memblock_add(0x1000, 0x9e000);
	memblock_add(0x100000, 0x1fee0000);
	memblock_reserve(0x100000, 0x200000);
	memblock_dump_all();
	ck_assert_str_eq(host_log(),
		"MEMBLOCK configuration:\n"
		" memory size = 0x1ff7e000 reserved size = 0x200000\n"
		" memory.cnt  = 0x2\n"
		" memory[0x0]\t[0x0000000000001000-0x000000000009efff], 0x9e000 bytes\n"
		" memory[0x1]\t[0x0000000000100000-0x000000001ffdffff], 0x1fee0000 bytes\n"
		" reserved.cnt  = 0x1\n"
		" reserved[0x0]\t[0x0000000000100000-0x00000000002fffff], 0x200000 bytes\n");
}
END_TEST

START_TEST(reset_empties_both_lists)
{
	memblock_add(0x0, 0x1000);
	memblock_reserve(0x0, 0x1000);
	memblock_reset();
	ck_assert_uint_eq(memblock.memory.cnt + memblock.reserved.cnt, 0);
	ck_assert_uint_eq(memblock_phys_mem_size() + memblock_reserved_size(), 0);
	ck_assert_str_eq(memblock.memory.name, "memory");
	ck_assert_str_eq(memblock.reserved.name, "reserved");
	ck_assert_uint_eq(memblock.memory.max, INIT_MEMBLOCK_REGIONS);
}
END_TEST

/* ---- randomized: against a page-per-byte model ---- */

#define MODEL_PAGES 256     /* at most 128 separate regions: always fits */
static u8 model[MODEL_PAGES];   /* 1: page is in the list */

static u64 rng = 0xd1b54a32d192ed03ULL;

static u64 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Sorted, disjoint, not touching, and exactly the model's pages. */
static void check_against_model(const struct memblock_type *t)
{
	u64 pfn;
	u32 i;

	/* Plain ifs: a passing ck_assert costs a message to the parent process. */
	for (i = 0; i < t->cnt; i++) {
		if (t->regions[i].size == 0)
			ck_abort_msg("region %u is empty:%s", i, list_text(t));
		if (i && t->regions[i - 1].base + t->regions[i - 1].size >= t->regions[i].base)
			ck_abort_msg("regions %u, %u overlap or touch:%s", i - 1, i, list_text(t));
	}
	for (pfn = 0; pfn < MODEL_PAGES; pfn++)
		if (memblock_is_memory(pfn * SZ_4K) != (model[pfn] != 0))
			ck_abort_msg("page %llu: model says %d:%s", (unsigned long long)pfn,
				     model[pfn], list_text(t));
}

START_TEST(random_adds_and_removes_match_a_page_model)
{
	u64 first, nr, pfn;
	u32 iter;
	bool adding;
	int err;

	memset(model, 0, sizeof(model));
	for (iter = 0; iter < 20000; iter++) {
		first = rnd() % MODEL_PAGES;
		nr = rnd() % 16;
		if (first + nr > MODEL_PAGES)
			nr = MODEL_PAGES - first;
		adding = rnd() % 3 != 0;
		err = adding ? memblock_add(first * SZ_4K, nr * SZ_4K)
			     : memblock_remove(first * SZ_4K, nr * SZ_4K);
		if (err)
			ck_abort_msg("%s returned %d", adding ? "add" : "remove", err);
		for (pfn = first; pfn < first + nr; pfn++)
			model[pfn] = adding;
		check_against_model(&memblock.memory);
	}
}
END_TEST

Suite *memblock_suite(void)
{
	Suite *s = suite_create("memblock");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, add_to_empty_list);
	tcase_add_test(tc, add_disjoint_ranges_keeps_them_sorted);
	tcase_add_test(tc, add_overlapping_the_bottom_merges);
	tcase_add_test(tc, add_overlapping_the_top_merges);
	tcase_add_test(tc, add_inside_an_existing_region_changes_nothing);
	tcase_add_test(tc, add_touching_both_neighbours_merges_all_three);
	tcase_add_test(tc, add_spanning_several_regions_merges_them);
	tcase_add_test(tc, add_of_zero_bytes_does_nothing);
	tcase_add_test(tc, add_wrapping_past_2_64_is_clipped);
	tcase_add_test(tc, add_to_a_full_array_fails_unless_it_merges);
	tcase_add_test(tc, reserve_merges_like_add_in_its_own_list);
	tcase_add_test(tc, remove_from_the_middle_splits_a_region);
	tcase_add_test(tc, remove_across_a_gap_trims_both_sides);
	tcase_add_test(tc, remove_covering_regions_deletes_them);
	tcase_add_test(tc, remove_where_nothing_is_changes_nothing);
	tcase_add_test(tc, split_in_a_full_array_fails_and_changes_nothing);
	tcase_add_test(tc, free_undoes_reserve_and_leaves_memory_alone);
	tcase_add_test(tc, is_memory_and_is_reserved_cover_base_to_end_minus_one);
	tcase_add_test(tc, is_region_reserved_means_overlap);
	tcase_add_test(tc, dump_all_prints_linux_format);
	tcase_add_test(tc, reset_empties_both_lists);
	tcase_add_test(tc, random_adds_and_removes_match_a_page_model);
	suite_add_tcase(s, tc);
	return s;
}
