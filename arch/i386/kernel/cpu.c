/*
 * arch/i386/kernel/cpu.c - this CPU's GDT and TSS.
 *
 * Paging does the real protection work in this kernel; segments are flat
 * (base 0, limit 4 GB) and differ only in their privilege level: ring 0
 * for the kernel, ring 3 for user code.  The TSS matters for one field:
 * esp0, the kernel stack the CPU switches to when an interrupt or system
 * call arrives from ring 3 (claim S4: the stack changes, CR3 does not).
 *
 * Each CPU has its own GDT and TSS (cpu_gdt_table[cpu], init_tss[cpu]),
 * because each has its own TSS descriptor and esp0.
 *
 * Mirrors: arch/i386/kernel/cpu/common.c cpu_init(), head.S cpu_gdt_table.
 */
#include <linux/types.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <memlayout.h>

struct desc_struct cpu_gdt_table[NR_CPUS][GDT_ENTRIES] __attribute__((aligned(8)));
struct tss_struct init_tss[NR_CPUS];

extern char init_thread_union[];

/*
 * A flat 4 GB segment.  @type is the access byte: 0x9a ring-0 code,
 * 0x92 ring-0 data, 0xfa ring-3 code, 0xf2 ring-3 data.  Flags 0xc:
 * 4 KB granularity, 32-bit.
 *
 *   b: base 31..24 | flags | limit 19..16 | access | base 23..16
 *   a: base 15..0                         | limit 15..0
 */
static struct desc_struct flat_segment(u8 type)
{
	return (struct desc_struct){ .a = 0x0000ffff, .b = 0x00cf0000 | (type << 8) };
}

static struct desc_struct tss_segment(const struct tss_struct *tss)
{
	u32 base = (u32)(uintptr_t)tss, limit = sizeof(*tss) - 1;

	return (struct desc_struct){
		.a = (base << 16) | (limit & 0xffff),
		.b = (base & 0xff000000) | ((base >> 16) & 0xff) | 0x8900 |
		     (limit & 0xf0000),          /* 0x89: present, 32-bit TSS */
	};
}

struct desc_ptr {
	u16 size;
	u32 address;
} __attribute__((packed));

void cpu_init(void)
{
	int cpu = smp_processor_id();
	struct desc_struct *gdt = cpu_gdt_table[cpu];
	struct tss_struct *tss = &init_tss[cpu];
	struct desc_ptr gdt_descr = { GDT_ENTRIES * 8 - 1, (u32)(uintptr_t)gdt };

	gdt[GDT_ENTRY_KERNEL_CS] = flat_segment(0x9a);
	gdt[GDT_ENTRY_KERNEL_DS] = flat_segment(0x92);
	gdt[GDT_ENTRY_DEFAULT_USER_CS] = flat_segment(0xfa);
	gdt[GDT_ENTRY_DEFAULT_USER_DS] = flat_segment(0xf2);
	gdt[GDT_ENTRY_TSS] = tss_segment(tss);

	memset(tss, 0, sizeof(*tss));
	tss->ss0 = __KERNEL_DS;
	tss->esp0 = (u32)(uintptr_t)init_thread_union + THREAD_SIZE;
	tss->io_bitmap_base = sizeof(*tss);   /* beyond the limit: no I/O ports for ring 3 */

	asm volatile("lgdt %0" : : "m"(gdt_descr));
	/* Reload every segment register; a far jump reloads cs. */
	asm volatile("movl %0, %%ds\n\tmovl %0, %%es\n\tmovl %0, %%ss\n\t"
		     "movl %0, %%fs\n\tmovl %0, %%gs\n\t"
		     "ljmp %1, $1f\n1:"
		     : : "r"((u32)__KERNEL_DS), "i"(__KERNEL_CS) : "memory");
	asm volatile("ltr %w0" : : "r"((u16)__TSS_SEL));
}
