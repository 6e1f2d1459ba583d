/*
 * tests/kernel/elf_test.c - the user programs GRUB loaded as Multiboot2
 * modules: where they are, that elf_check() accepts them, and that their
 * layout is the one claim U1 describes.
 */
#include <linux/kernel.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>
#include "selftest.h"

/* The module whose command line is @name (the Makefile's module2 lines), or NULL. */
static const struct mb2_module *find_module(const char *name)
{
	for (u32 i = 0; i < boot_mb2.nr_modules; i++)
		if (!strcmp(boot_mb2.modules[i].cmdline, name))
			return &boot_mb2.modules[i];
	return NULL;
}

static u32 module_size(const struct mb2_module *m)
{
	return m->mod_end - m->mod_start;
}

/*
 * build/user/init as linked by boot/user/user.ld:
 *
 *   0x08048000  headers, .text, .rodata   PT_LOAD R X   e_entry in here
 *   next page   .data, .bss               PT_LOAD R W   then the heap (elf_brk)
 *
 * Expect elf_check() to accept it, the lowest segment at exactly
 * 0x08048000 with nothing below, the PT_LOAD segments in ascending,
 * non-overlapping order, the entry point in the text, and the writable
 * data and bss above the text, ending at elf_brk.
 */
static const char *test_init_layout(void)
{
	const struct mb2_module *m = find_module("init");
	struct elf_info info;
	const u8 *image;
	Elf32_Ehdr eh;
	Elf32_Phdr ph;
	u32 prev_end = 0;

	if (!m)
		return ktest_fail("no module named init among %u", boot_mb2.nr_modules);
	image = __va(m->mod_start);
	KTEST_EXPECT_EQ(elf_check(image, module_size(m), &info), 0);
	KTEST_EXPECT_EQ(info.start_code, 0x08048000);
	KTEST_EXPECT(info.e_entry >= info.start_code && info.e_entry < info.end_code);
	KTEST_EXPECT(info.start_data >= info.end_code);
	KTEST_EXPECT(info.end_data >= info.start_data);
	KTEST_EXPECT(info.elf_brk >= info.end_data && info.elf_brk <= TASK_SIZE);

	memcpy(&eh, image, sizeof(eh));
	for (u32 i = 0; i < eh.e_phnum; i++) {
		memcpy(&ph, image + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_vaddr < ELF_EXEC_BASE || ph.p_vaddr < prev_end)
			return ktest_fail("segment %u at 0x%08x, below 0x%08x", i,
					  ph.p_vaddr, max(prev_end, ELF_EXEC_BASE));
		if (ph.p_flags & PF_X)
			KTEST_EXPECT(!(ph.p_flags & PF_W));
		else
			KTEST_EXPECT(ph.p_vaddr >= info.end_code);
		prev_end = ph.p_vaddr + ph.p_memsz;
	}
	KTEST_EXPECT_EQ(prev_end, info.elf_brk);
	return NULL;
}

/*
 * Expect every module reserved in memblock, so no allocator hands its
 * pages out, and listed at boot with what elf_check() found.
 */
static const char *test_modules_reserved_and_listed(void)
{
	char line[64];

	KTEST_EXPECT(find_module("init"));
	for (u32 i = 0; i < boot_mb2.nr_modules; i++) {
		const struct mb2_module *m = &boot_mb2.modules[i];

		if (module_size(m) == 0)
			continue;
		KTEST_EXPECT(memblock_is_reserved(m->mod_start));
		KTEST_EXPECT(memblock_is_reserved(m->mod_end - 1));
		snprintf(line, sizeof(line), "Module %u: %s at 0x%08x-0x%08x", i,
			 m->cmdline[0] ? m->cmdline : "(no name)", m->mod_start, m->mod_end);
		if (!log_contains_since(0, line))
			return ktest_fail("no \"%s\" line in the log", line);
	}
	KTEST_EXPECT(log_contains_since(0, ": ELF32 i386 executable, entry 0x0804"));
	return NULL;
}

/*
 * A copy of init with one field spoiled at a time.  Expect -ENOEXEC and
 * the line naming the field, printed by the kernel's own vsnprintf (the
 * host tests check the same lines through the C library's).
 */
static const char *test_corrupt_copy_rejected(void)
{
	const struct mb2_module *m = find_module("init");
	struct elf_info info;
	unsigned long since;
	const char *err = NULL;
	Elf32_Ehdr *eh;
	Elf32_Phdr *ph;
	u8 *copy;

	KTEST_EXPECT(m);
	copy = kmalloc(module_size(m), GFP_KERNEL);
	KTEST_EXPECT(copy);
	memcpy(copy, __va(m->mod_start), module_size(m));
	eh = (Elf32_Ehdr *)copy;
	ph = (Elf32_Phdr *)(copy + eh->e_phoff);

	since = log_position();
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	if (elf_check(copy, module_size(m), &info) != -ENOEXEC ||
	    !log_contains_since(since, "elf: e_ident[EI_CLASS] 2 is not ELFCLASS32 (1)\n"))
		err = "a 64-bit class was not refused with its message";
	eh->e_ident[EI_CLASS] = ELFCLASS32;

	since = log_position();
	ph[0].p_vaddr = 0x1000;         /* the NULL-catching pages */
	if (!err && (elf_check(copy, module_size(m), &info) != -ENOEXEC ||
		     !log_contains_since(since, "elf: segment 0: p_vaddr 0x00001000 is below "
					 "0x08048000, where user space may start\n")))
		err = "a segment at 0x1000 was not refused with its message";
	if (!err && info.nr_load != 0)
		err = "a refused image left elf_info filled in";
	kfree(copy);
	return err;
}

static const struct selftest elf_tests[] = {
	{ "init_is_elf32_exec_with_text_at_0x08048000", "seeds: U1", test_init_layout },
	{ "modules_reserved_and_listed_at_boot", NULL, test_modules_reserved_and_listed },
	{ "elf_check_refuses_spoiled_copy_of_init", NULL, test_corrupt_copy_rejected },
};

const struct selftest_suite elf_suite = {
	"elf", elf_tests, ARRAY_SIZE(elf_tests),
};
