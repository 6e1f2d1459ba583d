/*
 * arch/i386/kernel/e820.c - the firmware's memory map, made trustworthy.
 *
 * The boot loader passes on the BIOS e820 list as it got it: unsorted,
 * possibly overlapping, with zero-length entries, and (in the tests, or on
 * a buggy BIOS) ranges whose end wraps past 2^64.  sanitize_e820_map()
 * turns that into sorted, disjoint ranges with neighbours of one type
 * merged.  The rest of the kernel reads only the sanitised map.
 *
 * Where ranges overlap, the more restrictive type wins: any other type beats
 * usable RAM, and among the others the larger type number wins (reserved 2 <
 * ACPI data 3 < ACPI NVS 4 < unusable 5 < unknown types by number).  Taking
 * RAM that the firmware also called reserved would be a bug that corrupts
 * something; losing a little RAM is not.
 *
 * Mirrors: arch/i386/kernel/setup.c (2.6) add_memory_region(),
 * sanitize_e820_map(), print_memory_map(), and
 * arch/x86_64/kernel/e820.c e820_any_mapped(), e820_all_mapped() of later
 * 2.6 kernels.  The print format is that of later Linux ("BIOS-e820:
 * [mem ...] usable").
 *
 * Omitted: the real-mode BIOS call (GRUB made it), e820 "update" and
 * "remove" by type, the resource tree (/proc/iomem), PCI gap search.
 * mem= is e820_remove_ram_above(): like later Linux (e820__range_remove
 * of RAM from the limit up), it cuts usable RAM at an address and leaves
 * the other types alone.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/multiboot2.h>
#include <asm/e820.h>

struct e820map e820;

/*
 * A range may not end past U64_MAX (exclusive), so addr + size never
 * overflows in a sanitised map.  This is the end, exclusive, of an entry that
 * may not be sanitised yet, saturated at U64_MAX.
 */
static u64 e820_entry_end(const struct e820entry *e)
{
	return e->size > U64_MAX - e->addr ? U64_MAX : e->addr + e->size;
}

/**
 * e820_type_name - the word Linux prints for an e820 type.
 * @buf, @len: room for "type N" when the type is not one Linux names.
 */
const char *e820_type_name(u32 type, char *buf, size_t len)
{
	switch (type) {
	case E820_RAM:      return "usable";
	case E820_RESERVED: return "reserved";
	case E820_ACPI:     return "ACPI data";
	case E820_NVS:      return "ACPI NVS";
	case E820_UNUSABLE: return "unusable";
	default:
		snprintf(buf, len, "type %u", type);
		return buf;
	}
}

/**
 * e820_add_region - append [start, start+size) of @type to @m, unsorted.
 * Returns 0, or -ENOSPC with a message when all E820MAX slots are taken.
 */
int e820_add_region(struct e820map *m, u64 start, u64 size, u32 type)
{
	char buf[16];

	if (m->nr_map >= E820MAX) {
		printk("e820: table full (%u entries), ignoring 0x%llx bytes at 0x%016llx (%s)\n",
		       (u32)E820MAX, (unsigned long long)size,
		       (unsigned long long)start, e820_type_name(type, buf, sizeof(buf)));
		return -ENOSPC;
	}
	m->map[m->nr_map].addr = start;
	m->map[m->nr_map].size = size;
	m->map[m->nr_map].type = type;
	m->nr_map++;
	return 0;
}

/**
 * e820_print_map - print @m one entry per line, prefixed by @who, in
 * Linux's format; the end printed is inclusive.
 */
void e820_print_map(const struct e820map *m, const char *who)
{
	char buf[16];
	u32 i;

	for (i = 0; i < m->nr_map; i++) {
		const struct e820entry *e = &m->map[i];

		printk("%s: [mem 0x%016llx-0x%016llx] %s\n", who,
		       (unsigned long long)e->addr,
		       (unsigned long long)(e->addr + e->size - 1),
		       e820_type_name(e->type, buf, sizeof(buf)));
	}
}

/* ---- sanitize_e820_map() and its helpers ---- */

/*
 * One end of an entry.  Sorting the 2n ends of n entries by address cuts
 * the address space into intervals in which the set of entries covering it
 * (the "active" set) does not change; that is the change-point sweep.
 */
struct change_point {
	u64 addr;
	u32 entry;      /* index into the map being sanitised */
	bool start;     /* the entry begins here (else it ends here) */
};

/*
 * Static, not on the stack: together they are about 10 KB.  That makes
 * sanitize_e820_map() non-reentrant, which is fine: it runs only during
 * boot, on one CPU, with interrupts off.
 */
static struct change_point change_point[2 * E820MAX];
static u32 active[E820MAX];
static struct e820entry new_map[2 * E820MAX];

