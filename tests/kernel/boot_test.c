/*
 * tests/kernel/boot_test.c - the boot issue's claims: the split (S1), the
 * direct map's arithmetic (P1), where the image lives (P2), the boot page
 * directory (P3), the legacy hole (P6), the 8 KB stack (U3), and a fault
 * recovered through the exception table.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/memblock.h>
#include <linux/multiboot2.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/fault.h>
#include <asm/irq.h>
#include <asm/mm.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/timer.h>
#include <asm/uaccess.h>
#include <trace/events/boot.h>
#include "selftest.h"

extern char init_thread_union[];
extern pte_t pg0[];
void start_kernel(u32 magic, phys_addr_t mb2_phys);

/*
 * The 3G/1G split: 768 page-directory entries for user space, 256 for the
 * kernel.  Expect PAGE_OFFSET = TASK_SIZE = 0xC0000000, the kernel's code
 * and data above it, and nothing at all mapped below it in the kernel's
 * own directory once boot is done (a user address faults).
 */
static const char *test_split(void)
{
	u32 v;

	KTEST_EXPECT_EQ(PAGE_OFFSET, 0xC0000000);
	KTEST_EXPECT_EQ(TASK_SIZE, PAGE_OFFSET);
	KTEST_EXPECT_EQ(USER_PTRS_PER_PGD, 768);
	KTEST_EXPECT_EQ(KERNEL_PGD_PTRS, 256);
	KTEST_EXPECT((unsigned long)start_kernel >= PAGE_OFFSET);
	KTEST_EXPECT((unsigned long)&boot_mb2 >= PAGE_OFFSET);
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		if (!pgd_none(swapper_pg_dir[i]))
			return ktest_fail("user pgd entry %lu is 0x%08x", i,
					  pgd_val(swapper_pg_dir[i]));
	KTEST_EXPECT_EQ(probe_kernel_read(&v, (void *)(TASK_SIZE - 4), 4), -EFAULT);
	KTEST_EXPECT_EQ(last_kernel_fault.address, TASK_SIZE - 4);
	return NULL;
}

/*
 * start_kernel()'s first line names the split, computed from PAGE_OFFSET
 * when it runs.  Expect "(3G/1G split, PAGE_OFFSET 0xc0000000)" in the log.
 */
static const char *test_banner_names_split(void)
{
	KTEST_EXPECT_EQ(PAGE_OFFSET >> 30, 3);
	KTEST_EXPECT(log_contains_since(0, "i386 teaching kernel: "));
	KTEST_EXPECT(log_contains_since(0, "(3G/1G split, PAGE_OFFSET 0xc0000000)\n"));
	return NULL;
}

/*
 * On the direct map virtual = physical + PAGE_OFFSET.  Expect __pa/__va to
 * round-trip, and the hardware page tables to agree with __pa for kernel
 * code, data, bss and the stack.
 */
static const char *test_pa_va_round_trip(void)
{
	static int some_data = 42;
	int on_stack;
	const unsigned long addrs[] = {
		(unsigned long)start_kernel, (unsigned long)&some_data,
		(unsigned long)&boot_mb2, (unsigned long)&on_stack,
		PAGE_OFFSET, (unsigned long)high_memory - 1,
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(addrs); i++) {
		unsigned long x = addrs[i];

		KTEST_EXPECT_EQ(__pa(x), x - PAGE_OFFSET);
		KTEST_EXPECT_EQ((unsigned long)__va(__pa(x)), x);
		KTEST_EXPECT_EQ(slow_virt_to_phys(x), x - PAGE_OFFSET);
	}
	KTEST_EXPECT_EQ(*(int *)__va(__pa(&some_data)), 42);
	return NULL;
}

/*
 * Expect the image linked at 0xC0100000 (_text) and loaded at physical
 * 0x100000: the page tables map _text there, and the Multiboot2 header's
 * magic sits at the start of that physical memory.
 */
