/*
 * memlayout.h - the whole 4 GB virtual address space of this kernel,
 * derived from the top down (claims L1, L2).
 *
 *  0xffffffff   +---------------------------------+
 *               | FIX_HOLE: the reserved top page |
 *  FIXADDR_TOP  +---------------------------------+  0xfffff000
 *               | fixmap: fixed-purpose slots,    |  slot i is the page at
 *               |   KM_TYPE_NR kmap_atomic slots  |  __fix_to_virt(i) = TOP - i pages
 *               |   per CPU                       |
 *               | boot-time slots                 |  the first one at FIXADDR_START
 *  FIXADDR_START+---------------------------------+  (TOP - number of permanent slots)
 *               | one page more (2.6's formula)   |
 *  FIXADDR_BOOT_START ----------------------------+
 *               | (up to a PMD boundary)          |
 *  PKMAP_BASE + +---------------------------------+
 *  LAST_PKMAP pages                               |
 *               | pkmap: kmap() window, 4 MB,     |  one page table: pkmap_page_table
 *  PKMAP_BASE   +---------------------------------+
 *               | 2 unmapped pages                |
 *  VMALLOC_END  +---------------------------------+
 *               | vmalloc / vmap / ioremap areas, |  each followed by a guard page
 *               |   grows upwards                 |
 *  VMALLOC_START+---------------------------------+
 *               | gap: 8 to 16 MB, never mapped   |  VMALLOC_OFFSET
 *  high_memory  +---------------------------------+
 *               | direct map: lowmem, at most     |  __va(pa) = pa + PAGE_OFFSET
 *               | 896 MB; ZONE_DMA first 16 MB    |
 *  PAGE_OFFSET  +---------------------------------+  0xc0000000, kernel image at +1 MB
 *               | user space (3 GB)               |
 *  0x00000000   +---------------------------------+
 *
 * Everything above the direct map is a formula of constants, except
 * VMALLOC_START, which follows high_memory (the end of lowmem, set by
 * paging_init()): with 512 MB of RAM the vmalloc area starts at
 * 0xe0800000 and is almost 500 MB long, with 896 MB or more at 0xf8800000
 * and 120 MB long (claim V7).  The boot prints this layout with its values.
 *
 * The split is a build choice (claim S6): the Makefile passes
 * CONFIG_PAGE_OFFSET, 0xC0000000 for VMSPLIT_3G.  Sizes are spelled as
 * shifts so a reader need not decode hex.
 *
 * Mirrors: include/asm-i386/fixmap.h, highmem.h, pgtable.h, page.h (2.6.11).
 */
#ifndef _MEMLAYOUT_H
#define _MEMLAYOUT_H

#ifndef CONFIG_PAGE_OFFSET
#error "CONFIG_PAGE_OFFSET is the Makefile's PAGE_OFFSET, passed with -D to every build"
#endif

/* Values are uint32_t-sized so the host test build (64-bit) computes the same. */
#define PAGE_OFFSET      ((u32)CONFIG_PAGE_OFFSET)      /* 3G/1G split (S1) */
#define TASK_SIZE        PAGE_OFFSET                    /* user space ends here */
/*
 * Where the text of an i386 executable starts: binutils' default
 * (TEXT_START_ADDR of its elf_i386 emulation), 128 MB + 288 KB.  The pages
 * below stay unmapped so that a NULL pointer, or a small offset from one,
 * faults (U1).  Linux itself only refuses addresses under mmap_min_addr
 * (2.6.23 on); this kernel refuses anything below here (kernel/elf.c).
 */
#define ELF_EXEC_BASE    0x08048000u
#define PAGE_SHIFT       12
#define PAGE_SIZE        (1u << PAGE_SHIFT)             /* 4 KB */
#define PAGE_MASK        (~(PAGE_SIZE - 1))
/* @addr rounded up to a page boundary, as an unsigned long (pointers too). */
#define PAGE_ALIGN(addr) (((unsigned long)(addr) + PAGE_SIZE - 1) & \
			  ~(unsigned long)(PAGE_SIZE - 1))

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

