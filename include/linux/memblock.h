/*
 * linux/memblock.h - the boot-time memory manager.
 *
 * Before the buddy allocator exists, the kernel needs to know which physical
 * ranges are RAM (memblock.memory, from e820) and which of those are taken
 * (memblock.reserved: the kernel image, the Multiboot2 information, GRUB's
 * modules, later mem_map and page tables).  Both are sorted arrays of
 * disjoint regions; adding a range merges it with overlapping or adjacent
 * ones.
 *
 * Mirrors: mm/memblock.c (Linux 2.6.35+, which replaced bootmem on x86).
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS  128

struct memblock_region {
	u64 base;
	u64 size;
};

struct memblock_type {
	u32 cnt;                 /* regions in use */
	u32 max;                 /* size of the regions array */
	const char *name;        /* "memory" or "reserved", for memblock_dump */
	struct memblock_region *regions;
};

struct memblock {
	u64 current_limit;       /* memblock_alloc() stays below: what is mapped */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

/* Add or reserve [base, base+size): 0, or -ENOSPC when the array is full. */
int memblock_add(u64 base, u64 size);
int memblock_reserve(u64 base, u64 size);
/* Take [base, base+size) out of a type, splitting a region if needed. */
int memblock_remove(u64 base, u64 size);
int memblock_free(u64 base, u64 size);     /* un-reserve */

bool memblock_is_memory(u64 addr);
bool memblock_is_reserved(u64 addr);
/* Does [base, base+size) overlap a reserved region? */
bool memblock_is_region_reserved(u64 base, u64 size);

u64 memblock_phys_mem_size(void);
u64 memblock_reserved_size(void);

/*
 * memblock_alloc - reserve @size bytes, rounded up to a multiple of @align
 * (a power of two), at an @align-aligned address in the highest free RAM
 * below memblock.current_limit, as Linux's memblock allocates top-down.
 * Returns the physical address, or 0.
 */
u64 memblock_alloc(u64 size, u64 align);
void memblock_set_current_limit(u64 limit);

/*
 * memblock_free_all - release every free range to the buddy allocator
 * (free_bootmem_range(), mm/mm_init.c), pages wholly inside RAM only.
 * Returns the pages released.  memblock is not used afterwards.
 */
unsigned long memblock_free_all(void);
unsigned long free_bootmem_range(unsigned long start_pfn, unsigned long end_pfn);

/* Empty both types (boot, and the host tests between cases). */
void memblock_reset(void);
/* " memory[0x0]\t[0x0000000000001000-0x000000000009efff], 0x9e000 bytes" */
void memblock_dump_all(void);

#endif /* _LINUX_MEMBLOCK_H */
