/*
 * asm/desc.h - segment and gate descriptors: the GDT, the IDT and the TSS.
 *
 * Mirrors: include/asm-i386/desc.h, arch/i386/kernel/traps.c trap_init().
 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <linux/types.h>
#include <asm/segment.h>
#include <asm/processor.h>

/* An 8-byte GDT entry. */
struct desc_struct {
	u32 a, b;
};

/* The hardware task-state segment: only esp0/ss0 matter to us (and the
 * whole of it for the double-fault task). */
struct tss_struct {
	u16 back_link, __blh;
	u32 esp0;
	u16 ss0, __ss0h;
	u32 esp1;
	u16 ss1, __ss1h;
	u32 esp2;
	u16 ss2, __ss2h;
	u32 cr3, eip, eflags;
	u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u16 es, __esh, cs, __csh, ss, __ssh, ds, __dsh, fs, __fsh, gs, __gsh;
	u16 ldt, __ldth;
	u16 trace, io_bitmap_base;
} __attribute__((packed));

/* An IDT entry: a gate to the handler at offset_high:offset_low in @segment. */
struct gate_struct {
	u16 offset_low;
	u16 segment;
	u8 zero;
	u8 type_attr;       /* present | DPL | type */
	u16 offset_high;
} __attribute__((packed));
#define IDT_ENTRIES 256

/* One GDT and one TSS per CPU, as Linux 2.6 has (cpu_gdt_table, init_tss),
 * and one IDT for all (idt_table). */
extern struct desc_struct cpu_gdt_table[NR_CPUS][GDT_ENTRIES];
extern struct tss_struct init_tss[NR_CPUS];
extern struct gate_struct idt_table[IDT_ENTRIES];

void cpu_init(void);          /* load this CPU's GDT and TSS */
void trap_init(void);         /* build and load the IDT */

#endif /* _ASM_DESC_H */
