/*
 * linux/kmalloc_sizes.h - the object sizes of the general caches,
 * size-32 ... size-131072, smallest first: one CACHE(size) line each.
 *
 * The list is written once, here, and read three ways: its includer
 * defines CACHE() to make what it needs of each line, then #undefs it.
 *
 *   linux/slab.h      kmalloc_index(): if (size <= x) return i; i++;
 *                     KMALLOC_CACHES:  one enumerator per line
 *   mm/kmalloc.c      the table of sizes and names ("size-" #x)
 *   the unit tests    the sizes whose geometry test_slab.c checks
 *
 * So there is no include guard: each inclusion must produce the list.
 * The sizes are 2.6.11's for a 32-byte cache line and 4 KB pages: powers
 * of two from 32, plus 96 and 192 to fill the gaps between 64, 128 and
 * 256.  The last line is KMALLOC_MAX_CACHE_SIZE: larger requests go to
 * the buddy allocator (mm/kmalloc.c kmalloc_large()).
 *
 * Mirrors: include/linux/kmalloc_sizes.h (2.6.11), without its
 * conditional lines for larger pages and cache lines.
 */
CACHE(32)
CACHE(64)
CACHE(96)
CACHE(128)
CACHE(192)
CACHE(256)
CACHE(512)
CACHE(1024)
CACHE(2048)
CACHE(4096)
CACHE(8192)
CACHE(16384)
CACHE(32768)
CACHE(65536)
CACHE(131072)
