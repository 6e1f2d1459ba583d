/*
 * asm/apic.h - the local APIC and the I/O APIC, reached through their
 * fixmap slots (claim F4).
 *
 * Both interrupt controllers are memory-mapped I/O: a page of registers at
 * a physical address where there is no RAM.  The kernel needs them at
 * addresses known at compile time and that survive any RAM size, so each
 * gets a fixmap slot, mapped uncached (a read must reach the device, not a
 * cache line):
 *
 *   physical                                   virtual (fixmap)
 *   0xfee00000  local APIC, this CPU's    <--  APIC_BASE = __fix_to_virt(FIX_APIC_BASE)
 *               (from the IA32_APIC_BASE MSR)             = 0xffffe000
 *   0xfec00000  I/O APIC, routes device   <--  __fix_to_virt(FIX_IO_APIC_BASE_0)
 *               interrupts to CPUs                         = 0xffffd000
 *
 * The local APIC's registers are 32-bit words 16 bytes apart in its page.
 * The I/O APIC shows only two: IOREGSEL (+0x00) takes a register index,
 * and IOWIN (+0x10) then reads or writes that register.
 *
 * Mirrors: include/asm-i386/apic.h apic_read(), apicdef.h, io_apic.h
 * io_apic_read(), union IO_APIC_reg_01, msr.h (2.6.11).
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <linux/types.h>
#include <memlayout.h>

/* IA32_APIC_BASE: where this CPU's local APIC is, and whether it is on. */
#define MSR_IA32_APICBASE         0x1b
#define MSR_IA32_APICBASE_BSP     (1u << 8)          /* the boot processor */
#define MSR_IA32_APICBASE_ENABLE  (1u << 11)         /* the APIC is on */
#define MSR_IA32_APICBASE_BASE    (0xfffffu << 12)   /* its page's physical address */

#define APIC_DEFAULT_PHYS_BASE     0xfee00000u
#define IO_APIC_DEFAULT_PHYS_BASE  0xfec00000u

/* Local APIC registers: byte offsets in its page (apicdef.h). */
#define APIC_ID            0x20
#define GET_APIC_ID(x)     (((x) >> 24) & 0xff)      /* xAPIC: an 8-bit ID */
#define APIC_LVR           0x30                      /* the version register */
#define GET_APIC_VERSION(x) ((x) & 0xff)
#define APIC_INTEGRATED(x) ((x) & 0xf0)  /* 0x1X: on the CPU; 0x0X: a separate 82489DX */

#define APIC_BASE          __fix_to_virt(FIX_APIC_BASE)

/* The physical address of this CPU's local APIC; 0 when it has none. */
extern unsigned long mp_lapic_addr;

/* Local APIC register @reg, through its fixmap slot. */
static inline u32 apic_read(unsigned long reg)
{
	return *(volatile u32 *)(APIC_BASE + reg);
}

/* I/O APIC register indexes, and register 1's layout. */
#define IO_APIC_ID_REG       0x00
#define IO_APIC_VERSION_REG  0x01
union IO_APIC_reg_01 {
	u32 raw;
	struct {
		u32 version      : 8,    /* 0x1X: the 82093AA kind; 0x20: later
					  * chipsets' (QEMU's pc machine) */
		    __reserved_2 : 7,
		    PRQ          : 1,
		    entries      : 8,    /* the highest redirection entry: 23 for 24 pins */
		    __reserved_1 : 8;
	} __attribute__((packed)) bits;
};

/*
 * I/O APIC register @reg: write the index to IOREGSEL, read IOWIN.  The
 * two accesses must not be split by another user of the I/O APIC: Linux's
 * callers hold ioapic_lock with interrupts off; here, turn interrupts off.
 * (Linux's io_apic_read() takes the I/O APIC's number first; this kernel
 * maps one, at FIX_IO_APIC_BASE_0.)
 */
static inline u32 io_apic_read(unsigned int reg)
{
	volatile u32 *io_apic = (volatile u32 *)__fix_to_virt(FIX_IO_APIC_BASE_0);

	io_apic[0] = reg;                 /* IOREGSEL, +0x00 */
	return io_apic[4];                /* IOWIN, +0x10 */
}

/* Map the local APIC at FIX_APIC_BASE and the I/O APIC at
 * FIX_IO_APIC_BASE_0, uncached, and say where (2.6's messages). */
void init_apic_mappings(void);

#endif /* _ASM_APIC_H */
