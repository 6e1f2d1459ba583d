/*
 * asm/posix_types.h - the widths of the types the system-call interface
 * shares with user space; linux/types.h names them (pid_t).
 *
 * Mirrors: include/asm-i386/posix_types.h (2.6.11), __kernel_pid_t only.
 */
#ifndef _ASM_POSIX_TYPES_H
#define _ASM_POSIX_TYPES_H

typedef int __kernel_pid_t;

#endif /* _ASM_POSIX_TYPES_H */
