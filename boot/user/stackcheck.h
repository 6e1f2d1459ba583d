/*
 * boot/user/stackcheck.h - the exit status of boot/user/stackcheck, which
 * usertests execs and reaps: 10 * argc + envc when the stack execve()
 * built is laid out as Linux lays it out, else STACKCHECK_FAILED + the
 * number of the first check in stackcheck.c check_stack() that failed.
 */
#ifndef _USER_STACKCHECK_H
#define _USER_STACKCHECK_H

#define STACKCHECK_FAILED 100

#endif /* _USER_STACKCHECK_H */
