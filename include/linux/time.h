/*
 * linux/time.h - struct timespec, the time nanosleep() takes and gives
 * back.  Shared by the kernel (kernel/sched.c) and the user programs.
 *
 * Plain C, no includes: usable from freestanding user C.
 *
 * Mirrors: include/linux/time.h (2.6.11) struct timespec.
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;                         /* 0 .. 999999999 */
};

#endif /* _LINUX_TIME_H */
