/*
 * kernel/fork.c - making tasks: fork() for processes, kernel_thread()
 * for the kernel's own.
 *
 * A new task gets an 8 KB kernel stack (two pages from the buddy
 * allocator, 8 KB-aligned because buddy blocks are aligned to their size:
 * so `current` works from esp, U3), a task_struct from the "task_struct"
 * slab cache, and a pid.  A forked process gets a copy of its parent's
 * address space: every region and every page, copied now (2.6 copies on
 * write instead; there is no COW here) into fresh GFP_HIGHUSER pages, and
 * its open files.  Then copy_thread() makes its first kernel stack so that
 * it starts by returning from the same fork() with 0.
 *
 * Mirrors: kernel/fork.c do_fork(), copy_process(), dup_task_struct(),
 * copy_mm(); kernel/pid.c alloc_pidmap() (2.6.11).  Omitted: clone flags,
 * threads, signals, credentials, namespaces.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>

static struct kmem_cache *task_struct_cachep;
static pid_t last_pid;
unsigned long nr_forks;

void __init fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct),
					       0, SLAB_HWCACHE_ALIGN);
	BUG_ON(!task_struct_cachep);
}

/* The next free pid after the last one given, wrapping at PID_MAX to 1. */
static pid_t alloc_pid(void)
{
	for (int tries = 0; tries < PID_MAX; tries++) {
		if (++last_pid >= PID_MAX)
			last_pid = 1;
		if (!find_task_by_pid(last_pid))
			return last_pid;
	}
	return -EAGAIN;
}

/* A task with its own kernel stack, linked nowhere yet, not runnable. */
static struct task_struct *alloc_task(const char *comm)
{
	struct task_struct *p = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	struct thread_info *ti;
	pid_t pid;

	if (!p)
		return NULL;
	ti = (struct thread_info *)__get_free_pages(GFP_KERNEL, get_order(THREAD_SIZE));
	if (!ti) {
		kmem_cache_free(task_struct_cachep, p);
		return NULL;
	}
	pid = alloc_pid();
	if (pid < 0) {
		free_pages((unsigned long)ti, get_order(THREAD_SIZE));
		kmem_cache_free(task_struct_cachep, p);
		return NULL;
	}
	memset(p, 0, sizeof(*p));
	*ti = (struct thread_info){ .task = p };
	p->thread_info = ti;
	p->pid = pid;
	p->state = TASK_INTERRUPTIBLE;      /* not on the run queue until woken */
	strlcpy(p->comm, comm, sizeof(p->comm));
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->timer_list);
	p->active_mm = &init_mm;
	return p;
}

void free_task(struct task_struct *p)
{
	free_pages((unsigned long)p->thread_info, get_order(THREAD_SIZE));
	kmem_cache_free(task_struct_cachep, p);
}

/* Link @p into the task list as a child of current and let it run. */
static pid_t start_task(struct task_struct *p)
{
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &task_list);
	nr_forks++;
	wake_up_process(p);
	return p->pid;
}

void file_get(struct file *f);     /* kernel/proc.c */

long do_fork(struct pt_regs *regs)
{
	struct task_struct *p = alloc_task(current->comm);

	if (!p)
		return -ENOMEM;
	p->mm = dup_mm(current->mm);
	if (!p->mm) {
		free_task(p);
		return -ENOMEM;
	}
	p->active_mm = p->mm;
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		p->files[fd] = current->files[fd];
		if (p->files[fd])
			file_get(p->files[fd]);
	}
	copy_thread(p, regs);
	return start_task(p);
}

/* The caller's registers are the pt_regs at the top of its kernel stack. */
asmlinkage long sys_fork(void)
{
	return do_fork(task_pt_regs(current));
}

pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = alloc_task(name);

	if (!p)
		return -ENOMEM;
	copy_kernel_thread(p, fn, arg);
	return start_task(p);
}