static const char *test_load_and_link_address(void)
{
	KTEST_EXPECT_EQ((unsigned long)_text, 0xC0100000);
	KTEST_EXPECT_EQ(__pa_symbol(_text), 0x00100000);
	KTEST_EXPECT_EQ(slow_virt_to_phys((unsigned long)_text), 0x00100000);
	KTEST_EXPECT_EQ(*(u32 *)__va(0x00100000), MULTIBOOT2_HEADER_MAGIC);
	KTEST_EXPECT((unsigned long)_etext <= (unsigned long)_sdata);
	KTEST_EXPECT((unsigned long)_end - (unsigned long)_text < EARLY_MAP_SIZE);
	return NULL;
}

/* head.asm's page directory, as the zap_low_mappings tracepoint showed it
 * (trace/events/boot.h) just before the identity half went. */
static pgd_t boot_pgd_snapshot[PTRS_PER_PGD];

void probe_zap_low_mappings(const pgd_t *pgd)
{
	memcpy(boot_pgd_snapshot, pgd, sizeof(boot_pgd_snapshot));
}

/*
 * head.asm's directory (copied by probe_zap_low_mappings()):
 *   [0], [1]      -> pg0, pg1: identity 0-8 MB
 *   [768], [769]  -> the same two tables: 0xC0000000-0xC07FFFFF
 *   all others    0
 * Expect exactly that, PTE i of pg0 mapping page i, and afterwards entries
 * 0-767 all empty while 768 and 769 are unchanged.
 */
static const char *test_boot_pgd(void)
{
	unsigned long k = pgd_index(PAGE_OFFSET);

	for (unsigned long i = 0; i < PTRS_PER_PGD; i++) {
		bool mapped = i < 2 || i == k || i == k + 1;

		if (mapped != !pgd_none(boot_pgd_snapshot[i]))
			return ktest_fail("boot pgd entry %lu is 0x%08x", i,
					  pgd_val(boot_pgd_snapshot[i]));
	}
	KTEST_EXPECT_EQ(pgd_val(boot_pgd_snapshot[0]), pgd_val(boot_pgd_snapshot[k]));
	KTEST_EXPECT_EQ(pgd_val(boot_pgd_snapshot[1]), pgd_val(boot_pgd_snapshot[k + 1]));
	KTEST_EXPECT_EQ(pgd_val(boot_pgd_snapshot[0]) & PAGE_MASK, __pa_symbol(pg0));
	for (unsigned long i = 0; i < 2 * PTRS_PER_PTE; i += 97)
		KTEST_EXPECT_EQ(pte_phys(pg0[i]), i * PAGE_SIZE);
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		KTEST_EXPECT(pgd_none(swapper_pg_dir[i]));
	/* paging_init() may have put 4 MB pages there since: same memory, though. */
	for (unsigned long off = 0; off < EARLY_MAP_SIZE; off += 0x1000 * 61)
		KTEST_EXPECT_EQ(slow_virt_to_phys(PAGE_OFFSET + off), off);
	return NULL;
}

/*
 * Physical 640 KB - 1 MB is VGA memory and BIOS ROM, and the top of the
 * 4 GB physical space is the BIOS flash and device registers.  Expect no
 * usable RAM there, in e820 or in memblock, while RAM is usable just below
 * 640 KB and just above 1 MB.
 */
static const char *test_legacy_hole(void)
{
	KTEST_EXPECT(!e820_any_mapped(&e820, ISA_START_ADDRESS, ISA_END_ADDRESS, E820_RAM));
	KTEST_EXPECT(!e820_any_mapped(&e820, 0xFEC00000ull, 1ull << 32, E820_RAM));
	KTEST_EXPECT(e820_any_mapped(&e820, 0xFFFC0000ull, 1ull << 32, E820_RESERVED));
	KTEST_EXPECT(e820_all_mapped(&e820, 0x1000, 0x9f000, E820_RAM));
	KTEST_EXPECT(e820_all_mapped(&e820, ISA_END_ADDRESS, 2 * ISA_END_ADDRESS, E820_RAM));
	for (u64 a = ISA_START_ADDRESS; a < ISA_END_ADDRESS; a += PAGE_SIZE)
		if (memblock_is_memory(a))
			return ktest_fail("memblock calls 0x%llx RAM", a);
	KTEST_EXPECT(memblock_is_memory(ISA_END_ADDRESS));
	return NULL;
}

