/*
 * arch/i386/kernel/multiboot2.c - check and read the Multiboot2 boot
 * information that GRUB leaves in memory (Multiboot2 specification, 3.6).
 *
 * The structure is an 8-byte header and a list of tags (the drawing is in
 * include/linux/multiboot2.h).  Nothing in it is trusted: a boot loader bug,
 * or a test, can hand us a total_size larger than the memory we may read,
 * a tag that runs past the end, a string with no NUL, or a memory map whose
 * entry size would make us walk off into the weeds.  multiboot2_parse()
 * checks all of that before the kernel uses a byte of it, and every problem
 * is one line on the console starting "multiboot2: ".
 *
 * Mirrors: nothing in Linux 2.6 (i386 Linux booted through its own setup
 * code and got the e820 map from real mode); the checks play the part of
 * arch/i386/kernel/setup.c copy_e820_map(), which refused maps it did not
 * believe.  Later Linux parses Multiboot2 only in its Xen/PVH entry points.
 *
 * Omitted: every tag the kernel does not need (framebuffer, ELF sections,
 * APM, ACPI RSDP, EFI, network, load base address).  They are skipped and
 * counted in nr_unknown_tags, without a message, since GRUB always sends
 * several of them.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/multiboot2.h>

#define MB2_HEADER_SIZE      8u    /* u32 total_size, u32 reserved */
#define MB2_TAG_HEADER_SIZE  8u    /* u32 type, u32 size */
#define MB2_TAG_ALIGN        8u    /* every tag starts 8-aligned */
#define MB2_END_TAG_SIZE     8u
#define MB2_MMAP_HEADER_SIZE 16u   /* tag header, u32 entry_size, u32 entry_version */
#define MB2_MMAP_MIN_ENTRY   24u   /* u64 base_addr, u64 length, u32 type, u32 reserved */
#define MB2_MMAP_MAX_ENTRY   4096u /* no sane loader pads an entry beyond this */

/*
 * Read a u32 at byte offset @off of @base.  memcpy, not a cast: the tests
 * build info structures in byte buffers, and memcpy says "these are bytes"
 * without any promise about alignment.
 */
static u32 mb2_read_u32(const u8 *base, u32 off)
{
	u32 v;

	memcpy(&v, base + off, sizeof(v));
	return v;
}

static u64 mb2_read_u64(const u8 *base, u32 off)
{
	u64 v;

	memcpy(&v, base + off, sizeof(v));
	return v;
}

/*
 * The string that fills a tag from @off (relative to the tag) to its end.
 * Returns it, or NULL after a message if no NUL ends it inside the tag.
 */
static const char *mb2_tag_string(const u8 *tag, u32 size, u32 off,
				  const char *what)
{
	const char *s = (const char *)tag + off;

	if (size <= off || strnlen(s, size - off) == size - off) {
		printk("multiboot2: %s string is not NUL-terminated within its tag (size %u)\n",
		       what, size);
		return NULL;
	}
	return s;
}

/* A string tag (command line, loader name): keep the first, warn on more. */
static int mb2_parse_string(const u8 *tag, u32 size, const char *what,
			    const char **slot)
{
	const char *s = mb2_tag_string(tag, size, MB2_TAG_HEADER_SIZE, what);

	if (!s)
		return -EINVAL;
	if (*slot)
		printk("multiboot2: duplicate %s tag ignored (keeping the first)\n", what);
	else
		*slot = s;
	return 0;
}

/* Type 3: u32 mod_start, u32 mod_end, then the module's command line. */
static int mb2_parse_module(const u8 *tag, u32 size, struct mb2_info *out)
{
	u32 start, end;
	const char *cmdline;

	if (size < 16) {
		printk("multiboot2: module tag has size %u, less than 16\n", size);
		return -EINVAL;
	}
	start = mb2_read_u32(tag, 8);
	end = mb2_read_u32(tag, 12);
	cmdline = mb2_tag_string(tag, size, 16, "module");
	if (!cmdline)
		return -EINVAL;
	if (end < start) {
		printk("multiboot2: module ends at 0x%08x, before its start 0x%08x\n",
		       end, start);
		return -EINVAL;
	}
	if (out->nr_modules == MB2_MAX_MODULES) {
		printk("multiboot2: more than %u modules, ignoring module at 0x%08x-0x%08x\n",
		       MB2_MAX_MODULES, start, end);
		return 0;
	}
	out->modules[out->nr_modules].mod_start = start;
	out->modules[out->nr_modules].mod_end = end;
	out->modules[out->nr_modules].cmdline = cmdline;
	out->nr_modules++;
	return 0;
}

