/*
 * linux/init.h - code and data needed only while booting.
 *
 * A function marked __init goes to the .init.text section; linker.ld puts
 * it in whole pages between
 * __init_begin and __init_end, and free_initmem() hands those pages to
 * the buddy allocator when the boot is over ("Freeing unused kernel
 * memory").  So nothing may call an __init function after that: only
 * boot-time code calls them, and start_kernel() (itself __init) ends by
 * calling rest_init(), which is not.
 *
 * Mirrors: include/linux/init.h (2.6).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#define __init      __attribute__((section(".init.text")))

extern char __init_begin[], __init_end[];

/* Give the pages of .init.text to the buddy allocator. */
void free_initmem(void);

#endif /* _LINUX_INIT_H */
