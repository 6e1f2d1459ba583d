/*
 * linux/params.h - the kernel command line.
 *
 * GRUB passes a string such as "selftest mem=512M"; it is split at spaces
 * (double quotes group), each word is "key" or "key=value", and each key is
 * looked up in a table of handlers.  Unknown keys are reported, not fatal.
 *
 * The boot's table is not written in one place: each file that owns a
 * switch declares it beside its handler with __setup(), and the linker
 * gathers the entries (linker.ld's .init.setup).  So the self-test build
 * adds "selftest" and "bench" (in the self-tests' own code) and the kernel
 * that make run boots has no such switch.
 *
 * Mirrors: kernel/params.c parse_args(), next_arg(); lib/cmdline.c memparse();
 * include/linux/init.h __setup(); init/main.c __setup_start (2.6.11).
 */
#ifndef _LINUX_PARAMS_H
#define _LINUX_PARAMS_H

#include <linux/types.h>

/* As 2.6.23 (256 before): a longer line is cut before its last whole word. */
#define COMMAND_LINE_SIZE 2048

struct kernel_param {
	const char *name;
	/* @val is NULL for a bare "key"; returns 0 or -EINVAL. */
	int (*set)(const char *val);
};

/*
 * parse_args - split @args in place and call each word's handler.
 * Returns the number of words that were unknown or rejected (each is
 * reported as "<doing>: unknown parameter 'x'" or "... bad value").
 */
int parse_args(const char *doing, char *args,
	       const struct kernel_param *params, unsigned int num);

/*
 * copy_command_line - copy @src into @dst (@size bytes) without cutting a
 * word: if @src does not fit, the word the cut would split is dropped too.
 * Returns how many characters of @src were left out (0 if all fit).
 */
size_t copy_command_line(char *dst, const char *src, size_t size);

/*
 * __setup - @fn handles the boot switch @str.  The entry goes to the
 * .init.setup section, between __setup_start and __setup_end, which
 * setup_arch() passes to parse_args(); like all of .init, it is freed
 * after the boot.
 */
#define __setup(str, fn)						\
	static const struct kernel_param __setup_##fn			\
	__attribute__((used, section(".init.setup"), aligned(sizeof(long)))) = { str, fn }

extern const struct kernel_param __setup_start[], __setup_end[];

#endif /* _LINUX_PARAMS_H */
