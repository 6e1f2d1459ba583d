/*
 * asm/io.h - x86 port I/O (the in/out instructions), and memory-mapped I/O:
 * ioremap() gives device memory a kernel address in the vmalloc area
 * (arch/i386/mm/ioremap.c), readl()/writel() access it.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

static inline void outb(u8 v, u16 port)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;
	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outl(u32 v, u16 port)
{
	asm volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

/* A write to an unused port: about 1 us on ISA hardware, used between PIC writes. */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

/*
 * ioremap - map @size bytes of device memory at @phys_addr, uncached;
 * returns the address of @phys_addr, or NULL.  RAM is refused; the ISA
 * hole (640 KB - 1 MB) is given its direct-map address.  iounmap() undoes it.
 */
void *ioremap(phys_addr_t phys_addr, unsigned long size);
void *ioremap_nocache(phys_addr_t phys_addr, unsigned long size);
/* @flags: page-table bits added to PAGE_KERNEL (_PAGE_PCD, _PAGE_PWT). */
void *__ioremap(phys_addr_t phys_addr, unsigned long size, unsigned long flags);
void iounmap(volatile void *addr);

/* One access to a device register: volatile, so the compiler neither
 * drops nor merges nor reorders it. */
static inline u32 readl(const volatile void *addr) { return *(const volatile u32 *)addr; }
static inline void writel(u32 v, volatile void *addr) { *(volatile u32 *)addr = v; }

#endif /* _ASM_IO_H */
