/*
 * tests/unit/include/asm/current.h - `current` on the host.
 *
 * The host unit tests run on the C library's stack, not on a kernel stack
 * with a struct thread_info at its base, so include/asm/current.h's esp
 * arithmetic would find nothing.  Here `current` is the task a test points
 * host_current_task at (tests/unit/host_stubs.c; host_init_task, "swapper",
 * until one does): test_mmap.c makes it the process whose heap sys_brk()
 * grows.
 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct task_struct;

extern struct task_struct host_init_task;
extern struct task_struct *host_current_task;

static inline struct task_struct *get_current(void)
{
	return host_current_task;
}

#define current get_current()

#endif /* _ASM_CURRENT_H */
