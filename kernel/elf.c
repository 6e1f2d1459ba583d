/*
 * kernel/elf.c - is this ELF file a program this kernel can run?
 *
 * User programs reach the kernel as Multiboot2 modules: whole ELF files
 * that GRUB copied into memory and that nothing has checked.  elf_check()
 * reads the ELF header and the program header table (drawn in
 * include/linux/elf.h) and accepts only a 32-bit little-endian i386
 * ET_EXEC whose PT_LOAD segments all lie inside the file and inside user
 * space, from ELF_EXEC_BASE up to TASK_SIZE:
 *
 *   0xc0000000 TASK_SIZE  +------------------+
 *                         | (stack, later)   |
 *                         |  ...             |
 *                         | data, bss: RW    |  p_vaddr + p_memsz <= TASK_SIZE
 *                         | text: R X        |  e_entry in here
 *   0x08048000            +------------------+  lowest p_vaddr >= ELF_EXEC_BASE
 *                         | never mapped     |  NULL pointers fault (U1)
 *   0x00000000            +------------------+
 *
 * Every refusal is one line "elf: ..." naming the field and its value.
 * Sums are checked without overflow: a + b > limit is written
 * a > limit || b > limit - a.
 *
 * Mirrors: fs/binfmt_elf.c load_elf_binary() (2.6): the checks it makes
 * before mapping anything (magic, e_type, elf_check_arch(), e_phentsize,
 * e_phnum, then per segment p_filesz <= p_memsz and the TASK_SIZE bound)
 * and its computation of start_code, end_code, start_data, end_data and
 * elf_brk.  Stricter than Linux: it also checks the class, byte order and
 * version, that each segment's file bytes are in the file (Linux finds out
 * when it reads them), that p_offset and p_vaddr agree within a page
 * (Linux's mmap would fail with -EINVAL), that nothing is below
 * ELF_EXEC_BASE, and that e_entry is in an executable segment (Linux
 * would start the process and let it fault).
 * Omitted: ET_DYN (PIE), PT_INTERP (dynamic linking), PT_GNU_STACK,
 * reading the file through the page cache: the image is already in memory.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/elf.h>
#include <memlayout.h>

/* load_elf_binary()'s bound: the table must fit in 64 KB, so 2048 entries. */
#define ELF_MAX_PHNUM  (65536u / (u32)sizeof(Elf32_Phdr))

