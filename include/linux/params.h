/*
 * linux/params.h - the kernel command line.
 *
 * GRUB passes a string such as "selftest mem=512M"; it is split at spaces
 * (double quotes group), each word is "key" or "key=value", and each key is
 * looked up in a table of handlers.  Unknown keys are reported, not fatal.
 *
 * Mirrors: kernel/params.c parse_args(), next_arg(); lib/cmdline.c memparse().
 */
#ifndef _LINUX_PARAMS_H
#define _LINUX_PARAMS_H

#include <linux/types.h>

#define COMMAND_LINE_SIZE 256

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

#endif /* _LINUX_PARAMS_H */