/* Type 4: u32 mem_lower, u32 mem_upper, both in KB. */
static int mb2_parse_meminfo(const u8 *tag, u32 size, struct mb2_info *out)
{
	if (size < 16) {
		printk("multiboot2: basic meminfo tag has size %u, less than 16\n", size);
		return -EINVAL;
	}
	if (out->has_meminfo) {
		printk("multiboot2: duplicate basic meminfo tag ignored (keeping the first)\n");
		return 0;
	}
	out->has_meminfo = true;
	out->mem_lower = mb2_read_u32(tag, 8);
	out->mem_upper = mb2_read_u32(tag, 12);
	return 0;
}

/*
 * Type 6, the memory map:
 *
 *   +0  u32 type = 6, u32 size
 *   +8  u32 entry_size, u32 entry_version
 *   +16 entry 0: u64 base_addr, u64 length, u32 type, u32 reserved, [padding]
 *       entry 1 at +16 + entry_size, ...
 *
 * entry_size lets a newer loader grow the entries, so it may be larger than
 * 24; it may not be smaller, unaligned, or absurd.
 */
static int mb2_parse_mmap(const u8 *tag, u32 size, struct mb2_info *out)
{
	u32 entry_size, version, bytes;

	if (size < MB2_MMAP_HEADER_SIZE) {
		printk("multiboot2: memory map tag has size %u, less than %u\n",
		       size, MB2_MMAP_HEADER_SIZE);
		return -EINVAL;
	}
	entry_size = mb2_read_u32(tag, 8);
	version = mb2_read_u32(tag, 12);
	if (entry_size < MB2_MMAP_MIN_ENTRY || entry_size > MB2_MMAP_MAX_ENTRY ||
	    !IS_ALIGNED(entry_size, 8)) {
		printk("multiboot2: memory map entry size %u is absurd (need a multiple of 8 from %u to %u)\n",
		       entry_size, MB2_MMAP_MIN_ENTRY, MB2_MMAP_MAX_ENTRY);
		return -EINVAL;
	}
	if (out->mmap) {
		printk("multiboot2: duplicate memory map tag ignored (keeping the first)\n");
		return 0;
	}
	if (version != 0)
		printk("multiboot2: memory map entry version %u is unknown, reading entries as version 0\n",
		       version);
	bytes = size - MB2_MMAP_HEADER_SIZE;
	if (bytes % entry_size)
		printk("multiboot2: memory map ends in a partial entry (%u of %u bytes), ignored\n",
		       bytes % entry_size, entry_size);
	out->mmap = tag + MB2_MMAP_HEADER_SIZE;
	out->mmap_entry_size = entry_size;
	out->mmap_nr = bytes / entry_size;
	return 0;
}

/* Dispatch one tag whose header and size have already been checked. */
static int mb2_parse_tag(const u8 *tag, u32 type, u32 size, struct mb2_info *out)
{
	switch (type) {
	case MULTIBOOT_TAG_TYPE_CMDLINE:
		return mb2_parse_string(tag, size, "command line", &out->cmdline);
	case MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME:
		return mb2_parse_string(tag, size, "boot loader name", &out->loader_name);
	case MULTIBOOT_TAG_TYPE_MODULE:
		return mb2_parse_module(tag, size, out);
	case MULTIBOOT_TAG_TYPE_BASIC_MEMINFO:
		return mb2_parse_meminfo(tag, size, out);
	case MULTIBOOT_TAG_TYPE_MMAP:
		return mb2_parse_mmap(tag, size, out);
	default:
		out->nr_unknown_tags++;
		return 0;
	}
}

/*
 * Check the header: we must be able to read it, and total_size must cover
 * the header and an end tag without going past what the caller can read.
 * Returns total_size, or 0 after a message.
 */
