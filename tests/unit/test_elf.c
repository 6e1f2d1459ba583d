/*
 * tests/unit/test_elf.c - elf_check() against a minimal executable built
 * in memory and each way of spoiling it.
 *
 * The image, as boot/user/user.ld lays out a real program:
 *
 *   offset  0x000  Elf32_Ehdr                     vaddr 0x08048000  segment 0:
 *           0x034  Elf32_Phdr[2]                                    R X, offset 0,
 *           0x074  "text" (e_entry = 0x08048074)                    0x100 bytes
 *           0x100  "data", 0x20 bytes in the file vaddr 0x08049100  segment 1:
 *           0x120  end of file                    ... 0x08049180   R W, bss to 0x80
 *
 * Every check runs on an exact-size heap copy, so AddressSanitizer stops
 * any read past the end.  Each rejection must return -ENOEXEC and print
 * its exact "elf: " line.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/elf.h>
#include <memlayout.h>
#include "unit.h"

#define IMAGE_LEN    0x120u
#define TEXT_VADDR   0x08048000u
#define DATA_OFFSET  0x100u
#define DATA_VADDR   0x08049100u

static Elf32_Ehdr eh;
static Elf32_Phdr ph[3];
static u32 len;                 /* bytes of the image handed to elf_check() */
static struct elf_info info;
static void *exact_copy;

static void setup(void)
{
	host_log_reset();
	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS32;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_EXEC;
	eh.e_machine = EM_386;
	eh.e_version = EV_CURRENT;
	eh.e_entry = TEXT_VADDR + 0x74;
	eh.e_phoff = sizeof(Elf32_Ehdr);
	eh.e_ehsize = sizeof(Elf32_Ehdr);
	eh.e_phentsize = sizeof(Elf32_Phdr);
	eh.e_phnum = 2;
	memset(ph, 0, sizeof(ph));
	ph[0] = (Elf32_Phdr){ .p_type = PT_LOAD, .p_offset = 0,
			      .p_vaddr = TEXT_VADDR, .p_paddr = TEXT_VADDR,
			      .p_filesz = DATA_OFFSET, .p_memsz = DATA_OFFSET,
			      .p_flags = PF_R | PF_X, .p_align = PAGE_SIZE };
	ph[1] = (Elf32_Phdr){ .p_type = PT_LOAD, .p_offset = DATA_OFFSET,
			      .p_vaddr = DATA_VADDR, .p_paddr = DATA_VADDR,
			      .p_filesz = 0x20, .p_memsz = 0x80,
			      .p_flags = PF_R | PF_W, .p_align = PAGE_SIZE };
	len = IMAGE_LEN;
}

static void teardown(void)
{
	free(exact_copy);
	exact_copy = NULL;
}

/*
 * Lay eh and ph[] out as the drawing says (the table always at offset
 * 0x34, whatever e_phoff claims), copy the first @len bytes to @misalign
 * bytes into a heap block that ends with them, and check them there.
 */
static int check_image_at(u32 misalign)
{
	u8 file[0x200] = { 0 };

	memcpy(file, &eh, sizeof(eh));
	memcpy(file + sizeof(eh), ph, sizeof(ph));
	ck_assert_uint_le(len, sizeof(file));
	free(exact_copy);
	exact_copy = malloc(max(misalign + len, 1u));
	ck_assert_ptr_nonnull(exact_copy);
	memcpy((u8 *)exact_copy + misalign, file, len);
	return elf_check((u8 *)exact_copy + misalign, len, &info);
}

static int check_image(void)
{
	return check_image_at(0);
}

/* Expect -ENOEXEC, the line @msg, and elf_info left cleared. */
static void expect_rejected(const char *msg)
{
	static const struct elf_info cleared;

	ck_assert_int_eq(check_image(), -ENOEXEC);
	ck_assert_msg(host_log_contains(msg), "expected \"%s\", log:\n%s", msg, host_log());
	ck_assert(!memcmp(&info, &cleared, sizeof(info)));
}

/* ---- accepted ---- */

