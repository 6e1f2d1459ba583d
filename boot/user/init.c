/*
 * boot/user/init.c - the first user process (pid 1), as /sbin/init is
 * Linux's.  Here it is a short tour of what a process can do, each step
 * one system call or two, printed as it goes:
 *
 *   1. say hello with its pid (getpid);
 *   2. grow its heap by 64 KB (brk) and touch every page, which the kernel
 *      maps on demand, zero-filled;
 *   3. fork a child, which prints its pid and its parent's and exits 7;
 *      wait for it (waitpid) and print its status;
 *   4. print its own address space, /proc/self/maps (open, read, write),
 *      where the heap of step 2 shows as [heap];
 *   5. sleep forever: pid 1 must never exit.  Orphans are the kernel's to
 *      reap here, not init's, so there is nothing else to wait for.
 *
 * crt0.asm calls main(argc, argv, envp); init needs none of them, and
 * main(void) is a valid way for C to say so.
 */
#include <memlayout.h>      /* PAGE_SIZE */
#include "ulib.h"

#define HEAP_GROWTH (64 << 10)

/* Step 2. */
static void grow_heap(void)
{
	char *start = brk(NULL), *end = brk(start + HEAP_GROWTH);

	if (end != start + HEAP_GROWTH) {
		printf("init: brk(%p) refused; the break stays at %p\n",
		       start + HEAP_GROWTH, end);
		return;
	}
	for (char *p = start; p < end; p += PAGE_SIZE)
		*p = 1;                 /* the first touch of each page faults it in */
	printf("init: heap %p-%p: 64 KB from brk(), every page touched\n", start, end);
}

/* Step 3. */
static void fork_and_wait(void)
{
	int status, pid = fork();

	if (pid < 0) {
		printf("init: fork failed: %d\n", pid);
		return;
	}
	if (pid == 0) {
		printf("init: child: pid %d, parent %d; exiting with 7\n", getpid(), getppid());
		exit(7);
	}
	if (waitpid(pid, &status, 0) != pid)
		printf("init: waitpid(%d) failed\n", pid);
	else if (WIFEXITED(status))
		printf("init: child %d exited with %d (status 0x%04x)\n",
		       pid, WEXITSTATUS(status), status);
	else
		printf("init: child %d killed by signal %d\n", pid, WTERMSIG(status));
}

/* Step 4: copy the file to fd 1, a buffer at a time. */
static void cat(const char *path)
{
	char buf[512];
	int fd = open(path, O_RDONLY), n;

	if (fd < 0) {
		printf("init: open(%s) failed: %d\n", path, fd);
		return;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
}

int main(void)
{
	printf("init: hello from user space (pid %d)\n", getpid());
	grow_heap();
	fork_and_wait();
	printf("init: /proc/self/maps:\n");
	cat("/proc/self/maps");
	printf("init: nothing more to do; sleeping\n");
	for (;;)
		sleep_ms(1000);
}
