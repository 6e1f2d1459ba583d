/*
 * arch/i386/kernel/setup.c - from what GRUB hands over to a map of RAM.
 *
 *   Multiboot2 info --multiboot2_parse()--> command line, memory map tag
 *   memory map tag  --e820_from_multiboot2(), sanitize_e820_map()--> e820
 *   e820            --"BIOS-e820:" lines, 4 GB clip, mem= limit-->  e820
 *   e820 RAM        --memblock_add()-->     memblock.memory
 *   kernel image, Multiboot2 info, modules, page 0
 *                   --memblock_reserve()--> memblock.reserved
 *   modules         --elf_check()-->        one "Module N:" line each
 *
 * GRUB puts the information structure wherever it likes, often right after
 * the image, sometimes in a gap between its segments (TOOLCHAIN.md, 3), so
 * it is reserved by its own address and size, not assumed to be inside
 * [_text, _end).  It must lie in the 8 MB that the boot page tables map.
 *
 * Mirrors: arch/i386/kernel/setup.c setup_arch(), parse_cmdline_early()
 * (2.6.11), and setup_memory_region() of 2.4 and earlier 2.6 kernels
 * (2.6.11 does that step inline in setup_arch()).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/elf.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <trace/events/boot.h>

char boot_command_line[COMMAND_LINE_SIZE];
static char command_line[COMMAND_LINE_SIZE];     /* split into words by parse_args() */
struct mb2_info boot_mb2;
phys_addr_t boot_mb2_phys;
u64 mem_limit;
struct e820map e820_firmware;
u64 ram_above_4g_ignored;

/* RAM at or above this cannot be mapped by a kernel without PAE. */
#define MAX_NONPAE_PHYS  (1ull << 32)

/*
 * mem= limits usable RAM: mem=512M.  The value must be a whole size
 * ("512M", "0x20000000"), and at least MEM_LIMIT_MIN.  RAM must hold the
 * image (loaded at 1 MB), the modules GRUB puts after it, the page
 * tables and mem_map: mem=1M leaves no lowmem for the image at all (the
 * first __pa() BUGs), and with a 1.2 MB image mem=1500K is still too
 * little; 4 MB leaves room for the image to grow.  A refused value is
 * reported and changes nothing: mem_limit is written only once the value
 * is accepted.
 */
#define MEM_LIMIT_MIN  (4u << 20)

static int parse_mem(const char *val)
{
	const char *end;
	u64 limit;

	if (!val || !*val)
		return -EINVAL;
	limit = memparse(val, &end);
	if (*end)
		return -EINVAL;
	if (limit < MEM_LIMIT_MIN) {
		printk("mem=%s: too small to boot, the minimum is mem=%uM\n",
		       val, MEM_LIMIT_MIN >> 20);
		return -EINVAL;
	}
	mem_limit = limit;
	return 0;
}
__setup("mem", parse_mem);

/*
 * slab_debug: red zones and poison in the general caches (mm/slab_debug.c).
 * A bare switch: "slab_debug=x" is refused and leaves it off.
 */
static int slab_debug_setup(const char *val)
{
	if (val)
		return -EINVAL;
	slab_debug = true;
	return 0;
}
__setup("slab_debug", slab_debug_setup);

static void __init __parse_multiboot2(phys_addr_t mb2_phys)
{
	u32 limit;

	if (mb2_phys & 7 || mb2_phys + 16 > EARLY_MAP_SIZE)
		panic("setup_arch: Multiboot2 information at 0x%08x is misaligned "
		      "or beyond the %u MB early map", mb2_phys, EARLY_MAP_SIZE >> 20);
	limit = EARLY_MAP_SIZE - mb2_phys;
	if (multiboot2_parse(__va(mb2_phys), limit, &boot_mb2) < 0)
		panic("setup_arch: the Multiboot2 information is malformed");
	boot_mb2_phys = mb2_phys;
	if (boot_mb2.loader_name)
		printk("Boot loader: %s\n", boot_mb2.loader_name);
}