START_TEST(accepts_minimal_static_executable)
{
	ck_assert_int_eq(check_image(), 0);
	ck_assert_uint_eq(info.e_entry, 0x08048074);
	ck_assert_uint_eq(info.nr_load, 2);
	ck_assert_uint_eq(info.start_code, 0x08048000);
	ck_assert_uint_eq(info.end_code, 0x08048100);
	ck_assert_uint_eq(info.start_data, 0x08049100);
	ck_assert_uint_eq(info.end_data, 0x08049120);
	ck_assert_uint_eq(info.elf_brk, 0x08049180);
	ck_assert_str_eq(host_log(), "");
}
END_TEST

START_TEST(accepts_image_at_odd_address)
{
	ck_assert_int_eq(check_image_at(3), 0);
	ck_assert_uint_eq(info.nr_load, 2);
}
END_TEST

/* A PT_GNU_STACK header has no file range or address: nothing to check. */
START_TEST(ignores_segments_other_than_pt_load)
{
	ph[2] = (Elf32_Phdr){ .p_type = PT_GNU_STACK, .p_offset = 0xffffffff,
			      .p_filesz = 0xffffffff, .p_flags = PF_R | PF_W };
	eh.e_phnum = 3;
	ck_assert_int_eq(check_image(), 0);
	ck_assert_uint_eq(info.nr_load, 2);
}
END_TEST

START_TEST(accepts_segment_ending_exactly_at_task_size)
{
	ph[1].p_vaddr = TASK_SIZE - 0xf00;     /* 0xbffff100, same page offset */
	ph[1].p_memsz = 0xf00;
	ck_assert_int_eq(check_image(), 0);
	ck_assert_uint_eq(info.elf_brk, TASK_SIZE);
}
END_TEST

/* ---- the ELF header ---- */

START_TEST(rejects_image_shorter_than_header)
{
	len = sizeof(Elf32_Ehdr) - 1;
	expect_rejected("elf: image of 51 bytes is smaller than an ELF header (52 bytes)\n");
}
END_TEST

START_TEST(rejects_bad_magic)
{
	eh.e_ident[3] = 'G';
	expect_rejected("elf: bad magic 7f 45 4c 47, expected 7f 45 4c 46 (\"\\177ELF\")\n");
}
END_TEST

START_TEST(rejects_64_bit_class)
{
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	expect_rejected("elf: e_ident[EI_CLASS] 2 is not ELFCLASS32 (1)\n");
}
END_TEST

START_TEST(rejects_big_endian)
{
	eh.e_ident[EI_DATA] = ELFDATA2MSB;
	expect_rejected("elf: e_ident[EI_DATA] 2 is not ELFDATA2LSB (1)\n");
}
END_TEST

START_TEST(rejects_unknown_versions)
{
	eh.e_ident[EI_VERSION] = 0;
	expect_rejected("elf: version 0 (e_ident) / 1 (e_version) is not EV_CURRENT (1)\n");
	setup();
	eh.e_version = 2;
	expect_rejected("elf: version 1 (e_ident) / 2 (e_version) is not EV_CURRENT (1)\n");
}
END_TEST

START_TEST(rejects_et_dyn)
{
	eh.e_type = ET_DYN;
	expect_rejected("elf: e_type 3 is not ET_EXEC (2)\n");
}
END_TEST

START_TEST(rejects_wrong_machine)
{
	eh.e_machine = EM_X86_64;
	expect_rejected("elf: e_machine 62 is not EM_386 (3)\n");
}
END_TEST

/* ---- the program header table ---- */

START_TEST(rejects_wrong_phentsize)
{
	eh.e_phentsize = 40;
	expect_rejected("elf: e_phentsize 40 is not sizeof(Elf32_Phdr) (32)\n");
}
END_TEST

START_TEST(rejects_zero_and_too_many_phnum)
{
	eh.e_phnum = 0;
	expect_rejected("elf: e_phnum 0 is not within 1..2048\n");
	setup();
	eh.e_phnum = 2049;
	expect_rejected("elf: e_phnum 2049 is not within 1..2048\n");
}
END_TEST

START_TEST(rejects_phoff_past_the_end)
{
	eh.e_phoff = 0x1000;
	expect_rejected("elf: program header table at e_phoff 0x1000 (64 bytes) ends past the image (288 bytes)\n");
}
END_TEST

