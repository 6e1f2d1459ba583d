/*
 * kernel/sys.c - the small system calls: who am I, what is this machine
 * called.
 *
 * sethostname() is the seeds' example of a system call that takes a user
 * pointer (U4): the name is copied with copy_from_user(), which checks
 * the range with access_ok() and turns a fault on an unmapped page into
 * -EFAULT.  Only a complete copy changes the host name: a name that runs
 * into an unmapped page leaves the old one untouched.
 *
 * Mirrors: kernel/sys.c sys_sethostname(), sys_newuname(); kernel/timer.c
 * sys_getpid(), sys_getppid() (2.6.11).  Omitted: capabilities (anyone
 * may set the host name), the uts namespace.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* What uname -a shows.  "Linux": programs test for it; the release says what we are. */
struct new_utsname system_utsname = {
	.sysname = "Linux",
	.nodename = "(none)",
	.release = "2.6.11-teaching",
	.version = "#1 i386 teaching kernel",
	.machine = "i686",
	.domainname = "(none)",
};

asmlinkage long sys_getpid(void)
{
	return current->pid;
}

asmlinkage long sys_getppid(void)
{
	return current->parent ? current->parent->pid : 0;
}

asmlinkage long sys_newuname(struct new_utsname *name)
{
	return copy_to_user(name, &system_utsname, sizeof(*name)) ? -EFAULT : 0;
}

asmlinkage long sys_sethostname(const char *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	memcpy(system_utsname.nodename, tmp, len);
	system_utsname.nodename[len] = 0;
	return 0;
}
