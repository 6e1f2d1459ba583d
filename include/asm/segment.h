/*
 * asm/segment.h - the GDT layout, with Linux 2.6's entry numbers so that a
 * student sees the same selectors (0x60, 0x7b ...) in our oopses as in Linux's.
 *
 *   entry  selector  what
 *     12     0x60    __KERNEL_CS   ring 0 code, base 0, 4 GB
 *     13     0x68    __KERNEL_DS   ring 0 data
 *     14     0x73    __USER_CS     ring 3 code (RPL 3)
 *     15     0x7b    __USER_DS     ring 3 data
 *     16     0x80    TSS           this CPU's task state (esp0 for ring 3 -> 0)
 *     31     0xf8    double-fault TSS (a clean stack when the stack is bad)
 *
 * The first entries are unused here (Linux puts TLS and APM/PnP BIOS
 * segments there).  Mirrors: include/asm-i386/segment.h (2.6.11).
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL_BASE      12
#define GDT_ENTRY_KERNEL_CS        (GDT_ENTRY_KERNEL_BASE + 0)
#define GDT_ENTRY_KERNEL_DS        (GDT_ENTRY_KERNEL_BASE + 1)
#define GDT_ENTRY_DEFAULT_USER_CS  14
#define GDT_ENTRY_DEFAULT_USER_DS  15
#define GDT_ENTRY_TSS              (GDT_ENTRY_KERNEL_BASE + 4)
#define GDT_ENTRY_DOUBLEFAULT_TSS  31
#define GDT_ENTRIES                32

#define __KERNEL_CS  (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS  (GDT_ENTRY_KERNEL_DS * 8)
#define __USER_CS    (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define __USER_DS    (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __TSS_SEL    (GDT_ENTRY_TSS * 8)
#define __DOUBLEFAULT_TSS_SEL (GDT_ENTRY_DOUBLEFAULT_TSS * 8)

#endif /* _ASM_SEGMENT_H */
