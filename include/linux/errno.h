/*
 * linux/errno.h - the error numbers this kernel returns, with Linux's
 * values.  The user programs include it too (boot/user/ulib.h): a system
 * call returns -EFAULT, and the caller compares with the same name.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM    1	/* Operation not permitted */
#define ENOENT   2	/* No such file or directory */
#define ESRCH    3	/* No such process */
#define EINTR    4	/* Interrupted system call */
#define EIO      5	/* I/O error */
#define E2BIG    7	/* Argument list too long */
#define ENOEXEC  8	/* Exec format error */
#define EBADF    9	/* Bad file number */
#define ECHILD  10	/* No child processes */
#define EAGAIN  11	/* Try again */
#define ENOMEM  12	/* Out of memory */
#define EACCES  13	/* Permission denied */
#define EFAULT  14	/* Bad address */
#define EBUSY   16	/* Device or resource busy */
#define EEXIST  17	/* File exists */
#define EINVAL  22	/* Invalid argument */
#define EMFILE  24	/* Too many open files */
#define ENOSPC  28	/* No space left on device */
#define ERANGE  34	/* Math result not representable */
#define ENAMETOOLONG 36	/* File name too long */
#define ENOSYS  38	/* Function not implemented */

#endif /* _LINUX_ERRNO_H */
