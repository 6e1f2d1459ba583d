/*
 * asm/processor.h - control registers, the TLB, cpuid, rdtsc, and the CPU
 * state the kernel keeps per CPU.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <linux/types.h>
#include <linux/smp.h>
#include <asm/irqflags.h>     /* local_irq_save(), local_irq_disable() ... */

#define X86_CR0_PE  0x00000001   /* protected mode */
#define X86_CR0_WP  0x00010000   /* ring 0 honours read-only pages */
#define X86_CR0_PG  0x80000000   /* paging */
#define X86_CR4_PSE 0x00000010   /* 4 MB pages */
#define X86_CR4_PGE 0x00000080   /* global pages */

#define X86_EFLAGS_IF 0x00000200
#define X86_EFLAGS_ID 0x00200000   /* writable only if the CPU has CPUID */

static inline u32 read_cr2(void) { u32 v; asm volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline u32 read_cr3(void) { u32 v; asm volatile("mov %%cr3, %0" : "=r"(v)); return v; }
static inline u32 read_cr4(void) { u32 v; asm volatile("mov %%cr4, %0" : "=r"(v)); return v; }
static inline void write_cr3(u32 v) { asm volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
static inline void write_cr4(u32 v) { asm volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }

/* Reloading CR3 flushes every non-global TLB entry. */
static inline void __flush_tlb(void) { write_cr3(read_cr3()); }

/*
 * Flush everything, global entries too: toggling CR4.PGE drops them
 * (Intel SDM 4.10.4.1); without PGE a CR3 reload is enough.
 */
static inline void __flush_tlb_all(void)
{
	u32 cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		__flush_tlb();
	}
}

/* Flush the TLB entry of one page. */
static inline void __flush_tlb_one(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;
	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void cpuid(u32 op, u32 *a, u32 *b, u32 *c, u32 *d)
{
	asm volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(op), "c"(0));
}

#define X86_FEATURE_PSE (1u << 3)    /* CPUID 1, edx: 4 MB pages */
#define X86_FEATURE_PGE (1u << 13)   /* CPUID 1, edx: global pages */
#define X86_FEATURE_APIC (1u << 9)   /* CPUID 1, edx: an on-chip local APIC */
#define X86_FEATURE_TSC (1u << 4)    /* CPUID 1, edx: rdtsc */
#define X86_FEATURE_CMOV (1u << 15)  /* CPUID 1, edx: cmov, which -march=i686 lets gcc use */

static inline u32 cpuid_edx(u32 op)
{
	u32 a, b, c, d;

	cpuid(op, &a, &b, &c, &d);
	return d;
}

/*
 * Read model-specific register @msr (edx:eax), Intel SDM vol. 4.  2.6.11
 * writes this rdmsr(msr, low, high); later kernels native_read_msr(msr).
 */
static inline u64 native_read_msr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void halt(void)              { asm volatile("hlt" : : : "memory"); }

#endif /* _ASM_PROCESSOR_H */
