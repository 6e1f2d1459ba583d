/*
 * asm/traps.h - what the trap handlers share: the vector numbers, the oops
 * printer and the backtrace.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <linux/linkage.h>
#include <linux/types.h>
#include <asm/ptrace.h>

/*
 * The exception vectors the CPU defines (Intel SDM vol. 3, 6.3.1).  The
 * names are later Linux's (its enum in arch/x86/include/asm/traps.h);
 * 2.6.11 spelt the numbers out in traps.c and entry.S.  entry.asm builds its
 * stubs from these through asm-offsets.
 */
#define X86_TRAP_DE         0    /* divide error */
#define X86_TRAP_DB         1    /* debug */
#define X86_TRAP_NMI        2    /* non-maskable interrupt */
#define X86_TRAP_BP         3    /* int3 */
#define X86_TRAP_OF         4    /* overflow */
#define X86_TRAP_BR         5    /* bound range exceeded */
#define X86_TRAP_UD         6    /* invalid opcode (ud2: BUG) */
#define X86_TRAP_NM         7    /* device not available */
#define X86_TRAP_DF         8    /* double fault */
#define X86_TRAP_OLD_MF     9    /* coprocessor segment overrun */
#define X86_TRAP_TS        10    /* invalid TSS */
#define X86_TRAP_NP        11    /* segment not present */
#define X86_TRAP_SS        12    /* stack segment */
#define X86_TRAP_GP        13    /* general protection */
#define X86_TRAP_PF        14    /* page fault */
#define X86_TRAP_SPURIOUS  15    /* reserved */
#define X86_TRAP_MF        16    /* x87 floating point error */
#define X86_TRAP_AC        17    /* alignment check */
#define X86_TRAP_MC        18    /* machine check */
#define X86_TRAP_XF        19    /* SIMD floating point */
#define X86_TRAP_VE        20    /* virtualization */
#define X86_TRAP_CP        21    /* control protection */
#define FIRST_EXTERNAL_VECTOR 0x20    /* IRQ 0 of the remapped PIC */
#define NR_IRQS 16
#define SYSCALL_VECTOR 0x80        /* int 0x80 (U2) */

asmlinkage void do_trap(struct pt_regs *regs);   /* called by entry.asm */
void do_page_fault(struct pt_regs *regs, u32 error_code);
void do_IRQ(unsigned int irq, struct pt_regs *regs);
void do_syscall(struct pt_regs *regs);        /* arch/i386/kernel/syscall.c */
/* A user-mode exception: report it and kill the process. */
void user_trap(const char *str, struct pt_regs *regs);

/* Print an oops for @regs ("<str>: <err> [#n]", registers, backtrace) and panic. */
__attribute__((noreturn)) void die(const char *str, struct pt_regs *regs, u32 err);
void show_registers(const struct pt_regs *regs);
/* Print "Call Trace:" by following the frame pointers from @ebp. */
void show_trace(unsigned long ebp);

#endif /* _ASM_TRAPS_H */