/*
 * Expect the kernel image, the Multiboot2 information and page 0 reserved
 * in memblock, so no allocator can hand them out, and RAM at 4 MB, past
 * them and below what memblock_alloc() hands out top-down, not reserved.
 */
static const char *test_boot_ranges_reserved(void)
{
	KTEST_EXPECT(memblock_is_reserved(0));
	KTEST_EXPECT(memblock_is_reserved(__pa_symbol(_text)));
	KTEST_EXPECT(memblock_is_reserved(__pa_symbol(_end) - 1));
	KTEST_EXPECT(memblock_is_reserved(boot_mb2_phys));
	KTEST_EXPECT(memblock_is_reserved(boot_mb2_phys + boot_mb2.total_size - 1));
	KTEST_EXPECT(!memblock_is_reserved(4u << 20));
	return NULL;
}

/* Expect the sanitised map printed in Linux's exact words. */
static const char *test_e820_printed_like_linux(void)
{
	unsigned long since = 0;     /* the whole log: setup_arch printed it */

	KTEST_EXPECT(log_contains_since(since, "BIOS-provided physical RAM map:\n"));
	KTEST_EXPECT(log_contains_since(since,
		"BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"));
	KTEST_EXPECT(log_contains_since(since,
		"BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"));
	KTEST_EXPECT(log_contains_since(since, "Command line: "));
	KTEST_EXPECT(strstr(boot_command_line, "selftest"));
	return NULL;
}

/*
 * This build has no PAE: it can address 4 GB of physical memory at most.
 * With -m 4G QEMU reports 1 GB of RAM at 0x100000000.  Expect no usable
 * RAM at or above 4 GB left in e820 or memblock, and, whenever the firmware
 * listed some, the warning that says it was ignored.
 */
static const char *test_ram_above_4g_ignored(void)
{
	u64 high_ram = 0;

	for (u32 i = 0; i < e820_firmware.nr_map; i++) {
		const struct e820entry *e = &e820_firmware.map[i];

		if (e->type == E820_RAM && e->addr + e->size > (1ull << 32))
			high_ram += e->addr + e->size - max(e->addr, 1ull << 32);
	}
	KTEST_EXPECT_EQ(ram_above_4g_ignored, high_ram);
	KTEST_EXPECT(!e820_any_mapped(&e820, 1ull << 32, ~0ull, E820_RAM));
	KTEST_EXPECT(!memblock_is_memory(1ull << 32));
	KTEST_EXPECT_EQ(log_contains_since(0, "above 4 GB ignored: only 4GB will be used. "
					      "Use a PAE enabled kernel.\n"), high_ram != 0);
	return NULL;
}

/*
 * Every kernel stack is THREAD_SIZE (8 KB), aligned to 8 KB, with struct
 * thread_info at its base, so `current` = (esp & ~(8K - 1))->task (U3).
 * The self-tests run in pid 1, a kernel thread with a stack of its own;
 * the boot stack, init_thread_union, is the idle task's (pid 0).  Expect
 * this test's stack to be current's, the TSS's esp0 at its top, and the
 * idle task on init_thread_union.
 */
static const char *test_boot_stack(void)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	unsigned long base = (unsigned long)current->thread_info;

	KTEST_EXPECT_EQ(THREAD_SIZE, 8192);
	KTEST_EXPECT_EQ(base % THREAD_SIZE, 0);
	KTEST_EXPECT_EQ(sp & ~(unsigned long)(THREAD_SIZE - 1), base);
	KTEST_EXPECT_EQ((unsigned long)current_thread_info(), base);
	KTEST_EXPECT_EQ(current_thread_info()->task->pid, 1);
	KTEST_EXPECT_EQ(init_tss[0].esp0, base + THREAD_SIZE);
	KTEST_EXPECT_EQ((unsigned long)init_task.thread_info, (unsigned long)init_thread_union);
	KTEST_EXPECT(init_task.thread_info->task == &init_task);
	return NULL;
}

