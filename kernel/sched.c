/*
 * kernel/sched.c - sharing the CPU: the run queue, schedule(), sleeping
 * and waking, the idle task.
 *
 *   runqueue:  head -> A -> B -> C -> (back to head)      FIFO of runnable tasks
 *
 * schedule() puts the running task (if still runnable) at the tail and
 * switches to the task at the head; with nothing runnable it runs the
 * idle task, which halts until an interrupt.  The timer tick takes one
 * tick from the running task's time slice; at zero it sets
 * TIF_NEED_RESCHED, and the return to user mode (exit_to_user_mode())
 * calls schedule().  A task that sleeps (nanosleep, waitpid) takes itself
 * off the queue by setting its state and calling schedule();
 * wake_up_process() puts it back.
 *
 * Everything that touches the queue runs with interrupts off: the tick
 * wakes sleepers from an interrupt, and there is one CPU.  (SMP will need
 * a run queue and a lock per CPU, as 2.6 has.)
 *
 * Mirrors: kernel/sched.c schedule(), scheduler_tick(), wake_up_process(),
 * sys_sched_yield(); kernel/timer.c schedule_timeout(), sys_nanosleep()
 * (2.6.11).  Omitted: priorities, nice, the O(1) arrays, load balancing.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <trace/events/sched.h>
#include <asm/uaccess.h>

extern union thread_union init_thread_union;

struct mm_struct init_mm = { .pgd = swapper_pg_dir };

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.thread_info = &init_thread_union.thread_info,
	.pid = 0,
	.comm = "swapper",
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.timer_list = LIST_HEAD_INIT(init_task.timer_list),
	.active_mm = &init_mm,
};

LIST_HEAD(task_list);
static LIST_HEAD(runqueue);
static LIST_HEAD(sleepers);       /* tasks in schedule_timeout(), any order */
struct task_struct *child_reaper = &init_task;

/* The boot thread becomes task 0: its stack is init_thread_union. */
void sched_init(void)
{
	init_thread_union.thread_info.task = &init_task;
	init_thread_union.thread_info.cpu = smp_processor_id();
	init_task.thread.esp0 = (unsigned long)&init_thread_union + THREAD_SIZE;
	list_add_tail(&init_task.tasks, &task_list);
}

static void enqueue_task(struct task_struct *p)
{
	list_add_tail(&p->run_list, &runqueue);
}

static void dequeue_task(struct task_struct *p)
{
	list_del_init(&p->run_list);
}

/* Make @p runnable.  If the idle task is running, it must give way. */
void wake_up_process(struct task_struct *p)
{
	u32 flags = local_irq_save();

	if (p->state == TASK_INTERRUPTIBLE) {
		p->state = TASK_RUNNING;
		enqueue_task(p);
		if (current == &init_task)
			set_tsk_need_resched_ti(current_thread_info());
	}
	local_irq_restore(flags);
}

void schedule(void)
{
	u32 flags = local_irq_save();
	struct task_struct *prev = current, *next;

	current_thread_info()->flags &= ~(1ul << TIF_NEED_RESCHED);
	if (prev != &init_task) {
		dequeue_task(prev);
		if (prev->state == TASK_RUNNING)
			enqueue_task(prev);          /* round robin: to the back */
	}
	next = list_empty(&runqueue) ? &init_task :
	       list_entry(runqueue.next, struct task_struct, run_list);
	if (!next->time_slice)
		next->time_slice = DEF_TIMESLICE;
	if (next != prev) {
		trace_sched_switch(prev, next);
		context_switch(prev, next);
	}
	local_irq_restore(flags);
}

/* The timer interrupt: wake the sleepers whose time has come, and
 * charge the running task one tick. */
void scheduler_tick(void)
{
	struct task_struct *p, *n;
	struct task_struct *curr = current;

	list_for_each_entry_safe(p, n, &sleepers, timer_list) {
		if ((long)(jiffies - p->timeout) >= 0) {
			list_del_init(&p->timer_list);
			wake_up_process(p);
		}
	}
	if (curr == &init_task)
		return;
	if (curr->time_slice)
		curr->time_slice--;
	if (!curr->time_slice)
		set_tsk_need_resched_ti(current_thread_info());
}

long schedule_timeout(long ticks)
{
	u32 flags = local_irq_save();
	long left;

	current->timeout = jiffies + ticks;
	list_add_tail(&current->timer_list, &sleepers);
	current->state = TASK_INTERRUPTIBLE;
	schedule();
	list_del_init(&current->timer_list);    /* if woken by something else */
	left = (long)(current->timeout - jiffies);
	local_irq_restore(flags);
	return left > 0 ? left : 0;
}

void exit_to_user_mode(struct pt_regs *regs)
{
	(void)regs;
	while (need_resched())
		schedule();
	if (current->pending_signal)
		do_exit_signal(current->pending_signal);
}

/*
 * The idle task: halt until an interrupt, then run whatever it made
 * runnable.  "sti; hlt" is one step: an interrupt cannot slip in between
 * and be missed (sti takes effect after the next instruction).
 */
void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (!need_resched())
			asm volatile("sti; hlt" : : : "memory");
		else
			schedule();
	}
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}

/* ---- system calls ---- */

asmlinkage long sys_sched_yield(void)
{
	schedule();
	return 0;
}

#define NSEC_PER_SEC 1000000000L

/*
 * nanosleep(req, rem): sleep at least *req, rounded up to whole ticks
 * (10 ms at HZ 100), as 2.6 does.  Nothing here interrupts a sleep, so
 * *rem is never written.
 */
asmlinkage long sys_nanosleep(const struct timespec *rqtp, struct timespec *rmtp)
{
	struct timespec t;
	unsigned long ticks;

	(void)rmtp;
	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (t.tv_nsec < 0 || t.tv_nsec >= NSEC_PER_SEC || t.tv_sec < 0)
		return -EINVAL;
	if ((unsigned long)t.tv_sec > 1000000)
		t.tv_sec = 1000000;                 /* 11 days: ample */
	ticks = (unsigned long)t.tv_sec * HZ +
		((unsigned long)t.tv_nsec + NSEC_PER_SEC / HZ - 1) / (NSEC_PER_SEC / HZ);
	/* +1: the current tick is partly gone.  Loop: a wake-up for another
	 * reason must not cut the sleep short. */
	for (long left = ticks ? (long)ticks + 1 : 0; left > 0; ) {
		if (current->pending_signal)
			return -EINTR;      /* killed: it exits on the way out */
		left = schedule_timeout(left);
	}
	return 0;
}
