/*
 * asm/cache.h - the CPU's cache line.
 *
 * L1_CACHE_BYTES is what the slab allocator aligns SLAB_HWCACHE_ALIGN
 * objects to, and the step of its colours (mm/slab.c): objects that share
 * no line never fight over one.  32 bytes is the line of the i686
 * (Pentium Pro to Pentium III): 2.6.11's CONFIG_X86_L1_CACHE_SHIFT=5.
 *
 * Mirrors: include/asm-i386/cache.h (2.6.11).
 */
#ifndef _ASM_CACHE_H
#define _ASM_CACHE_H

#define L1_CACHE_BYTES   32

#endif /* _ASM_CACHE_H */
