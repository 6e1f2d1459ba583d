/*
 * linux/vmalloc.h - virtually contiguous kernel memory (claims V1-V6, A3).
 *
 * Between VMALLOC_START and VMALLOC_END (memlayout.h) the kernel maps
 * pages of its choice, one pte at a time: vmalloc() pages from any zone,
 * vmap() pages it is given, ioremap() device memory.  Each mapping is a
 * struct vm_struct on vmlist, kept in address order; its size counts one
 * unmapped guard page at the end, so an overrun faults instead of running
 * into the next area (V4).
 *
 * The areas (vmlist) are mm/vmlist.c's, the mapping mm/vmalloc.c's.
 *
 * Mirrors: include/linux/vmalloc.h, mm/vmalloc.c (2.6.11); the
 * /proc/vmallocinfo format and the caller field are from 2.6.25.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <asm/pgtable.h>

#define VM_IOREMAP  0x00000001   /* ioremap() */
#define VM_ALLOC    0x00000002   /* vmalloc() */
#define VM_MAP      0x00000004   /* vmap() */

struct vm_struct {
	struct vm_struct *next;      /* vmlist, by address */
	void *addr;                  /* first byte of the area */
	unsigned long size;          /* bytes, the guard page included */
	unsigned long flags;         /* VM_* */
	struct page **pages;         /* VM_ALLOC: the pages mapped, owned by the area;
				      * NULL for VM_MAP (vmap()'s pages stay the caller's) */
	unsigned int nr_pages;       /* VM_ALLOC and VM_MAP: pages mapped */
	phys_addr_t phys_addr;       /* VM_IOREMAP: the device address mapped */
	unsigned long caller;        /* who asked (a return address), for vmallocinfo */
};

extern struct vm_struct *vmlist;

/* The vmalloc area in /proc/meminfo's terms, in bytes: the areas' sizes
 * (guard pages included) and the largest hole between them. */
struct vmalloc_info {
	unsigned long used;
	unsigned long largest_chunk;
};
void get_vmalloc_info(struct vmalloc_info *vmi);

/* The areas: reserve and release address space (no mapping). */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
struct vm_struct *__get_vm_area(unsigned long size, unsigned long flags,
				unsigned long start, unsigned long end,
				unsigned long caller);
struct vm_struct *remove_vm_area(void *addr);
/* remove_vm_area() and free the vm_struct: for areas from get_vm_area(). */
void free_vm_area(struct vm_struct *area);
/* The area that starts at @addr, or NULL. */
struct vm_struct *find_vm_area(const void *addr);
/* The area whose [addr, addr + size) holds @addr (its guard page too). */
struct vm_struct *find_vm_area_covering(unsigned long addr);

/* Map an area, all but its guard page, to **pages (advancing *pages);
 * unmap all of it.  Page tables made for it are never freed. */
int map_vm_area(struct vm_struct *area, pgprot_t prot, struct page ***pages);
void unmap_vm_area(struct vm_struct *area);

/* Allocate and map; NULL when pages or address space run out. */
void *vmalloc(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp_mask, pgprot_t prot);
void vfree(void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void vunmap(void *addr);

struct page *vmalloc_to_page(const void *addr);
bool is_vmalloc_addr(const void *addr);

/* /proc/vmallocinfo */
void show_vmallocinfo(void);

#endif /* _LINUX_VMALLOC_H */