/* Does type @a win over type @b where their ranges overlap? */
static bool e820_type_wins(u32 a, u32 b)
{
	if (a == E820_RAM)
		return false;
	if (b == E820_RAM)
		return true;
	return a > b;
}

/*
 * Clip entries whose end would wrap past 2^64, so that addr + size is
 * exact from here on.  The exclusive end becomes U64_MAX: the last byte,
 * 0xffffffffffffffff itself, is given up to keep the arithmetic in 64 bits.
 */
static void e820_clip_wrapping(struct e820map *m)
{
	char buf[16];
	u32 i;

	for (i = 0; i < m->nr_map; i++) {
		struct e820entry *e = &m->map[i];

		if (e->size <= U64_MAX - e->addr)
			continue;
		printk("e820: entry 0x%016llx + 0x%llx (%s) wraps past 2^64, clipped to end at 0xffffffffffffffff\n",
		       (unsigned long long)e->addr, (unsigned long long)e->size,
		       e820_type_name(e->type, buf, sizeof(buf)));
		e->size = U64_MAX - e->addr;
	}
}

/* Fill change_point[] with both ends of each non-empty entry, sorted. */
static u32 e820_sorted_change_points(const struct e820map *m)
{
	struct change_point cp;
	u32 i, j, n = 0;

	for (i = 0; i < m->nr_map; i++) {
		if (m->map[i].size == 0)
			continue;
		change_point[n++] = (struct change_point){ m->map[i].addr, i, true };
		change_point[n++] = (struct change_point){
			m->map[i].addr + m->map[i].size, i, false };
	}
	/* Insertion sort: at most 256 points, once per boot. */
	for (i = 1; i < n; i++) {
		cp = change_point[i];
		for (j = i; j > 0 && change_point[j - 1].addr > cp.addr; j--)
			change_point[j] = change_point[j - 1];
		change_point[j] = cp;
	}
	return n;
}

/* Add or drop change point @cp's entry from the active set of @nr_active. */
static void e820_update_active(const struct change_point *cp, u32 *nr_active)
{
	u32 i;

	if (cp->start) {
		active[(*nr_active)++] = cp->entry;
		return;
	}
	for (i = 0; i < *nr_active; i++) {
		if (active[i] == cp->entry) {
			active[i] = active[--*nr_active];
			return;
		}
	}
}

/* The winning type among the @nr_active active entries (nr_active > 0). */
static u32 e820_active_type(const struct e820map *m, u32 nr_active)
{
	u32 i, type = m->map[active[0]].type;

	for (i = 1; i < nr_active; i++)
		if (e820_type_wins(m->map[active[i]].type, type))
			type = m->map[active[i]].type;
	return type;
}

/*
 * Sweep the @n sorted change points of @m and write the resulting ranges to
 * new_map[].  All points at one address are applied before the type of the
 * interval that follows is decided, so their order does not matter.  A new
 * range starts only where the winning type changes (or coverage starts),
 * which merges neighbours of one type.  Returns the number of ranges.
 */
static u32 e820_sweep(const struct e820map *m, u32 n)
{
	u32 i = 0, nr_active = 0, nr_new = 0, type = 0;
	bool open = false;      /* new_map[nr_new - 1] still growing */
	u64 addr;

	while (i < n) {
		addr = change_point[i].addr;
		while (i < n && change_point[i].addr == addr)
			e820_update_active(&change_point[i++], &nr_active);
		if (open && (!nr_active || e820_active_type(m, nr_active) != type)) {
			new_map[nr_new - 1].size = addr - new_map[nr_new - 1].addr;
			open = false;
		}
		if (nr_active && !open) {
			type = e820_active_type(m, nr_active);
			new_map[nr_new++] = (struct e820entry){ addr, 0, type };
			open = true;
		}
	}
	return nr_new;
}

/**
 * sanitize_e820_map - sort @m, resolve overlaps, merge neighbours of one
 * type, drop empty entries, clip entries that wrap past 2^64.
 *
 * Returns the number of entries afterwards.  A map of n entries can come
 * out with up to 2n-1 ranges (RAM with holes punched in it); if more than
 * E820MAX result, the lowest E820MAX are kept and everything above them is
 * dropped with a message, so the map stays sorted and disjoint, and a range
 * it no longer lists is treated as not RAM.
 */
int sanitize_e820_map(struct e820map *m)
{
	u32 n, nr_new;

	e820_clip_wrapping(m);
	n = e820_sorted_change_points(m);
	nr_new = e820_sweep(m, n);
	if (nr_new > E820MAX) {
		printk("e820: sanitised map needs %u entries, only %u fit; dropping everything from 0x%016llx up\n",
		       nr_new, (u32)E820MAX, (unsigned long long)new_map[E820MAX].addr);
		nr_new = E820MAX;
	}
	memcpy(m->map, new_map, nr_new * sizeof(new_map[0]));
	m->nr_map = nr_new;
	return nr_new;
}