static u32 mb2_check_header(const u8 *info, u32 limit)
{
	u32 total;

	if (limit < MB2_HEADER_SIZE) {
		printk("multiboot2: only %u bytes readable, less than the %u-byte header\n",
		       limit, MB2_HEADER_SIZE);
		return 0;
	}
	total = mb2_read_u32(info, 0);
	if (total < MB2_HEADER_SIZE + MB2_END_TAG_SIZE) {
		printk("multiboot2: total_size %u is less than %u (header and end tag)\n",
		       total, MB2_HEADER_SIZE + MB2_END_TAG_SIZE);
		return 0;
	}
	if (total > limit) {
		printk("multiboot2: total_size %u is more than the %u bytes that may be read\n",
		       total, limit);
		return 0;
	}
	return total;
}

/*
 * Walk the tags of a structure whose header passed mb2_check_header().
 * Returns 0 at a well-formed end tag, or -EINVAL after a message.
 *
 * Invariant at the top of the loop: off <= total, so total - off is the
 * room left.  A tag's padding may reach past a total_size that is not a
 * multiple of 8; min() stops off at total, where no further tag fits and
 * the first check reports the missing end tag.
 */
static int mb2_walk_tags(const u8 *base, u32 total, struct mb2_info *out)
{
	u32 off, type, size;
	int err;

	for (off = MB2_HEADER_SIZE; ; off += min(ALIGN(size, MB2_TAG_ALIGN), total - off)) {
		if (total - off < MB2_TAG_HEADER_SIZE) {
			printk("multiboot2: no end tag within total_size %u\n", total);
			return -EINVAL;
		}
		type = mb2_read_u32(base, off);
		size = mb2_read_u32(base, off + 4);
		if (size < MB2_TAG_HEADER_SIZE) {
			printk("multiboot2: tag type %u at offset %u has size %u, less than %u\n",
			       type, off, size, MB2_TAG_HEADER_SIZE);
			return -EINVAL;
		}
		if (size > total - off) {
			printk("multiboot2: tag type %u at offset %u (size %u) runs past total_size %u\n",
			       type, off, size, total);
			return -EINVAL;
		}
		if (type == MULTIBOOT_TAG_TYPE_END)
			break;
		err = mb2_parse_tag(base + off, type, size, out);
		if (err)
			return err;
	}
	if (size != MB2_END_TAG_SIZE) {
		printk("multiboot2: end tag at offset %u has size %u, not %u\n",
		       off, size, MB2_END_TAG_SIZE);
		return -EINVAL;
	}
	return 0;
}

/**
 * multiboot2_parse - check the boot information at @info and pick out the
 * tags the kernel uses.
 * @info:  the structure GRUB passed in %ebx (8-byte aligned by the spec).
 * @limit: how many bytes at @info may be read.
 * @out:   filled in; its pointers point into @info.
 *
 * Returns 0, or -EINVAL after one "multiboot2: ..." line, with @out
 * cleared so that nothing half-checked can be used.  No byte outside
 * [info, info + min(limit, total_size)) is read.  Bytes after the end tag
 * (total_size may be larger) are ignored.  Duplicate tags keep the first.
 */
int multiboot2_parse(const void *info, u32 limit, struct mb2_info *out)
{
	u32 total;

	memset(out, 0, sizeof(*out));
	total = mb2_check_header(info, limit);
	if (!total)
		return -EINVAL;
	out->total_size = total;
	if (mb2_walk_tags(info, total, out)) {
		memset(out, 0, sizeof(*out));
		return -EINVAL;
	}
	return 0;
}

/**
 * multiboot2_mmap_entry - read entry @i of the memory map found by
 * multiboot2_parse().  @i must be below mi->mmap_nr.
 */
void multiboot2_mmap_entry(const struct mb2_info *mi, u32 i,
			   u64 *addr, u64 *len, u32 *type)
{
	const u8 *entry;

	BUG_ON(i >= mi->mmap_nr);
	entry = mi->mmap + i * mi->mmap_entry_size;
	*addr = mb2_read_u64(entry, 0);
	*len = mb2_read_u64(entry, 8);
	*type = mb2_read_u32(entry, 16);
}
