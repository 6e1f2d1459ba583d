/*
 * asm/e820.h - the firmware's map of physical memory, in the BIOS "e820"
 * form Linux keeps it in (int 0x15, ax=0xe820; GRUB hands us the same list).
 *
 * The firmware's list may be unsorted, overlap itself, hold zero-length or
 * absurd entries.  sanitize_e820_map() turns it into a sorted list of
 * disjoint ranges, neighbours of one type merged, where overlaps resolve to
 * the more restrictive type.  Linux's rule, which we keep: any other type
 * beats usable RAM, and among the others the larger type number wins.
 *
 * Mirrors: arch/i386/kernel/setup.c sanitize_e820_map(), print_memory_map()
 * (2.6); the print format is later Linux's "BIOS-e820: [mem ...] usable".
 */
#ifndef _ASM_E820_H
#define _ASM_E820_H

#include <linux/types.h>

#define E820MAX  128

#define E820_RAM       1
#define E820_RESERVED  2
#define E820_ACPI      3
#define E820_NVS       4
#define E820_UNUSABLE  5

struct e820entry {
	u64 addr;    /* start of the range */
	u64 size;    /* bytes */
	u32 type;
};

struct e820map {
	u32 nr_map;
	struct e820entry map[E820MAX];
};

struct mb2_info;

/* The kernel's map, after sanitising and after the mem= limit. */
extern struct e820map e820;

/* Append a range; -ENOSPC (with a message) when the table is full. */
int e820_add_region(struct e820map *m, u64 start, u64 size, u32 type);

/*
 * Sort, resolve overlaps, merge neighbours, drop empty entries.  A range
 * that wraps past 2^64 is clipped at the top with a message.  Returns the
 * number of entries afterwards.
 */
int sanitize_e820_map(struct e820map *m);

/* One line per entry, exactly as Linux prints it:
 * "<who>: [mem 0x%016llx-0x%016llx] usable" (the end is inclusive). */
void e820_print_map(const struct e820map *m, const char *who);

/* "usable", "reserved", "ACPI data", "ACPI NVS", "unusable", or "type N". */
const char *e820_type_name(u32 type, char *buf, size_t len);

/*
 * Fill @m from the Multiboot2 memory map tag, or, failing that, from the
 * basic meminfo tag (with a warning).  -ENOENT if there is neither.
 */
int e820_from_multiboot2(const struct mb2_info *mi, struct e820map *m);

/*
 * Remove usable RAM at or above the address @limit: a non-PAE kernel cannot
 * use RAM above 4 GB, and mem=512M cuts RAM at 512 MB, as Linux's mem= does.
 * Returns the bytes removed.
 */
u64 e820_remove_ram_above(struct e820map *m, u64 limit);

/* Does any entry of @type overlap [start, end)? */
bool e820_any_mapped(const struct e820map *m, u64 start, u64 end, u32 type);
/* Is all of [start, end) covered by entries of @type? */
bool e820_all_mapped(const struct e820map *m, u64 start, u64 end, u32 type);

#endif /* _ASM_E820_H */
