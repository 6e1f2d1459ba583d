/*
 * asm/current.h - `current`, the task running on this CPU.
 *
 * Every kernel stack is THREAD_SIZE bytes, aligned to THREAD_SIZE, with a
 * struct thread_info at its base (asm/thread_info.h).  So the running
 * task is found from esp alone: round it down to the stack's base and
 * follow thread_info->task.  One AND and one load, no global variable,
 * and it stays right when an SMP build runs one task per CPU.
 *
 * Mirrors: include/asm-i386/current.h get_current() (2.6.11).
 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <asm/thread_info.h>

static __always_inline struct task_struct *get_current(void)
{
	return current_thread_info()->task;
}

#define current get_current()

#endif /* _ASM_CURRENT_H */