/* ---- building the map from Multiboot2 ---- */

/*
 * Copy the boot loader's memory map into @m.  If it has more entries than
 * fit, sanitise what we have to make room (overlapping and adjacent entries
 * collapse; sanitising twice gives what sanitising once would).  If the
 * table is still full, the rest is dropped with a message.
 */
static void e820_copy_mb2_mmap(const struct mb2_info *mi, struct e820map *m)
{
	u64 addr, len;
	u32 i, type;

	for (i = 0; i < mi->mmap_nr; i++) {
		if (m->nr_map == E820MAX)
			sanitize_e820_map(m);
		if (m->nr_map == E820MAX) {
			printk("e820: more than %u distinct ranges in the boot loader's map, ignoring its entries from #%u on\n",
			       (u32)E820MAX, i);
			return;
		}
		multiboot2_mmap_entry(mi, i, &addr, &len, &type);
		e820_add_region(m, addr, len, type);
	}
}

/**
 * e820_from_multiboot2 - fill @m (emptied first) from the boot information.
 *
 * The memory map tag is copied as is: zero-length or overlapping entries
 * are left for sanitize_e820_map().  Without a map (or with an empty one)
 * the basic meminfo tag gives RAM below 640 KB and above 1 MB, with a
 * warning, as Linux 2.6 fell back to the BIOS 88h/e801h sizes.  Returns 0,
 * or -ENOENT if there is neither (the caller panics).
 */
int e820_from_multiboot2(const struct mb2_info *mi, struct e820map *m)
{
	m->nr_map = 0;
	if (mi->mmap && mi->mmap_nr) {
		e820_copy_mb2_mmap(mi, m);
		return 0;
	}
	if (!mi->has_meminfo)
		return -ENOENT;
	printk("e820: no memory map from the boot loader, using basic meminfo: lower %uK upper %uK\n",
	       mi->mem_lower, mi->mem_upper);
	e820_add_region(m, 0, (u64)mi->mem_lower << 10, E820_RAM);
	e820_add_region(m, 1ULL << 20, (u64)mi->mem_upper << 10, E820_RAM);
	return 0;
}

/* ---- trimming usable RAM ---- */

static void e820_remove_entry(struct e820map *m, u32 i)
{
	memmove(&m->map[i], &m->map[i + 1], (m->nr_map - i - 1) * sizeof(m->map[0]));
	m->nr_map--;
}

/**
 * e820_remove_ram_above - drop usable RAM at or above @limit from @m,
 * clipping an entry that straddles it.  Other types are left alone.
 * Returns the bytes of RAM removed; the caller says why.
 */
u64 e820_remove_ram_above(struct e820map *m, u64 limit)
{
	u64 removed = 0;
	u32 i = 0;

	while (i < m->nr_map) {
		struct e820entry *e = &m->map[i];

		if (e->type != E820_RAM || e820_entry_end(e) <= limit) {
			i++;
		} else if (e->addr >= limit) {
			removed += e->size;
			e820_remove_entry(m, i);
		} else {
			removed += e->size - (limit - e->addr);
			e->size = limit - e->addr;
			i++;
		}
	}
	return removed;
}

/* ---- queries ---- */

/**
 * e820_any_mapped - does some entry of @type overlap [start, end)?
 * Unlike Linux, type 0 is not a wildcard: it is just an unknown type.
 */
bool e820_any_mapped(const struct e820map *m, u64 start, u64 end, u32 type)
{
	u32 i;

	for (i = 0; i < m->nr_map; i++) {
		const struct e820entry *e = &m->map[i];

		if (e->type == type && e->addr < end && e820_entry_end(e) > start)
			return true;
	}
	return false;
}

/**
 * e820_all_mapped - is every byte of [start, end) in some entry of @type?
 * Entries may be adjacent rather than merged (an unsanitised map); each
 * pass moves @start past an entry that covers it, until @start reaches
 * @end (true) or no entry covers it (false).  An empty range is covered.
 */
bool e820_all_mapped(const struct e820map *m, u64 start, u64 end, u32 type)
{
	bool progress = true;
	u32 i;

	while (start < end && progress) {
		progress = false;
		for (i = 0; i < m->nr_map; i++) {
			const struct e820entry *e = &m->map[i];

			if (e->type == type && e->addr <= start &&
			    e820_entry_end(e) > start) {
				start = e820_entry_end(e);
				progress = true;
			}
		}
	}
	return start >= end;
}
