/* asm/io.h - x86 port I/O (the in/out instructions). */
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

#endif /* _ASM_IO_H */