static void __init __setup_memory_region(void)
{
	u64 removed;

	if (e820_from_multiboot2(&boot_mb2, &e820) < 0)
		panic("setup_arch: the boot loader gave neither a memory map "
		      "nor basic memory information");
	sanitize_e820_map(&e820);
	printk("BIOS-provided physical RAM map:\n");
	e820_print_map(&e820, "BIOS-e820");
	e820_firmware = e820;

	removed = e820_remove_ram_above(&e820, MAX_NONPAE_PHYS);
	if (removed)
		printk("Warning: %llu MB of RAM above 4 GB ignored: only 4GB will "
		       "be used. Use a PAE enabled kernel.\n", removed >> 20);
	ram_above_4g_ignored = removed;
	if (mem_limit) {
		e820_remove_ram_above(&e820, mem_limit);
		printk("user-defined physical RAM map:\n");
		e820_print_map(&e820, "user");
	}
}

static void __init __reserve_boot_ranges(void)
{
	for (u32 i = 0; i < e820.nr_map; i++)
		if (e820.map[i].type == E820_RAM)
			memblock_add(e820.map[i].addr, e820.map[i].size);

	/* Page 0: the real-mode interrupt vectors and BIOS data (Linux too). */
	memblock_reserve(0, PAGE_SIZE);
	memblock_reserve(__pa_symbol(_text), _end - _text);
	memblock_reserve(boot_mb2_phys, boot_mb2.total_size);
	for (u32 i = 0; i < boot_mb2.nr_modules; i++) {
		const struct mb2_module *m = &boot_mb2.modules[i];

		memblock_reserve(m->mod_start, m->mod_end - m->mod_start);
	}
}

/*
 * One line per Multiboot2 module: where GRUB put it and what it is.  The
 * modules are the user programs (the Makefile's module2 lines), so each
 * goes through elf_check(); a bad one is reported here and refused later,
 * by exec.  Like 2.6's initrd check in setup_arch(), a module must lie in
 * memory the kernel can already read: here, the early map.
 */
static void __init __check_boot_modules(void)
{
	struct elf_info info;

	for (u32 i = 0; i < boot_mb2.nr_modules; i++) {
		const struct mb2_module *m = &boot_mb2.modules[i];
		u32 size = m->mod_end - m->mod_start;

		printk("Module %u: %s at 0x%08x-0x%08x (%u bytes): ", i,
		       m->cmdline[0] ? m->cmdline : "(no name)", m->mod_start,
		       m->mod_end, size);
		if (m->mod_end > EARLY_MAP_SIZE)
			printk("beyond the %u MB early map, not checked\n",
			       EARLY_MAP_SIZE >> 20);
		else if (elf_check(__va(m->mod_start), size, &info) == 0)
			printk("ELF32 i386 executable, entry 0x%08x, %u PT_LOAD segments\n",
			       info.e_entry, info.nr_load);
	}
}

/*
 * Copy GRUB's command line to boot_command_line, whole words only: a line
 * longer than COMMAND_LINE_SIZE - 1 loses the word the limit cuts through
 * and everything after it, and the console says so.
 */
static void __init __copy_boot_command_line(const char *cmdline)
{
	size_t len = strlen(cmdline);
	size_t dropped = copy_command_line(boot_command_line, cmdline,
					   sizeof(boot_command_line));
	const char *cut = cmdline + len - dropped;

	if (!dropped)
		return;
	while (*cut == ' ' || *cut == '\t')
		cut++;
	printk("Command line is %u characters, over the limit of %u: the last "
	       "%u, from \"%.32s\", are dropped, not parsed\n", (unsigned int)len,
	       COMMAND_LINE_SIZE - 1, (unsigned int)dropped, cut);
}

/* printk() formats into a 512-byte line: a long command line goes in pieces. */
static void __init print_command_line(void)
{
	size_t len = strlen(boot_command_line);

	printk("Command line: ");
	for (size_t i = 0; i < len; i += 256)
		printk("%.256s", boot_command_line + i);
	printk("\n");
}

void __init setup_arch(phys_addr_t mb2_phys)
{
	__parse_multiboot2(mb2_phys);
	if (boot_mb2.cmdline)
		__copy_boot_command_line(boot_mb2.cmdline);
	print_command_line();
	/* parse_args() splits command_line in place, and handlers may keep
	 * pointers into it: it must outlive them (Linux: static too). */
	strlcpy(command_line, boot_command_line, sizeof(command_line));
	parse_args("Booting kernel", command_line, __setup_start, __setup_end - __setup_start);
	__setup_memory_region();
	__reserve_boot_ranges();
	__check_boot_modules();
	memblock_dump_all();
	trace_boot_phase_finish(BOOT_PHASE_SETUP_ARCH, 0);   /* the memory map is ready */
}
