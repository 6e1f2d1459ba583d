/*
 * kernel/proc.c - file descriptors: the console, and /proc/PID/maps.
 *
 * There is no file system; a process has the console on descriptors 0, 1
 * and 2 (write() prints on it, read() finds nothing to read), and may
 * open one kind of file: "/proc/self/maps" or "/proc/<pid>/maps", the
 * list of a process's regions in Linux's format (mm_show_maps()).  Like
 * 2.6's seq_file with single_open(), the text is made once, at open(),
 * and read() hands it out piece by piece.
 *
 * A struct file is shared by fork (f_count), as Linux's are.
 *
 * Mirrors: fs/read_write.c sys_read(), sys_write(); fs/open.c sys_open(),
 * sys_close(); fs/proc/task_mmu.c; fs/seq_file.c single_open() (2.6.11).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

struct file {
	int f_count;             /* descriptors pointing here, in all tasks */
	char *text;              /* a /proc file's whole contents */
	size_t size, pos;
};

void file_get(struct file *f)
{
	f->f_count++;
}

void file_put(struct file *f)
{
	if (--f->f_count == 0) {
		kfree(f->text);
		kfree(f);
	}
}

/* The file behind @fd of the current task, NULL if none (0-2: console). */
static struct file *fget(int fd)
{
	if (fd < 0 || fd >= NR_OPEN_DEFAULT)
		return NULL;
	return current->files[fd];
}

#define CONSOLE_CHUNK 128

/*
 * write(fd, buf, count) on the console (descriptors 1 and 2): the bytes
 * are copied in CONSOLE_CHUNK at a time and printed.  A bad pointer
 * anywhere in the range is refused before anything is printed.
 */
asmlinkage long sys_write(int fd, const char *buf, size_t count)
{
	char chunk[CONSOLE_CHUNK];
	size_t done = 0;

	if (fd != 1 && fd != 2)
		return -EBADF;              /* not open, or open for reading only */
	if (!access_ok(buf, count))
		return -EFAULT;
	while (done < count) {
		size_t n = min(count - done, (size_t)CONSOLE_CHUNK);

		if (copy_from_user(chunk, buf + done, n))
			return done ? (long)done : -EFAULT;
		printk("%.*s", (int)n, chunk);
		done += n;
	}
	return (long)done;
}

asmlinkage long sys_read(int fd, char *buf, size_t count)
{
	struct file *f = fget(fd);
	size_t n;

	if (fd == 0)
		return 0;                   /* the console: nothing to read, end of file */
	if (!f)
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	n = min(count, f->size - f->pos);
	if (copy_to_user(buf, f->text + f->pos, n))
		return -EFAULT;
	f->pos += n;
	return (long)n;
}

/* "/proc/self/maps" or "/proc/<pid>/maps": that task, or NULL. */
static struct task_struct *proc_maps_task(const char *path)
{
	const char *p;
	pid_t pid = 0;

	if (strncmp(path, "/proc/", 6))
		return NULL;
	p = path + 6;
	if (!strncmp(p, "self/", 5)) {
		p += 5;
		pid = current->pid;
	} else {
		for (; *p >= '0' && *p <= '9' && pid < PID_MAX; p++)
			pid = pid * 10 + (*p - '0');
		if (*p++ != '/')
			return NULL;
	}
	if (strcmp(p, "maps"))
		return NULL;
	return find_task_by_pid(pid);
}

asmlinkage long sys_open(const char *upath, int flags, int mode)
{
	struct task_struct *tsk;
	struct file *f;
	char path[64];
	long n = strncpy_from_user(path, upath, sizeof(path));
	int fd;

	(void)mode;
	if (n < 0)
		return n;
	if (n == sizeof(path))
		return -ENAMETOOLONG;
	tsk = proc_maps_task(path);
	if (!tsk || tsk->exit_state)
		return -ENOENT;
	if (flags & 3)
		return -EACCES;             /* O_WRONLY, O_RDWR: read-only file */
	for (fd = 3; fd < NR_OPEN_DEFAULT && current->files[fd]; fd++)
		;
	if (fd == NR_OPEN_DEFAULT)
		return -EMFILE;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->f_count = 1;
	if (tsk->mm) {                      /* a kernel thread has no regions */
		size_t cap = PAGE_SIZE;

		for (;;) {                  /* grow the buffer until the text fits */
			f->text = kmalloc(cap, GFP_KERNEL);
			if (!f->text) {
				kfree(f);
				return -ENOMEM;
			}
			f->size = mm_show_maps(tsk->mm, f->text, cap);
			if (f->size + 1 < cap)
				break;
			kfree(f->text);
			cap *= 2;
		}
	}
	current->files[fd] = f;
	return fd;
}

asmlinkage long sys_close(int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	current->files[fd] = NULL;
	file_put(f);
	return 0;
}