/* The fields that say what kind of file this is, one message each. */
static int elf_check_ehdr(const Elf32_Ehdr *eh)
{
	const unsigned char *id = eh->e_ident;

	if (memcmp(id, ELFMAG, SELFMAG)) {
		printk("elf: bad magic %02x %02x %02x %02x, expected 7f 45 4c 46 (\"\\177ELF\")\n",
		       id[0], id[1], id[2], id[3]);
		return -ENOEXEC;
	}
	if (id[EI_CLASS] != ELFCLASS32) {
		printk("elf: e_ident[EI_CLASS] %u is not ELFCLASS32 (%u)\n",
		       id[EI_CLASS], ELFCLASS32);
		return -ENOEXEC;
	}
	if (id[EI_DATA] != ELFDATA2LSB) {
		printk("elf: e_ident[EI_DATA] %u is not ELFDATA2LSB (%u)\n",
		       id[EI_DATA], ELFDATA2LSB);
		return -ENOEXEC;
	}
	if (id[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT) {
		printk("elf: version %u (e_ident) / %u (e_version) is not EV_CURRENT (%u)\n",
		       id[EI_VERSION], eh->e_version, EV_CURRENT);
		return -ENOEXEC;
	}
	if (eh->e_type != ET_EXEC) {
		printk("elf: e_type %u is not ET_EXEC (%u)\n", eh->e_type, ET_EXEC);
		return -ENOEXEC;
	}
	if (eh->e_machine != EM_386) {
		printk("elf: e_machine %u is not EM_386 (%u)\n", eh->e_machine, EM_386);
		return -ENOEXEC;
	}
	return 0;
}

/*
 * The program header table: entries of our size, 1 to ELF_MAX_PHNUM of
 * them, all inside the @len bytes of the image.
 */
static int elf_check_phdr_table(const Elf32_Ehdr *eh, u32 len)
{
	u32 table;

	if (eh->e_phentsize != sizeof(Elf32_Phdr)) {
		printk("elf: e_phentsize %u is not sizeof(Elf32_Phdr) (%u)\n",
		       eh->e_phentsize, (u32)sizeof(Elf32_Phdr));
		return -ENOEXEC;
	}
	if (eh->e_phnum < 1 || eh->e_phnum > ELF_MAX_PHNUM) {
		printk("elf: e_phnum %u is not within 1..%u\n", eh->e_phnum, ELF_MAX_PHNUM);
		return -ENOEXEC;
	}
	table = eh->e_phnum * (u32)sizeof(Elf32_Phdr);      /* at most 64 KB */
	if (eh->e_phoff > len || table > len - eh->e_phoff) {
		printk("elf: program header table at e_phoff 0x%x (%u bytes) ends past the image (%u bytes)\n",
		       eh->e_phoff, table, len);
		return -ENOEXEC;
	}
	return 0;
}

/*
 * One PT_LOAD segment, number @i: its file bytes inside the image, no more
 * file bytes than memory bytes, and its memory inside
 * [ELF_EXEC_BASE, TASK_SIZE), at the same offset within a page as in the file.
 */
static int elf_check_load_segment(const Elf32_Phdr *ph, u32 i, u32 len)
{
	if (ph->p_offset > len || ph->p_filesz > len - ph->p_offset) {
		printk("elf: segment %u: p_offset 0x%x + p_filesz 0x%x ends past the image (%u bytes)\n",
		       i, ph->p_offset, ph->p_filesz, len);
		return -ENOEXEC;
	}
	if (ph->p_filesz > ph->p_memsz) {
		printk("elf: segment %u: p_filesz 0x%x is larger than p_memsz 0x%x\n",
		       i, ph->p_filesz, ph->p_memsz);
		return -ENOEXEC;
	}
	if (ph->p_vaddr < ELF_EXEC_BASE) {
		printk("elf: segment %u: p_vaddr 0x%08x is below 0x%08x, where user space may start\n",
		       i, ph->p_vaddr, ELF_EXEC_BASE);
		return -ENOEXEC;
	}
	if (ph->p_memsz > TASK_SIZE || ph->p_vaddr > TASK_SIZE - ph->p_memsz) {
		printk("elf: segment %u: p_vaddr 0x%08x + p_memsz 0x%x ends past TASK_SIZE 0x%08x\n",
		       i, ph->p_vaddr, ph->p_memsz, TASK_SIZE);
		return -ENOEXEC;
	}
	if ((ph->p_offset & ~PAGE_MASK) != (ph->p_vaddr & ~PAGE_MASK)) {
		printk("elf: segment %u: p_offset 0x%x and p_vaddr 0x%08x differ modulo PAGE_SIZE\n",
		       i, ph->p_offset, ph->p_vaddr);
		return -ENOEXEC;
	}
	return 0;
}

/* load_elf_binary()'s bookkeeping for one accepted PT_LOAD segment. */
static void elf_account_segment(const Elf32_Phdr *ph, struct elf_info *info)
{
	u32 file_end = ph->p_vaddr + ph->p_filesz;      /* no wrap: checked */

	info->nr_load++;
	info->start_code = min(info->start_code, ph->p_vaddr);
	info->start_data = max(info->start_data, ph->p_vaddr);
	if (ph->p_flags & PF_X)
		info->end_code = max(info->end_code, file_end);
	info->end_data = max(info->end_data, file_end);
	info->elf_brk = max(info->elf_brk, ph->p_vaddr + ph->p_memsz);
}

/* Is @entry among the file bytes of an executable segment? */
static bool elf_entry_in_code(const Elf32_Phdr *ph, Elf32_Addr entry)
{
	return (ph->p_flags & PF_X) && entry >= ph->p_vaddr &&
	       entry - ph->p_vaddr < ph->p_filesz;
}

/**
 * elf_check - may @image be run as a program?
 * @image: the whole file, @len bytes, at any alignment (headers are copied
 *         out with memcpy, never read through a cast pointer).
 * @out:   on success, the entry point and load_elf_binary()'s start_code,
 *         end_code, start_data, end_data, elf_brk; cleared on failure.
 *
 * Returns 0, or -ENOEXEC after one "elf: ..." line naming the first field
 * found wrong and its value.  Segments other than PT_LOAD are ignored.
 */
int elf_check(const void *image, u32 len, struct elf_info *out)
{
	const u8 *file = image;
	bool entry_ok = false;
	Elf32_Ehdr eh;
	Elf32_Phdr ph;

	memset(out, 0, sizeof(*out));
	if (len < sizeof(eh)) {
		printk("elf: image of %u bytes is smaller than an ELF header (%u bytes)\n",
		       len, (u32)sizeof(eh));
		return -ENOEXEC;
	}
	memcpy(&eh, file, sizeof(eh));
	if (elf_check_ehdr(&eh) || elf_check_phdr_table(&eh, len))
		return -ENOEXEC;

	out->start_code = ~0u;
	for (u32 i = 0; i < eh.e_phnum; i++) {
		memcpy(&ph, file + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD)
			continue;
		if (elf_check_load_segment(&ph, i, len))
			goto fail;
		elf_account_segment(&ph, out);
		entry_ok = entry_ok || elf_entry_in_code(&ph, eh.e_entry);
	}
	if (!entry_ok) {
		printk("elf: e_entry 0x%08x is not in an executable PT_LOAD segment\n",
		       eh.e_entry);
		goto fail;
	}
	out->e_entry = eh.e_entry;
	return 0;
fail:
	memset(out, 0, sizeof(*out));
	return -ENOEXEC;
}
