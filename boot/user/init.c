/*
 * boot/user/init.c - the first user process (pid 1), as /sbin/init is
 * Linux's.  For now it only proves that it runs in user space: one line
 * through write(), then exit(0).
 *
 * crt0.asm calls main(argc, argv, envp); init needs none of them, and
 * main(void) is a valid way for C to say so.
 */
#include "ulib.h"

int main(void)
{
	printf("init: hello from user space (pid %d)\n", getpid());
	return 0;
}
