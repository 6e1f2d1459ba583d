/*
 * asm/thread_info.h - what sits at the base of every kernel stack (U3).
 *
 * Each task has a kernel stack of THREAD_SIZE (8 KB) bytes, aligned to
 * 8 KB.  Its lowest bytes hold struct thread_info; the stack grows down
 * from the top towards it:
 *
 *   base + 8 KB  +-----------------------+ <- tss.esp0 while the task runs
 *                | struct pt_regs        |    saved by int 0x80 / a trap
 *                | ... kernel frames ... |
 *                |         |             |
 *                |         v             |
 *                +-----------------------+
 *   base         | struct thread_info    | <- esp & ~(THREAD_SIZE - 1)
 *                +-----------------------+
 *
 * So `current` costs one AND and one load: round esp down to 8 KB and
 * follow thread_info->task.  Linux 2.4 kept the whole task_struct at the
 * base; 2.6 (followed here) keeps this small struct there and the
 * task_struct in its own slab cache.
 *
 * Mirrors: include/asm-i386/thread_info.h (2.6.11).
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#include <linux/kernel.h>
#include <memlayout.h>

struct task_struct;

struct thread_info {
	struct task_struct *task;     /* the task this stack belongs to */
	unsigned long flags;          /* TIF_* bits */
	u32 cpu;                      /* the CPU it runs on */
};

#define TIF_NEED_RESCHED  0       /* schedule() before returning to user mode */

union thread_union {
	struct thread_info thread_info;
	unsigned long stack[THREAD_SIZE / sizeof(unsigned long)];
};

static __always_inline struct thread_info *current_thread_info(void)
{
	unsigned long sp;

	asm("movl %%esp, %0" : "=r"(sp));
	return (struct thread_info *)(sp & ~(unsigned long)(THREAD_SIZE - 1));
}

static inline void set_tsk_need_resched_ti(struct thread_info *ti)
{
	ti->flags |= 1ul << TIF_NEED_RESCHED;
}

#endif /* _ASM_THREAD_INFO_H */
