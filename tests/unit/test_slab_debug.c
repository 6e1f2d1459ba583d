/*
 * tests/unit/test_slab_debug.c - the reports of mm/slab_debug.c: a machine
 * booted with slab_debug, so every general cache has red zones, poison
 * and the last user, and each test makes one mistake with an object (a
 * double free, a free inside it, a write past either end or after free).
 * Expect the report, one slab error, and an allocator that still works:
 * the free lists back as they were (slab_harness.c).
 */
#include <stdio.h>
#include <string.h>
#include <linux/gfp.h>
#include "slab_harness.h"

/*
 * A debug object of size-64 (the host's words are 8 bytes):
 *
 *   buffer: | red zone 1 | object: 64 bytes          | red zone 2 | last user |
 *                        ^ p                          ^ p + 64
 *
 * Each test below makes one mistake with such an object and checks the
 * report: its first line names the function, the cache and the object.
 */

/* Boot with slab_debug.  Expect every general cache's objects poisoned, and no reports. */
START_TEST(debug_boot_reports_nothing_and_poisons_new_objects)
{
	struct free_lists start;
	unsigned char *p;

	expect_log_empty();
	ck_assert_uint_eq(slab_error_count, 0);
	ck_assert(general_cache(64)->flags & SLAB_RED_ZONE);
	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	for (int i = 0; i < 63; i++)
		ck_assert_uint_eq(p[i], POISON_INUSE);
	ck_assert_uint_eq(p[63], POISON_END);
	kfree(p);
	for (int i = 0; i < 63; i++)              /* the test owns the arena: it may look */
		ck_assert_uint_eq(p[i], POISON_FREE);
	expect_allocator_intact(&start);
	expect_log_empty();
}
END_TEST

/*
 * kfree(p) twice while p waits in the CPU array (its red zones already
 * say "inactive").  Expect "double free of object p" for `size-64', one
 * error, and p handed out once only afterwards.
 */
