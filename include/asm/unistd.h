/*
 * asm/unistd.h - the system call numbers: the ABI between user programs
 * and the kernel, so one header for both.  The kernel's table
 * (arch/i386/kernel/syscall.c) is indexed by these names, and the user
 * library (boot/user/ulib.c) puts them in eax before int 0x80.
 *
 * The numbers are Linux i386's, so a program's strace reads the same
 * here as on a real 32-bit Linux; only the calls this kernel has are
 * listed, and the numbers between them have no entry (-ENOSYS).
 *
 * Plain #defines, no includes: user programs, compiled freestanding,
 * include this file as it is.
 *
 * Mirrors: include/asm-i386/unistd.h (2.6.11), the __NR_* list.
 */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

#define __NR_exit          1
#define __NR_fork          2
#define __NR_read          3
#define __NR_write         4
#define __NR_open          5
#define __NR_close         6
#define __NR_waitpid       7
#define __NR_execve       11
#define __NR_getpid       20
#define __NR_kill         37
#define __NR_brk          45
#define __NR_getppid      64
#define __NR_sethostname  74
#define __NR_uname       122      /* sys_newuname: struct new_utsname */
#define __NR_sched_yield 158
#define __NR_nanosleep   162

#endif /* _ASM_UNISTD_H */
