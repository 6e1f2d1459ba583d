/*
 * memlayout.h - the whole 4 GB virtual address space of this kernel.
 *
 *                0xffffffff  +------------------------------+
 *                            | (fixmap, pkmap, vmalloc:     |
 *                            |  the top 128 MB, see below)  |
 *  high_memory               +------------------------------+
 *                            | direct map: lowmem           |  __va(pa) = pa + PAGE_OFFSET
 *                            | ZONE_DMA (first 16 MB)       |
 *  PAGE_OFFSET   0xc0000000  +------------------------------+  <- kernel image at +1 MB
 *                            | user space (3 GB)            |
 *                0x00000000  +------------------------------+
 *
 * The split is a build choice (claim S6): the Makefile passes
 * CONFIG_PAGE_OFFSET, 0xC0000000 for VMSPLIT_3G.  Everything below derives
 * from it.  Sizes are spelled as shifts so a reader need not decode hex.
 */
#ifndef _MEMLAYOUT_H
#define _MEMLAYOUT_H

#ifndef CONFIG_PAGE_OFFSET
#define CONFIG_PAGE_OFFSET 0xC0000000
#endif

/* Values are uint32_t-sized so the host test build (64-bit) computes the same. */
#define PAGE_OFFSET      ((u32)CONFIG_PAGE_OFFSET)      /* 3G/1G split (S1) */
#define TASK_SIZE        PAGE_OFFSET                    /* user space ends here */
#define PAGE_SHIFT       12
#define PAGE_SIZE        (1u << PAGE_SHIFT)             /* 4 KB */
#define PAGE_MASK        (~(PAGE_SIZE - 1))

/* The kernel image: loaded at physical 1 MB, linked at PAGE_OFFSET + 1 MB (P2). */
#define LOAD_PHYSICAL_ADDR  (1u << 20)
#define KERNEL_LINK_ADDR    (PAGE_OFFSET + LOAD_PHYSICAL_ADDR)

/*
 * The boot page tables (boot/head.asm) map the first EARLY_MAP_SIZE bytes of
 * physical memory twice: at 0 (identity, so the instruction after turning
 * paging on still runs) and at PAGE_OFFSET (P3).  linker.ld asserts that the
 * image fits with room left for GRUB's Multiboot2 info and modules.
 */
#define EARLY_MAP_SIZE   (8u << 20)

/* 128 MB of kernel space is kept for vmalloc, pkmap and fixmap (P4). */
#define VMALLOC_RESERVE  (128u << 20)                   /* Linux: __VMALLOC_RESERVE */
#define MAXMEM           ((u32)(0u - PAGE_OFFSET) - VMALLOC_RESERVE)  /* 896 MB */
#define MAX_DMA_ADDRESS  (PAGE_OFFSET + (16u << 20))    /* end of ZONE_DMA */

/* The 640 KB - 1 MB legacy hole: VGA memory and BIOS ROMs, never RAM (P6). */
#define ISA_START_ADDRESS  0xa0000u
#define ISA_END_ADDRESS    0x100000u

/* The kernel stack: THREAD_SIZE bytes, aligned to THREAD_SIZE (U3). */
#define THREAD_SIZE      (8u << 10)

#endif /* _MEMLAYOUT_H */
