/*
 * linux/syscalls.h - the system calls, as the table in
 * arch/i386/kernel/syscall.c calls them and as the files that define them
 * declare them: one prototype each, so that a definition and the table
 * cannot disagree.  The numbers are asm/unistd.h's.
 *
 * Mirrors: include/linux/syscalls.h (2.6).
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/linkage.h>
#include <linux/types.h>

struct timespec;
struct new_utsname;

asmlinkage long sys_exit(int error_code);                       /* kernel/exit.c */
asmlinkage long sys_fork(void);                                 /* kernel/fork.c */
asmlinkage long sys_read(int fd, char *buf, size_t count);      /* kernel/proc.c */
asmlinkage long sys_write(int fd, const char *buf, size_t count);
asmlinkage long sys_open(const char *path, int flags, int mode);
asmlinkage long sys_close(int fd);
asmlinkage long sys_waitpid(pid_t pid, int *stat_addr, int options);   /* kernel/exit.c */
asmlinkage long sys_kill(pid_t pid, int sig);
asmlinkage long sys_execve(const char *name, const char *const *argv,
			   const char *const *envp);            /* kernel/exec.c */
asmlinkage long sys_getpid(void);                               /* kernel/sys.c */
asmlinkage unsigned long sys_brk(unsigned long brk);            /* mm/mmap.c */
asmlinkage long sys_getppid(void);                              /* kernel/sys.c */
asmlinkage long sys_sethostname(const char *name, int len);
asmlinkage long sys_newuname(struct new_utsname *name);
asmlinkage long sys_sched_yield(void);                          /* kernel/sched.c */
asmlinkage long sys_nanosleep(const struct timespec *rqtp, struct timespec *rmtp);

#endif /* _LINUX_SYSCALLS_H */
