/*
 * linux/wait.h - waitpid()'s options and status word, shared by the
 * kernel (kernel/exit.c packs the status) and the user programs (which
 * unpack it):
 *
 *   exit(code):        bits 15..8 = code & 0xff, bits 6..0 = 0
 *   killed by signal:  bits 6..0 = the signal's number (never 0 or 0x7f)
 *
 * Plain #defines, no includes: usable from freestanding user C.
 *
 * Mirrors: include/linux/wait.h (2.6.11) WNOHANG; the status macros are
 * glibc's (<bits/waitstatus.h>), which decode what Linux's do_exit() and
 * wait_task_zombie() store.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#define WNOHANG  1       /* return 0 at once if no child has ended */

#define WIFEXITED(s)    (((s) & 0x7f) == 0)
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WIFSIGNALED(s)  (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)     ((s) & 0x7f)

#endif /* _LINUX_WAIT_H */
