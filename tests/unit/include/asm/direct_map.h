/*
 * tests/unit/include/asm/direct_map.h - virt_to_page() on the host.
 *
 * The host unit tests have no direct map at PAGE_OFFSET: a page's "kernel
 * address" is its place in host_page_arena, a malloc'ed block standing in
 * for lowmem.  So the two conversions of include/asm/direct_map.h are
 * functions here (tests/unit/host_stubs.c) that look the address up in the
 * arena, with the same contract: virt_to_page() of an address outside it,
 * or of a highmem page's place in it, is a BUG.
 */
#ifndef _ASM_DIRECT_MAP_H
#define _ASM_DIRECT_MAP_H

struct page;

bool virt_addr_valid(const void *addr);
struct page *virt_to_page(const void *addr);
#define __virt_to_page(addr) virt_to_page(addr)

#endif /* _ASM_DIRECT_MAP_H */