/* The table's last entry sticks out of the file by 16 bytes. */
START_TEST(rejects_table_partly_past_the_end)
{
	eh.e_phoff = IMAGE_LEN - 48;
	expect_rejected("elf: program header table at e_phoff 0xf0 (64 bytes) ends past the image (288 bytes)\n");
}
END_TEST

/* 0xffffffe0 + 2 * 32 wraps to 0x20: inside the image, to a careless sum. */
START_TEST(rejects_phoff_plus_table_overflowing)
{
	eh.e_phoff = 0xffffffe0;
	expect_rejected("elf: program header table at e_phoff 0xffffffe0 (64 bytes) ends past the image (288 bytes)\n");
}
END_TEST

/* ---- PT_LOAD segments ---- */

START_TEST(rejects_file_range_past_the_end)
{
	ph[1].p_filesz = 0x21;
	expect_rejected("elf: segment 1: p_offset 0x100 + p_filesz 0x21 ends past the image (288 bytes)\n");
}
END_TEST

/* 0x100 + 0xffffff80 wraps to 0x80. */
START_TEST(rejects_file_range_overflowing)
{
	ph[1].p_filesz = 0xffffff80;
	ph[1].p_memsz = 0xffffff80;
	expect_rejected("elf: segment 1: p_offset 0x100 + p_filesz 0xffffff80 ends past the image (288 bytes)\n");
	setup();
	ph[1].p_offset = 0xfffff100;
	expect_rejected("elf: segment 1: p_offset 0xfffff100 + p_filesz 0x20 ends past the image (288 bytes)\n");
}
END_TEST

START_TEST(rejects_filesz_larger_than_memsz)
{
	ph[1].p_memsz = 0x10;
	expect_rejected("elf: segment 1: p_filesz 0x20 is larger than p_memsz 0x10\n");
}
END_TEST

START_TEST(rejects_vaddr_below_0x08048000)
{
	ph[0].p_vaddr = 0x08047000;
	expect_rejected("elf: segment 0: p_vaddr 0x08047000 is below 0x08048000, where user space may start\n");
	setup();
	ph[0].p_vaddr = 0;              /* the NULL page itself */
	expect_rejected("elf: segment 0: p_vaddr 0x00000000 is below 0x08048000, where user space may start\n");
}
END_TEST

START_TEST(rejects_segment_past_task_size)
{
	ph[1].p_vaddr = TASK_SIZE - 0xf00;
	ph[1].p_memsz = 0x1000;
	expect_rejected("elf: segment 1: p_vaddr 0xbffff100 + p_memsz 0x1000 ends past TASK_SIZE 0xc0000000\n");
}
END_TEST

/* 0x08049100 + 0xfffff000 wraps to 0x08048100: below TASK_SIZE, to a careless sum. */
START_TEST(rejects_segment_wrapping_around_4g)
{
	ph[1].p_memsz = 0xfffff000;
	expect_rejected("elf: segment 1: p_vaddr 0x08049100 + p_memsz 0xfffff000 ends past TASK_SIZE 0xc0000000\n");
}
END_TEST

START_TEST(rejects_offset_and_vaddr_in_different_page_positions)
{
	ph[1].p_vaddr = DATA_VADDR + 4;
	expect_rejected("elf: segment 1: p_offset 0x100 and p_vaddr 0x08049104 differ modulo PAGE_SIZE\n");
}
END_TEST

/* ---- the entry point ---- */

START_TEST(rejects_entry_outside_every_segment)
{
	eh.e_entry = 0x08050000;
	expect_rejected("elf: e_entry 0x08050000 is not in an executable PT_LOAD segment\n");
}
END_TEST

/* The data segment is loaded but not executable. */
START_TEST(rejects_entry_in_data_segment)
{
	eh.e_entry = DATA_VADDR;
	expect_rejected("elf: e_entry 0x08049100 is not in an executable PT_LOAD segment\n");
}
END_TEST

