/*
 * asm/signal.h - signal numbers, Linux i386's, shared by the kernel and
 * the user programs.
 *
 * There are no handlers in this kernel: every signal kills, as the
 * default action of most does.  The numbers matter because the parent
 * reads them in its waitpid() status (WTERMSIG(), linux/wait.h) and
 * kill() takes them.  Only those the kernel sends are named.
 *
 * Plain #defines, no includes: usable from freestanding user C.
 *
 * Mirrors: include/asm-i386/signal.h (2.6.11), the SIG* numbers.
 */
#ifndef _ASM_SIGNAL_H
#define _ASM_SIGNAL_H

#define SIGILL      4     /* invalid opcode */
#define SIGTRAP     5     /* int3 */
#define SIGBUS      7     /* alignment check */
#define SIGFPE      8     /* divide error */
#define SIGKILL     9     /* out of memory, kill() */
#define SIGSEGV    11     /* a bad access */

#endif /* _ASM_SIGNAL_H */
