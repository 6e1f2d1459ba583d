/*
 * boot/user/stackcheck.c - the program usertests execs to read, word by
 * word, the stack execve() built for it (kernel/exec.c setup_stack()).
 *
 * crt0.asm passes argv = the entry esp + 4, so the words of the stack,
 * from the entry esp up, are sp[0], sp[1], ... with sp = argv - 1:
 *
 *   sp[0]                  argc
 *   sp[1 .. argc]          argv[0 .. argc-1]
 *   sp[argc + 1]           NULL                  even when argc is 0
 *   sp[argc + 2 ..]        envp[0 .. envc-1]
 *                          NULL                  even when envc is 0
 *                          AT_PAGESZ, 4096, AT_ENTRY, _start, AT_NULL, 0
 *   ...                    the strings, back to back, argv's then envp's
 *   0xbffffffc             4 zero bytes
 *
 * It works with any argv and envp, argv = {NULL} included (argc 0, so no
 * argument can tell it what to expect).  It exits with 10 * argc + envc
 * (both below 10) when the layout is right, so the parent checks the
 * counts, or with STACKCHECK_FAILED + the number of the first check in
 * check_stack() that failed (stackcheck.h).
 *
 * Mirrors: what a C library's startup code reads (glibc's
 * sysdeps/i386/start.S and _dl_aux_init()), laid out by 2.6.11's
 * fs/binfmt_elf.c create_elf_tables().
 */
#include <stdint.h>
#include <memlayout.h>      /* TASK_SIZE, PAGE_SIZE */
#include <linux/elf.h>      /* AT_NULL, AT_PAGESZ, AT_ENTRY */
#include "ulib.h"
#include "stackcheck.h"

#define MAX_ENVC          9

extern char _start[];

/* The string at @s, if it lies between @sp and the 4 zero bytes at the top
 * and starts at *@next (where the last one ended); moves *@next past it. */
static bool string_follows(const char *s, const uint32_t *sp, const char **next)
{
	if ((uintptr_t)s <= (uintptr_t)sp || (uintptr_t)s >= TASK_SIZE - 4)
		return false;
	if (*next && s != *next)
		return false;
	*next = s + strlen(s) + 1;
	return true;
}

static int check_stack(int argc, char **argv, char **envp)
{
	const uint32_t *sp = (const uint32_t *)argv - 1;
	const uint32_t *auxv;
	const char *next = NULL;
	int envc = 0;

	if ((uintptr_t)sp & 15)
		return 1;                       /* esp 16-byte aligned */
	if (sp[0] != (uint32_t)argc || argc > 9)
		return 2;                       /* argc below argv[0] */
	for (int i = 0; i < argc; i++)
		if (!string_follows(argv[i], sp, &next))
			return 3;               /* argv[i] back to back above sp */
	if (sp[argc + 1] != 0)
		return 4;                       /* argv's NULL */
	if (envp != (char **)&sp[argc + 2] || environ != envp)
		return 5;                       /* envp just past argv's NULL */
	for (; envp[envc]; envc++)
		if (envc == MAX_ENVC || !string_follows(envp[envc], sp, &next))
			return 6;               /* envp[i] back to back after argv's */
	auxv = (const uint32_t *)&envp[envc + 1];  /* past envp's NULL */
	if (auxv[0] != AT_PAGESZ || auxv[1] != PAGE_SIZE || auxv[2] != AT_ENTRY ||
	    auxv[3] != (uint32_t)_start || auxv[4] != AT_NULL || auxv[5] != 0)
		return 7;                       /* the auxiliary vector */
	if (next && next != (const char *)(TASK_SIZE - 4))
		return 8;                       /* the last string ends at the zero word */
	if (*(const uint32_t *)(TASK_SIZE - 4) != 0)
		return 9;
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	int failed = check_stack(argc, argv, envp);
	int envc = 0;

	if (failed)
		return STACKCHECK_FAILED + failed;
	while (envp[envc])
		envc++;
	return 10 * argc + envc;
}
