/*
 * linux/sched.h - tasks, and how the CPU is shared among them.
 *
 * A task is a kernel stack (asm/thread_info.h) plus a struct task_struct.
 * A user process is a task with an address space (mm); a kernel thread
 * has none and runs on swapper_pg_dir.  Task 0, the boot thread, becomes
 * the idle task: it runs only when nothing else can.
 *
 * Scheduling is round robin: every runnable task but idle waits on one
 * run queue; the PIT's tick takes one from the running task's time slice
 * (DEF_TIMESLICE ticks), and when it is used up, or the task sleeps,
 * yields or exits, schedule() switches to the task at the head of the
 * queue.  The kernel itself is not preemptive (2.6 without
 * CONFIG_PREEMPT): a switch forced by the tick happens only on the way
 * back to user mode.
 *
 * Switching tasks (context_switch()) loads the next task's page directory
 * into CR3, by its physical address (S3), points the TSS's esp0 at the top
 * of its kernel stack (where the CPU will put the pt_regs of its next
 * system call or interrupt from user mode, S4), and swaps the kernel
 * stacks (switch_to in entry.asm).
 *
 * Mirrors: include/linux/sched.h, kernel/sched.c (2.6.11), with the O(1)
 * scheduler's priority arrays reduced to one FIFO: no priorities, no nice.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/kernel.h>
#include <linux/linkage.h>
#include <asm/signal.h>          /* SIGKILL, SIGSEGV ... */
#include <linux/list.h>
#include <linux/mm_types.h>
#include <asm/current.h>        /* current */
#include <asm/thread_info.h>
#include <asm/ptrace.h>
#include <asm/timer.h>          /* HZ */

/* task->state */
#define TASK_RUNNING          0    /* on the run queue, or running */
#define TASK_INTERRUPTIBLE    1    /* asleep until woken (a timer, a child's exit) */
#define TASK_DEAD             64   /* exited: never runs again */
/* task->exit_state */
#define EXIT_ZOMBIE           16   /* exited, its parent has not waited yet */

#define PID_MAX               32768
#define TASK_COMM_LEN         16
#define DEF_TIMESLICE         (100 * HZ / 1000)     /* 100 ms, 2.6's default */
#define NR_OPEN_DEFAULT       16                    /* file descriptors per task */

struct file;

/* What switch_to saves: the kernel stack pointer of a task not running. */
struct thread_struct {
	unsigned long esp0;     /* top of its kernel stack: the TSS's esp0 */
	unsigned long esp;      /* saved esp, pointing at a switch frame */
};

struct task_struct {
	volatile long state;            /* TASK_RUNNING ... */
	struct thread_info *thread_info;/* its kernel stack's base */
	int exit_state;                 /* EXIT_ZOMBIE once it has exited */
	int exit_code;                  /* waitpid status: code << 8, or a signal */
	bool in_wait;                   /* in waitpid(): a child's exit wakes it */
	int pending_signal;             /* kill(): it exits before user mode */
	pid_t pid;
	char comm[TASK_COMM_LEN];       /* its program's name */
	struct task_struct *parent;
	struct list_head children;      /* its children, linked by sibling */
	struct list_head sibling;
	struct list_head tasks;         /* every task, from init_task */
	struct list_head run_list;      /* on the run queue while runnable */
	unsigned int time_slice;        /* ticks left */
	unsigned long timeout;          /* jiffies at which a sleep ends */
	struct list_head timer_list;    /* on the sleepers' list while it waits */
	struct mm_struct *mm;           /* its address space; NULL: kernel thread */
	struct mm_struct *active_mm;    /* the one CR3 shows while it runs */
	struct file *files[NR_OPEN_DEFAULT];
	struct thread_struct thread;
};

extern struct task_struct init_task;    /* pid 0: the boot thread, then idle */
extern struct mm_struct init_mm;        /* swapper_pg_dir, for kernel threads */
extern struct list_head task_list;      /* every task */
extern struct task_struct *child_reaper;/* pid 1: adopts orphans */

#define for_each_process(p) list_for_each_entry(p, &task_list, tasks)

static inline bool need_resched(void)
{
	return current_thread_info()->flags & (1ul << TIF_NEED_RESCHED);
}

/* The kernel stack's top: where the pt_regs of a user task's entries lie. */
static inline struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((unsigned long)p->thread_info + THREAD_SIZE) - 1;
}

void sched_init(void);
void schedule(void);
void wake_up_process(struct task_struct *p);
void scheduler_tick(void);              /* the timer interrupt, every tick */
/* Sleep for @ticks; returns the ticks left if woken early (never here: 0). */
long schedule_timeout(long ticks);
__attribute__((noreturn)) void cpu_idle(void);
/* On the way back to user mode: reschedule if the tick asked for it. */
void exit_to_user_mode(struct pt_regs *regs);
struct task_struct *find_task_by_pid(pid_t pid);

/* kernel/fork.c */
void fork_init(void);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name);
long do_fork(struct pt_regs *regs);
void free_task(struct task_struct *p);
extern unsigned long nr_forks;

/* kernel/exit.c */
__attribute__((noreturn)) void do_exit(int code);
/* Kill the current process for a bad access: SIGSEGV, as Linux's
 * force_sig(SIGSEGV) would with no handler installed. */
__attribute__((noreturn)) void do_exit_signal(int sig);
/* Wait for a child (@pid, or -1 for any) to exit; its status in *@status. */
long do_wait(pid_t pid, int *status, int options);   /* options: WNOHANG (linux/wait.h) */

/* kernel/exec.c: run program @name (a Multiboot2 module) in the current
 * task.  argv/envp are user pointers when @from_user, else kernel ones. */
long do_execve(const char *name, const char *const *argv,
	       const char *const *envp, struct pt_regs *regs, bool from_user);
/* A kernel thread becomes a user process: exec, then leave for user mode. */
int kernel_execve(const char *name, const char *const *argv, const char *const *envp);

/* arch/i386/kernel/process.c */
void copy_thread(struct task_struct *p, const struct pt_regs *regs);
void copy_kernel_thread(struct task_struct *p, int (*fn)(void *), void *arg);
void start_thread(struct pt_regs *regs, unsigned long eip, unsigned long esp);
void context_switch(struct task_struct *prev, struct task_struct *next);
/* entry.asm: save the callee-saved registers on this stack, store esp in
 * *@prev_esp, load @next_esp and pop the next task's. */
void switch_to_asm(unsigned long *prev_esp, unsigned long next_esp);
__attribute__((noreturn)) void ret_to_user(struct pt_regs *regs);

#endif /* _LINUX_SCHED_H */
