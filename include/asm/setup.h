/* asm/setup.h - arch/i386/kernel/setup.c: what the boot loader told us. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>
#include <linux/multiboot2.h>
#include <linux/params.h>
#include <asm/e820.h>

extern char boot_command_line[COMMAND_LINE_SIZE];
extern struct mb2_info boot_mb2;          /* the parsed Multiboot2 information */
extern phys_addr_t boot_mb2_phys;         /* where GRUB put it */
extern u64 mem_limit;                     /* mem=, or 0 */
extern struct e820map e820_firmware;      /* the map as the firmware gave it, sanitised */
extern u64 ram_above_4g_ignored;          /* bytes of RAM this non-PAE kernel cannot use */

/* Kernel image boundaries, from linker.ld. */
extern char _text[], _etext[], _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];

/*
 * Read the Multiboot2 information, the command line and the memory map;
 * print the map; hand RAM and the reserved ranges to memblock.
 */
void setup_arch(phys_addr_t mb2_phys);

#endif /* _ASM_SETUP_H */