/*
 * probe_kernel_read() of a NULL pointer and probe_kernel_write() past the
 * direct map both fault; the handler finds __copy_user_ll's rep movsb in the
 * exception table and resumes at its fixup.  Expect -EFAULT, the fault
 * recorded with the right CR2 and error code, and the kernel carrying on.
 */
static const char *test_fault_fixed_up(void)
{
	unsigned long before = last_kernel_fault.count;
	/* In the gap after the direct map (a 4 MB page may end past high_memory). */
	unsigned long beyond = ALIGN((unsigned long)high_memory, PMD_SIZE) + 0x123;
	unsigned long size, offset;
	u32 v = 0x12345678;

	KTEST_EXPECT_EQ(probe_kernel_read(&v, NULL, sizeof(v)), -EFAULT);
	KTEST_EXPECT_EQ(v, 0x12345678);
	KTEST_EXPECT_EQ(last_kernel_fault.count, before + 1);
	KTEST_EXPECT_EQ(last_kernel_fault.address, 0);
	KTEST_EXPECT_EQ(last_kernel_fault.error_code, 0);   /* read, not present, kernel */
	KTEST_EXPECT(last_kernel_fault.fixed_up);
	KTEST_EXPECT(search_exception_tables(last_kernel_fault.eip));
	KTEST_EXPECT(kallsyms_lookup(last_kernel_fault.eip, &size, &offset));

	KTEST_EXPECT_EQ(probe_kernel_write((void *)beyond, &v, sizeof(v)), -EFAULT);
	KTEST_EXPECT_EQ(last_kernel_fault.address, beyond);
	KTEST_EXPECT_EQ(last_kernel_fault.error_code, X86_PF_WRITE);
	KTEST_EXPECT_EQ(probe_kernel_read(&v, &boot_mb2.total_size, sizeof(v)), 0);
	KTEST_EXPECT_EQ(v, boot_mb2.total_size);
	return NULL;
}

/* Expect the two "#PF:" lines of an oops to decode each error-code bit. */
static const char *test_fault_error_code_decoded(void)
{
	static const struct { u32 code; bool user; const char *access, *error; } cases[] = {
		{ 0x0, false, "supervisor read access in kernel mode", "error_code(0x0000) - not-present page" },
		{ 0x2, false, "supervisor write access in kernel mode", "error_code(0x0002) - not-present page" },
		{ 0x7, true,  "user write access in user mode", "error_code(0x0007) - permissions violation" },
		{ 0x15, true, "user instruction fetch in user mode", "error_code(0x0015) - permissions violation" },
		{ 0x9, false, "supervisor read access in kernel mode", "error_code(0x0009) - reserved bit violation" },
	};
	char buf[80];

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		pf_describe_access(cases[i].code, cases[i].user, buf, sizeof(buf));
		if (strcmp(buf, cases[i].access))
			return ktest_fail("0x%x: \"%s\"", cases[i].code, buf);
		pf_describe_error(cases[i].code, buf, sizeof(buf));
		if (strcmp(buf, cases[i].error))
			return ktest_fail("0x%x: \"%s\"", cases[i].code, buf);
	}
	return NULL;
}

/* Expect the exception table sorted by instruction address, and found by bisection. */
static const char *test_extable_sorted(void)
{
	extern struct exception_table_entry __start___ex_table[], __stop___ex_table[];
	const struct exception_table_entry *e;

	KTEST_EXPECT(&__stop___ex_table[0] > &__start___ex_table[0]);
	for (e = __start___ex_table + 1; e < __stop___ex_table; e++)
		KTEST_EXPECT(e[-1].insn <= e->insn);
	for (e = __start___ex_table; e < __stop___ex_table; e++)
		KTEST_EXPECT(search_exception_tables(e->insn) == e);
	KTEST_EXPECT(!search_exception_tables((unsigned long)start_kernel));
	return NULL;
}