START_TEST(rejects_image_without_pt_load)
{
	ph[0].p_type = PT_NULL;
	ph[1].p_type = PT_NULL;
	expect_rejected("elf: e_entry 0x08048074 is not in an executable PT_LOAD segment\n");
}
END_TEST

/* ---- random damage: never crash, never read past the end ---- */

static u64 rng = 0x9e3779b97f4a7c15ULL;

static u32 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u32)(rng >> 16);
}

/*
 * Spoil up to 4 random bytes of the headers (and sometimes the length).
 * Expect either a refusal with an "elf: " line, or an acceptance whose
 * numbers keep every promise: inside [ELF_EXEC_BASE, TASK_SIZE], entry in
 * the code.
 */
START_TEST(survives_random_corruption)
{
	const u32 headers = sizeof(Elf32_Ehdr) + 2 * sizeof(Elf32_Phdr);
	Elf32_Ehdr good_eh = eh;
	Elf32_Phdr good_ph[3];

	memcpy(good_ph, ph, sizeof(ph));
	for (u32 iter = 0; iter < 20000; iter++) {
		u8 bytes[sizeof(Elf32_Ehdr) + 2 * sizeof(Elf32_Phdr)];

		memcpy(bytes, &good_eh, sizeof(good_eh));
		memcpy(bytes + sizeof(good_eh), good_ph, 2 * sizeof(Elf32_Phdr));
		for (u32 k = 1 + rnd() % 4; k > 0; k--)
			bytes[rnd() % headers] = (u8)rnd();
		memcpy(&eh, bytes, sizeof(eh));
		memcpy(ph, bytes + sizeof(eh), 2 * sizeof(Elf32_Phdr));
		len = rnd() % 4 ? IMAGE_LEN : rnd() % (IMAGE_LEN + 1);
		host_log_reset();
		if (check_image() == 0) {
			ck_assert_uint_ge(info.start_code, ELF_EXEC_BASE);
			ck_assert_uint_le(info.elf_brk, TASK_SIZE);
			ck_assert(info.e_entry >= info.start_code && info.e_entry < info.end_code);
			ck_assert_str_eq(host_log(), "");
		} else {
			ck_assert(strncmp(host_log(), "elf: ", 5) == 0);
		}
	}
}
END_TEST

Suite *elf_suite(void)
{
	Suite *s = suite_create("elf");
	TCase *tc = tcase_create("check");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, accepts_minimal_static_executable);
	tcase_add_test(tc, accepts_image_at_odd_address);
	tcase_add_test(tc, ignores_segments_other_than_pt_load);
	tcase_add_test(tc, accepts_segment_ending_exactly_at_task_size);
	tcase_add_test(tc, rejects_image_shorter_than_header);
	tcase_add_test(tc, rejects_bad_magic);
	tcase_add_test(tc, rejects_64_bit_class);
	tcase_add_test(tc, rejects_big_endian);
	tcase_add_test(tc, rejects_unknown_versions);
	tcase_add_test(tc, rejects_et_dyn);
	tcase_add_test(tc, rejects_wrong_machine);
	tcase_add_test(tc, rejects_wrong_phentsize);
	tcase_add_test(tc, rejects_zero_and_too_many_phnum);
	tcase_add_test(tc, rejects_phoff_past_the_end);
	tcase_add_test(tc, rejects_table_partly_past_the_end);
	tcase_add_test(tc, rejects_phoff_plus_table_overflowing);
	tcase_add_test(tc, rejects_file_range_past_the_end);
	tcase_add_test(tc, rejects_file_range_overflowing);
	tcase_add_test(tc, rejects_filesz_larger_than_memsz);
	tcase_add_test(tc, rejects_vaddr_below_0x08048000);
	tcase_add_test(tc, rejects_segment_past_task_size);
	tcase_add_test(tc, rejects_segment_wrapping_around_4g);
	tcase_add_test(tc, rejects_offset_and_vaddr_in_different_page_positions);
	tcase_add_test(tc, rejects_entry_outside_every_segment);
	tcase_add_test(tc, rejects_entry_in_data_segment);
	tcase_add_test(tc, rejects_image_without_pt_load);
	tcase_add_test(tc, survives_random_corruption);
	suite_add_tcase(s, tc);
	return s;
}
