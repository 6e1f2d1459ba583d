/*
 * asm/ptrace.h - struct pt_regs, the registers saved on the kernel stack by
 * every trap, interrupt and (later) system call, in the order
 * arch/i386/kernel/entry.asm pushes them.
 *
 *   high addresses   xss, esp      pushed by the CPU only on a ring 3 -> 0 entry
 *                    eflags, xcs, eip        pushed by the CPU
 *                    error_code              by the CPU, or 0 by the stub
 *                    trapnr                  vector number, by the stub
 *                    xes, xds, eax ... ebx   by the common entry code
 *   low addresses    <- esp when the C handler is called with &regs
 *
 * Linux 2.6.11 has the same order from ebx up to xes; where it keeps the
 * error code in orig_eax we keep the vector and the error code apart, which
 * reads more easily.  For int 0x80 the error_code slot holds the system
 * call's number as it came in (Linux's orig_eax: eax itself is
 * overwritten by the result).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <linux/types.h>

struct pt_regs {
	u32 ebx, ecx, edx, esi, edi, ebp, eax;
	u32 xds, xes;
	u32 trapnr;
	u32 error_code;
	u32 eip, xcs, eflags;
	u32 esp, xss;          /* valid only when the trap came from ring 3 */
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->xcs & 3) == 3;
}

/*
 * The stack pointer at the time of the trap.  From ring 0 the CPU pushed no
 * esp/ss, so the old stack is right where regs->esp would have been.
 */
static inline u32 trap_sp(const struct pt_regs *regs)
{
	return user_mode(regs) ? regs->esp : (u32)(uintptr_t)&regs->esp;
}

#endif /* _ASM_PTRACE_H */