START_TEST(double_free_is_reported_and_ignored)
{
	struct free_lists start;
	char line[160];
	void *p, *q, *r;

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	host_log_reset();
	kfree(p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-64': "
		 "double free of object %p\n", p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	q = kmalloc(64, GFP_KERNEL);
	r = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(q, p);
	ck_assert_ptr_ne(r, p);
	kfree(q);
	kfree(r);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * kfree(p) twice, the first free already flushed back to the slab (a
 * neighbour keeps the slab).  Expect the same report, from the bufctl.
 */
START_TEST(double_free_after_the_object_left_the_array_is_reported)
{
	struct free_lists start;
	char line[160];
	void *p, *q;

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	q = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(slab_of(p), slab_of(q));
	kfree(p);
	ck_assert_int_eq(kmem_cache_shrink(general_cache(64)), 1);
	host_log_reset();
	kfree(p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-64': "
		 "double free of object %p\n", p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	kfree(q);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * kfree(p + 8): inside object p, not at its start.  Expect "p + 8 is not
 * an object", the report naming the object it falls in and where that
 * starts (p), one error, and p still allocated: freeing it works.
 */
START_TEST(kfree_inside_an_object_is_reported_and_ignored)
{
	struct kmem_cache *c = general_cache(64);
	struct free_lists start;
	char line[200], *p;
	unsigned int idx;

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	idx = (p - c->obj_offset - (char *)slab_of(p)->s_mem) / c->buffer_size;
	host_log_reset();
	kfree(p + 8);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-64': "
		 "%p is not an object: the nearest, object %u of its slab, starts at %p\n",
		 p + 8, idx, p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	host_log_reset();
	kfree(p);
	expect_log_empty();
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * p[64] = 0 on a 64-byte object: one byte into red zone 2.  Expect
 * "memory past the end of object p (64 bytes) was overwritten" at kfree(),
 * one error, and the object freed all the same (handed out next, clean).
 */
START_TEST(write_past_the_end_is_reported_at_free)
{
	struct free_lists start;
	unsigned char *p;
	char line[200];

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	p[64] = 0;
	host_log_reset();
	kfree(p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-64': "
		 "memory past the end of object %p (64 bytes) was overwritten\n", (void *)p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	host_log_reset();
	ck_assert_ptr_eq(kmalloc(64, GFP_KERNEL), p);
	expect_log_empty();
	kfree(p);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/* p[-1] = 0 on a 128-byte object: red zone 1.  Expect "memory before object p". */
START_TEST(write_before_the_start_is_reported_at_free)
{
	struct free_lists start;
	unsigned char *p;
	char line[200];

	settle(&start);
	p = kmalloc(128, GFP_KERNEL);
	p[-1] ^= 0xff;
	host_log_reset();
	kfree(p);
	snprintf(line, sizeof(line), "slab error in cache_free_debugcheck(): cache `size-128': "
		 "memory before object %p (128 bytes) was overwritten\n", (void *)p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * p freed, then p[10] = 1: the poison 6b 6b ... broken at offset 10.
 * Nothing notices until p is handed out again, by the next kmalloc(64).
 * Expect then "object p was written after it was freed (first at offset
 * 10)", "Slab corruption: start=p, len=64", the bad row, one error, and
 * the object given out freshly poisoned (0x5a).
 */
START_TEST(write_after_free_is_reported_at_the_next_allocation)
{
	struct free_lists start;
	unsigned char *p, *q;
	char line[200];

	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[10] = 1;
	ck_assert_uint_eq(slab_error_count, 0);
	host_log_reset();
	q = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(q, p);
	snprintf(line, sizeof(line), "slab error in cache_alloc_debugcheck_after(): cache "
		 "`size-64': object %p was written after it was freed (first at offset 10)\n",
		 (void *)p);
	expect_first_line(line);
	snprintf(line, sizeof(line), "Slab corruption: start=%p, len=64\n", (void *)p);
	ck_assert(host_log_contains(line));
	ck_assert(host_log_contains("000: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 01 6b 6b 6b 6b 6b\n"));
	ck_assert_uint_eq(slab_error_count, 1);
	for (int i = 0; i < 63; i++)
		ck_assert_uint_eq(q[i], POISON_INUSE);
	kfree(q);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * A write after free into an object that is never handed out again: the
 * check happens when its slab is destroyed.  Expect the report from
 * slab_destroy_debugcheck() when kmem_cache_shrink_all() frees the slab.
 */
START_TEST(write_after_free_is_reported_when_the_slab_is_destroyed)
{
	struct kmem_cache *c = general_cache(2048);
	struct free_lists start;
	unsigned char *p;
	char line[200];

	settle(&start);
	p = kmalloc(2048, GFP_KERNEL);
	kfree(p);
	p[2000] = 0;
	host_log_reset();
	kmem_cache_shrink(c);
	snprintf(line, sizeof(line), "slab error in slab_destroy_debugcheck(): cache "
		 "`size-2048': object %p was written after it was freed (first at offset 2000)\n",
		 (void *)p);
	expect_first_line(line);
	ck_assert_uint_eq(slab_error_count, 1);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

/*
 * A size-64 object given to kmem_cache_free() of a private 64-byte cache.
 * Expect "p is not one of its objects" naming the private cache, one
 * error, and the object untouched: kfree() then frees it without a word.
 */
START_TEST(kmem_cache_free_to_the_wrong_cache_is_reported_and_ignored)
{
	struct kmem_cache *other = kmem_cache_create("test-other", 64, 0, SLAB_DEBUG_FLAGS);
	struct free_lists start;
	char line[200];
	void *p;

	ck_assert_ptr_nonnull(other);
	settle(&start);
	p = kmalloc(64, GFP_KERNEL);
	host_log_reset();
	kmem_cache_free(other, p);
	snprintf(line, sizeof(line), "slab error in kmem_cache_free(): cache `test-other': %p "
		 "is not one of its objects; ignored\n", p);
	ck_assert_str_eq(host_log(), line);
	ck_assert_uint_eq(slab_error_count, 1);
	ck_assert_uint_eq(other->errors, 1);
	host_log_reset();
	kfree(p);
	expect_log_empty();
	ck_assert_int_eq(kmem_cache_destroy(other), 0);
	expect_allocator_intact(&start);
	ck_assert_uint_eq(slab_error_count, 1);
}
END_TEST

Suite *slab_debug_suite(void)
{
	Suite *s = suite_create("slab-debug");
	TCase *debug = tcase_create("debug");

	tcase_add_checked_fixture(debug, slab_setup_debug, slab_teardown);
	tcase_add_test(debug, debug_boot_reports_nothing_and_poisons_new_objects);
	tcase_add_test(debug, double_free_is_reported_and_ignored);
	tcase_add_test(debug, double_free_after_the_object_left_the_array_is_reported);
	tcase_add_test(debug, kfree_inside_an_object_is_reported_and_ignored);
	tcase_add_test(debug, write_past_the_end_is_reported_at_free);
	tcase_add_test(debug, write_before_the_start_is_reported_at_free);
	tcase_add_test(debug, write_after_free_is_reported_at_the_next_allocation);
	tcase_add_test(debug, write_after_free_is_reported_when_the_slab_is_destroyed);
	tcase_add_test(debug, kmem_cache_free_to_the_wrong_cache_is_reported_and_ignored);
	suite_add_tcase(s, debug);

	return s;
}
