/*
 * tests/unit/test_layout.c - the formulas of include/memlayout.h, for
 * several RAM sizes, against the values a 2.6-era i386 kernel printed.
 *
 * The host computes them exactly as the kernel does (memlayout.h spells
 * every value as u32), with high_memory set as paging_init() sets it:
 * PAGE_OFFSET + min(RAM, MAXMEM).  The constant part of the layout is
 * checked against hand-computed values for this build (NR_CPUS 4,
 * KM_TYPE_NR 13, no PAE): a change to the slot list shows up here.
 */
#include <stdint.h>
#include "unit.h"
#include <memlayout.h>

/* high_memory for @ram_mb megabytes of RAM from 0 (no holes). */
static void boot_with(u32 ram_mb)
{
	u64 low = (u64)ram_mb << 20;

	if (low > MAXMEM)
		low = MAXMEM;
	high_memory = (void *)(uintptr_t)(PAGE_OFFSET + (u32)low);
}

START_TEST(vmalloc_start_follows_high_memory)
{
	static const struct { u32 ram_mb, vmalloc_start; } t[] = {
		{   16, 0xc1800000 },
		{   32, 0xc2800000 },
		{  128, 0xc8800000 },
		{  500, 0xe0000000 },   /* high_memory 0xdf400000: a 12 MB gap */
		{  512, 0xe0800000 },   /* V7: 2.6 with 512 MB */
		{  768, 0xf0800000 },
		{  896, 0xf8800000 },   /* 2.6 with 896 MB or more */
		{ 1024, 0xf8800000 },
		{ 2048, 0xf8800000 },
		{ 4096, 0xf8800000 },
	};

	for (unsigned int i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		u32 hm;

		boot_with(t[i].ram_mb);
		hm = (u32)(uintptr_t)high_memory;
		ck_assert_msg(VMALLOC_START == t[i].vmalloc_start,
			      "%u MB: VMALLOC_START %#x, expected %#x", t[i].ram_mb,
			      VMALLOC_START, t[i].vmalloc_start);
		/* V2: 8 MB aligned, 8 to 16 MB above the direct map. */
		ck_assert_uint_eq(VMALLOC_START % VMALLOC_OFFSET, 0);
		ck_assert_uint_ge(VMALLOC_START - hm, VMALLOC_OFFSET);
		ck_assert_uint_lt(VMALLOC_START - hm, 2 * VMALLOC_OFFSET);
	}
}
END_TEST

/* V7: below 896 MB of RAM the vmalloc area is larger than 128 MB. */
START_TEST(small_ram_gets_a_large_vmalloc_area)
{
	boot_with(512);
	ck_assert_uint_eq(VMALLOC_END - VMALLOC_START, 0xff7fe000u - 0xe0800000u);
	ck_assert_uint_gt(VMALLOC_END - VMALLOC_START, 128u << 20);
	boot_with(2048);
	ck_assert_uint_eq(VMALLOC_END - VMALLOC_START, 0xff7fe000u - 0xf8800000u);   /* 111 MB */
	ck_assert_uint_lt(VMALLOC_END - VMALLOC_START, 128u << 20);
}
END_TEST

START_TEST(top_of_the_layout_is_constant)
{
	ck_assert_uint_eq(FIXADDR_TOP, 0xfffff000);                           /* F2 */
	ck_assert_uint_eq(__fix_to_virt(FIX_HOLE), 0xfffff000);
	ck_assert_uint_eq(__fix_to_virt(FIX_APIC_BASE), 0xffffe000);
	ck_assert_uint_eq(__fix_to_virt(FIX_IO_APIC_BASE_0), 0xffffd000);
	ck_assert_uint_eq(__fix_to_virt(FIX_KMAP_BEGIN), 0xffffc000);
	ck_assert_uint_eq(FIX_KMAP_END - FIX_KMAP_BEGIN + 1, 13 * 4);           /* F3 */
	ck_assert_uint_eq(FIXADDR_START, 0xfffff000 - 55 * 4096);               /* 0xfffc8000 */
	ck_assert_uint_eq(FIXADDR_BOOT_START, 0xfffc7000);
	ck_assert_uint_eq(LAST_PKMAP, 1024);                                     /* K2 */
	ck_assert_uint_eq(PKMAP_BASE, 0xff800000);                               /* K3 */
	ck_assert_uint_eq(PKMAP_ADDR(LAST_PKMAP), 0xffc00000);
	ck_assert_uint_eq(VMALLOC_END, 0xff7fe000);                              /* V3 */
	ck_assert_uint_eq(__virt_to_fix(__fix_to_virt(FIX_KMAP_END) + 123), FIX_KMAP_END);
}
END_TEST

/* L1: direct map < gap < vmalloc < gap < pkmap < fixmap < reserved top. */
START_TEST(regions_are_in_order_at_every_size)
{
	for (u32 mb = 4; mb <= 4096; mb += 4) {
		u32 hm;

		boot_with(mb);
		hm = (u32)(uintptr_t)high_memory;
		ck_assert_uint_gt(hm, PAGE_OFFSET);
		ck_assert_uint_lt(hm, VMALLOC_START);
		ck_assert_uint_lt(VMALLOC_START, VMALLOC_END);
		ck_assert_uint_eq(VMALLOC_END + 2 * PAGE_SIZE, PKMAP_BASE);
		ck_assert_uint_le(PKMAP_ADDR(LAST_PKMAP), FIXADDR_BOOT_START);
		ck_assert_uint_lt(FIXADDR_BOOT_START, FIXADDR_START);
		ck_assert_uint_lt(FIXADDR_START, FIXADDR_TOP);
	}
}
END_TEST

Suite *layout_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("layout");

	tcase_add_test(tc, vmalloc_start_follows_high_memory);
	tcase_add_test(tc, small_ram_gets_a_large_vmalloc_area);
	tcase_add_test(tc, top_of_the_layout_is_constant);
	tcase_add_test(tc, regions_are_in_order_at_every_size);
	suite_add_tcase(s, tc);
	return s;
}
