/*
 * kernel/exit.c - how a task ends, and how its parent learns of it.
 *
 *   exit(3) / a fatal fault
 *     do_exit(): close its files, free its whole address space (pages,
 *                page tables, regions, page directory), give its children
 *                to pid 1, become a zombie, wake the parent, schedule()
 *                away for good;
 *   waitpid() in the parent
 *     do_wait(): find a zombie child, take its status, free what is left
 *                of it: the kernel stack and the task_struct.
 *
 * Nothing of a process outlives the waitpid() that reaps it: every page it
 * had, user pages, page tables, page directory, kernel stack, is back on
 * the buddy free lists.  The status is Linux's: (code & 0xff) << 8
 * for exit(code), the signal number for a process killed by one.
 *
 * kill(pid, sig) ends another process: with no signal handlers in this
 * kernel every signal is fatal, as the default action of SIGKILL, SIGTERM
 * and most others is.  The signal is left pending on the task; a sleeping
 * task is woken, and the task exits on its way back to user mode
 * (exit_to_user_mode()), never in the middle of a system call.
 *
 * Mirrors: kernel/exit.c do_exit(), exit_mm(), forget_original_parent(),
 * release_task(), wait_task_zombie(), do_wait(), sys_wait4(); kernel/signal.c
 * sys_kill() (2.6.11).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/irqflags.h>
#include <linux/wait.h>
#include <linux/syscalls.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>

void file_put(struct file *f);     /* kernel/proc.c */

/*
 * Drop the address space: first move to init_mm (swapper_pg_dir, which
 * holds the kernel half all page directories share), then free the old
 * one.  Linux keeps a dying task on its old mm (lazy TLB) and frees the
 * directory later, when no CPU uses it; here the task is the last user.
 */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	switch_mm(mm, &init_mm, tsk);
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	mmput(mm);
}

/* The children of a dying task become pid 1's (2.6: the child reaper). */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *p, *n;
	bool zombies = false;

	list_for_each_entry_safe(p, n, &tsk->children, sibling) {
		list_del(&p->sibling);
		p->parent = child_reaper;
		list_add_tail(&p->sibling, &child_reaper->children);
		zombies |= p->exit_state == EXIT_ZOMBIE;
	}
	if (zombies && child_reaper->in_wait)
		wake_up_process(child_reaper);
}

void do_exit(int code)
{
	struct task_struct *tsk = current;

	if (tsk == child_reaper || tsk == &init_task)
		panic("Attempted to kill %s! (exit code 0x%x)",
		      tsk == &init_task ? "the idle task" : "init", code);
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		if (tsk->files[fd])
			file_put(tsk->files[fd]);
		tsk->files[fd] = NULL;
	}
	exit_mm(tsk);
	local_irq_disable();
	forget_original_parent(tsk);
	tsk->exit_code = code;
	tsk->exit_state = EXIT_ZOMBIE;
	tsk->state = TASK_DEAD;
	if (tsk->parent->in_wait)
		wake_up_process(tsk->parent);
	schedule();
	BUG();                  /* a dead task is never picked again */
	for (;;)
		;
}

void do_exit_signal(int sig)
{
	do_exit(sig & 0x7f);
}

asmlinkage long sys_exit(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/* The zombie @p is gone for good: unlink it and free its stack. */
static void release_task(struct task_struct *p)
{
	list_del(&p->sibling);
	list_del(&p->tasks);
	free_task(p);
}

long do_wait(pid_t pid, int *status, int options)
{
	struct task_struct *tsk = current;

	for (;;) {
		struct task_struct *p, *found = NULL;
		bool any = false;
		u32 flags = local_irq_save();

		list_for_each_entry(p, &tsk->children, sibling) {
			if (pid != -1 && p->pid != pid)
				continue;
			any = true;
			if (p->exit_state == EXIT_ZOMBIE) {
				found = p;
				break;
			}
		}
		if (found) {
			pid_t reaped = found->pid;

			*status = found->exit_code;
			release_task(found);
			local_irq_restore(flags);
			return reaped;
		}
		if (!any || (options & WNOHANG)) {
			local_irq_restore(flags);
			return any ? 0 : -ECHILD;
		}
		if (tsk->pending_signal) {
			local_irq_restore(flags);
			return -EINTR;
		}
		/* Sleep until a child's exit wakes us.  Interrupts stay off
		 * from the search to the sleep, so no wake-up is missed. */
		tsk->state = TASK_INTERRUPTIBLE;
		tsk->in_wait = true;
		schedule();
		tsk->in_wait = false;
		local_irq_restore(flags);
	}
}

/* waitpid(pid, status, options): pid -1 is any child; 0 and < -1 (process
 * groups) are not supported and wait for any child too. */
asmlinkage long sys_waitpid(pid_t pid, int *stat_addr, int options)
{
	int status = 0;
	long ret;

	if (options & ~WNOHANG)
		return -EINVAL;
	ret = do_wait(pid > 0 ? pid : -1, &status, options);
	if (ret > 0 && stat_addr && copy_to_user(stat_addr, &status, sizeof(status)))
		return -EFAULT;
	return ret;
}

#define _NSIG 64

/* kill(pid, sig): 0 only asks whether @pid exists; 1-64 end it. */
asmlinkage long sys_kill(pid_t pid, int sig)
{
	struct task_struct *p;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	p = pid > 0 ? find_task_by_pid(pid) : NULL;
	if (!p || p->exit_state)
		return -ESRCH;
	if (!p->mm || p == child_reaper)
		return -EPERM;          /* kernel threads and init are not killed */
	if (sig && !p->pending_signal) {
		p->pending_signal = sig;
		wake_up_process(p);     /* from nanosleep or waitpid */
	}
	return 0;
}
