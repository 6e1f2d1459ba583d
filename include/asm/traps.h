/*
 * asm/traps.h - what the trap handlers share: the vector numbers, the oops
 * printer and the backtrace.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <linux/linkage.h>
#include <linux/types.h>
#include <asm/ptrace.h>

#define X86_TRAP_DE   0    /* divide error */
#define X86_TRAP_UD   6    /* invalid opcode (ud2: BUG) */
#define X86_TRAP_DF   8    /* double fault */
#define X86_TRAP_GP  13    /* general protection */
#define X86_TRAP_PF  14    /* page fault */
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
