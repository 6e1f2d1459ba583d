/*
 * linux/types.h - fixed-width types, shared by the kernel and the host tests.
 *
 * The same files (the Multiboot2 parser, the e820 sanitiser, later the buddy
 * core) are compiled for i386 and for the 64-bit host, so sizes are spelled
 * with fixed widths wherever the two could differ.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdarg.h>
#include <asm/posix_types.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef int64_t  s64;

/*
 * A physical address.  Without PAE the CPU has 32 address lines, so 32 bits
 * hold any address the kernel can map; the PAE build widens it to 36 bits.
 * Firmware ranges (e820) are always u64: the BIOS reports RAM above 4 GB even
 * to a kernel that cannot use it.
 */
#ifdef CONFIG_X86_PAE
typedef u64 phys_addr_t;
#else
typedef u32 phys_addr_t;
#endif

/*
 * A process id.  The host's C library declares the same typedef (int) in
 * <sys/types.h>, which C11 allows: a typedef may be repeated for one type.
 */
typedef __kernel_pid_t pid_t;

#endif /* _LINUX_TYPES_H */