/* Expect our GDT's selectors loaded: Linux 2.6's 0x60 code, 0x68 data, 0x80 TSS. */
static const char *test_segments_loaded(void)
{
	u16 cs, ds, ss, tr;

	asm volatile("mov %%cs, %0; mov %%ds, %1; mov %%ss, %2; str %3"
		     : "=r"(cs), "=r"(ds), "=r"(ss), "=r"(tr));
	KTEST_EXPECT_EQ(cs, 0x60);
	KTEST_EXPECT_EQ(ds, 0x68);
	KTEST_EXPECT_EQ(ss, 0x68);
	KTEST_EXPECT_EQ(tr, 0x80);
	KTEST_EXPECT_EQ(__USER_CS, 0x73);
	KTEST_EXPECT_EQ(__USER_DS, 0x7b);
	return NULL;
}

/* Expect the PIT's IRQ 0 to arrive on vector 0x20 and advance jiffies. */
static const char *test_timer_ticks(void)
{
	unsigned long start = jiffies, irqs = irq_count[0];

	for (int i = 0; i < 100 && jiffies < start + 2; i++)
		halt();                   /* sleeps until the next interrupt */
	KTEST_EXPECT(jiffies >= start + 2);
	KTEST_EXPECT(irq_count[0] >= irqs + 2);
	KTEST_EXPECT(tsc_khz > 0);
	return NULL;
}

/* Expect kallsyms to name the function around an address, with offset and size. */
static const char *test_kallsyms(void)
{
	unsigned long size, offset, addr = (unsigned long)start_kernel + 5;
	const char *name = kallsyms_lookup(addr, &size, &offset);
	char buf[64];

	KTEST_EXPECT(name && !strcmp(name, "start_kernel"));
	KTEST_EXPECT_EQ(offset, 5);
	KTEST_EXPECT(size > 5);
	KTEST_EXPECT_EQ(kallsyms_lookup_name("start_kernel"), (unsigned long)start_kernel);
	sprint_symbol(buf, sizeof(buf), addr);
	KTEST_EXPECT(!strncmp(buf, "start_kernel+0x5/0x", 19));
	KTEST_EXPECT(!kallsyms_lookup(0x1000, &size, &offset));
	return NULL;
}

static const struct selftest boot_tests[] = {
	{ "split_is_3g_user_1g_kernel", "seeds: S1", test_split },
	{ "banner_names_split_from_page_offset", "seeds: S1", test_banner_names_split },
	{ "pa_va_round_trip_on_direct_map", "seeds: P1", test_pa_va_round_trip },
	{ "kernel_loaded_at_1m_linked_at_3g_plus_1m", "seeds: P2", test_load_and_link_address },
	{ "boot_pgd_maps_8mb_twice_then_drops_identity", "seeds: P3", test_boot_pgd },
	{ "legacy_hole_and_top_of_4g_are_not_ram", "seeds: P6", test_legacy_hole },
	{ "kernel_image_and_multiboot2_info_reserved", NULL, test_boot_ranges_reserved },
	{ "e820_map_printed_in_linux_format", NULL, test_e820_printed_like_linux },
	{ "ram_above_4g_ignored_without_pae", NULL, test_ram_above_4g_ignored },
	{ "boot_stack_is_8k_aligned_thread_block", "seeds: U3", test_boot_stack },
	{ "kernel_fault_recovered_through_exception_table", NULL, test_fault_fixed_up },
	{ "page_fault_error_code_decoded", NULL, test_fault_error_code_decoded },
	{ "exception_table_sorted_and_searchable", NULL, test_extable_sorted },
	{ "gdt_selectors_are_linux_2_6s", NULL, test_segments_loaded },
	{ "timer_irq_advances_jiffies", NULL, test_timer_ticks },
	{ "kallsyms_names_functions", NULL, test_kallsyms },
};

const struct selftest_suite boot_suite = {
	"boot", boot_tests, ARRAY_SIZE(boot_tests),
};