/* ---- The top 128 MB, from the top down ---- */

#include <linux/types.h>
#include <linux/threads.h>        /* NR_CPUS */
#include <asm/kmap_types.h>       /* KM_TYPE_NR */
#include <asm/pgtable-2level.h>   /* PTRS_PER_PTE, PMD_SHIFT (a PAE build: 3-level) */

/* The fixmap ends one page short of 4 GB (F2; kernels before 2.6.10 used
 * 0xffffe000).  Index 0, FIX_HOLE, is that top page: never mapped. */
#define FIXADDR_TOP      0xfffff000u

/*
 * enum fixed_addresses - the fixmap slots, a compile-time list of virtual
 * pages counted down from FIXADDR_TOP (F1).  Which physical page backs a
 * slot is decided at run time, by set_fixmap().
 */
enum fixed_addresses {
	FIX_HOLE,                 /* the top page, reserved: a fault there is a bug */
	FIX_APIC_BASE,            /* the local APIC's registers (F4) */
	FIX_IO_APIC_BASE_0,       /* the I/O APIC's registers (F4) */
	FIX_KMAP_BEGIN,           /* kmap_atomic(): KM_TYPE_NR slots per CPU (F3) */
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_TYPE_NR * NR_CPUS - 1,
	__end_of_permanent_fixed_addresses,
	/* Slots used only while booting, below FIXADDR_START (2.6: the
	 * boot-time ioremap slots, then the one for the WP test). */
	FIX_WP_TEST = __end_of_permanent_fixed_addresses,
	__end_of_fixed_addresses
};

#define __FIXADDR_SIZE       ((u32)__end_of_permanent_fixed_addresses << PAGE_SHIFT)
#define __FIXADDR_BOOT_SIZE  ((u32)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START        (FIXADDR_TOP - __FIXADDR_SIZE)        /* F2 */
#define FIXADDR_BOOT_START   (FIXADDR_TOP - __FIXADDR_BOOT_SIZE)

#define __fix_to_virt(x)     (FIXADDR_TOP - ((u32)(x) << PAGE_SHIFT))
#define __virt_to_fix(x)     ((FIXADDR_TOP - ((x) & PAGE_MASK)) >> PAGE_SHIFT)

/*
 * The persistent kmap window (K1-K3): LAST_PKMAP pages, as many as one
 * page table holds (1024 here, 512 with PAE's 64-bit entries), starting
 * at a PMD boundary below the fixmap so that the one table covers it all.
 */
#define LAST_PKMAP       PTRS_PER_PTE
#define LAST_PKMAP_MASK  (LAST_PKMAP - 1)
#define PKMAP_BASE       ((FIXADDR_BOOT_START - PAGE_SIZE * (LAST_PKMAP + 1)) & \
			  ~((1u << PMD_SHIFT) - 1))                     /* K3 */
#define PKMAP_NR(virt)   (((virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr)   (PKMAP_BASE + ((u32)(nr) << PAGE_SHIFT))

/*
 * The vmalloc area (V2, V3): from an 8 MB-aligned point 8 to 16 MB above
 * the end of the direct map (a stray pointer running off lowmem faults in
 * the gap) to two pages below the pkmap window.
 */
#define VMALLOC_OFFSET   (8u << 20)
#define VMALLOC_START    (((u32)(uintptr_t)high_memory + 2 * VMALLOC_OFFSET - 1) & \
			  ~(VMALLOC_OFFSET - 1))
#define VMALLOC_END      (PKMAP_BASE - 2 * PAGE_SIZE)

/* End of the direct map (virtual).  8 MB at boot; paging_init() raises it. */
extern void *high_memory;

#endif /* _MEMLAYOUT_H */
