/*
 * linux/multiboot2.h - reading what GRUB tells the kernel (Multiboot2 spec, 3.6).
 *
 * The boot information is a list of tags after an 8-byte header:
 *
 *   +0  u32 total_size        bytes of the whole structure, header included
 *   +4  u32 reserved
 *   +8  tag: u32 type, u32 size, payload ...   (each tag starts 8-byte aligned)
 *       tag ...
 *       end tag: type 0, size 8
 *
 * multiboot2_parse() trusts nothing in it: it checks total_size against
 * what the caller can read, the alignment and size of every tag, and the
 * memory map's entry size, and skips tags it does not know.
 */
#ifndef _LINUX_MULTIBOOT2_H
#define _LINUX_MULTIBOOT2_H

#include <linux/types.h>

/* The header the kernel image carries (boot/head.asm), as GRUB's multiboot2.h names it. */
#define MULTIBOOT2_HEADER_MAGIC                   0xe85250d6u
#define MULTIBOOT_ARCHITECTURE_I386               0    /* 32-bit protected mode */
#define MULTIBOOT_HEADER_TAG_END                  0
#define MULTIBOOT_HEADER_TAG_INFORMATION_REQUEST  1

/* What GRUB leaves in eax when it jumps to the kernel. */
#define MULTIBOOT2_BOOTLOADER_MAGIC  0x36d76289u

#define MULTIBOOT_TAG_TYPE_END            0
#define MULTIBOOT_TAG_TYPE_CMDLINE        1
#define MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME 2
#define MULTIBOOT_TAG_TYPE_MODULE         3
#define MULTIBOOT_TAG_TYPE_BASIC_MEMINFO  4
#define MULTIBOOT_TAG_TYPE_MMAP           6

#define MB2_MAX_MODULES  16

struct mb2_module {
	u32 mod_start, mod_end;      /* physical, [start, end) */
	const char *cmdline;         /* points into the info structure */
};

/* What the parser found; pointers point into the caller's info buffer. */
struct mb2_info {
	u32 total_size;
	const char *cmdline;         /* NULL when there is no command-line tag */
	const char *loader_name;     /* NULL when there is no loader-name tag */
	bool has_meminfo;            /* basic meminfo tag: */
	u32 mem_lower, mem_upper;    /*   KB below 1 MB, KB above 1 MB */
	const u8 *mmap;              /* first memory map entry, NULL if no tag */
	u32 mmap_entry_size;         /* bytes per entry, >= 24 */
	u32 mmap_nr;                 /* number of entries */
	u32 nr_modules;
	struct mb2_module modules[MB2_MAX_MODULES];
	u32 nr_unknown_tags;         /* tags skipped because their type is unknown */
};

/*
 * multiboot2_parse - walk the information structure at @info.
 * @limit: how many bytes at @info the caller can safely read.
 * Returns 0, or -EINVAL after printing "multiboot2: <what is wrong>".
 */
int multiboot2_parse(const void *info, u32 limit, struct mb2_info *out);

/* Entry @i of the memory map (i < mi->mmap_nr): base, length and type. */
void multiboot2_mmap_entry(const struct mb2_info *mi, u32 i,
			   u64 *addr, u64 *len, u32 *type);

#endif /* _LINUX_MULTIBOOT2_H */
