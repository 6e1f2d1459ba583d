/*
 * kernel/params.c - split the kernel command line into words and hand each
 * "key=value" (or bare "key") to the handler registered for the key.
 *
 * GRUB gives us one string, e.g.   selftest mem=512M "msg=hello world"
 * It is cut in place: each word is NUL-terminated where it stands and the
 * double quotes are squeezed out, so no copy and no allocator is needed.
 * Problems (an unknown key, a value its handler refuses) are printed and
 * counted, never fatal: a typo on the command line should not stop a boot.
 *
 * A command line longer than COMMAND_LINE_SIZE is cut by copy_command_line()
 * at a word boundary, so no handler ever sees half a word ("mem=5" of
 * "mem=512M").
 *
 * Mirrors: kernel/params.c parse_args(), next_arg(), parse_one() (2.6).
 * Linux copies the loader's line with a plain cut at COMMAND_LINE_SIZE
 * (2.6.23: head.S, then strlcpy() in setup_arch()), mid-word; we drop the
 * cut word instead.
 * Omitted: module parameters ("module.key"), '-' and '_' being the same in
 * key names, typed parameter ops (param_set_int ...), the "--" separator.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/params.h>

static bool param_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * next_arg - cut the word at @args (no leading space) in place, removing
 * double quotes; a quote makes spaces part of the word until the next one.
 * Returns where the following word starts, past any spaces.
 *
 *   before:  k e y = " a _ b " _ n e x t      (_ is a space, @ is NUL)
 *   after:   k e y = a _ b @ " _ n e x t
 *            ^ word              ^ returned
 *
 * The write pointer never passes the read pointer, so nothing unread is
 * overwritten.  An unmatched quote runs to the end of the string.
 */
static char *next_arg(char *args)
{
	char *r = args, *w = args;
	bool in_quote = false;

	while (*r && (in_quote || !param_isspace(*r))) {
		if (*r == '"')
			in_quote = !in_quote;
		else
			*w++ = *r;
		r++;
	}
	if (*r)
		r++;            /* step over the space that ended the word */
	*w = '\0';
	while (param_isspace(*r))
		r++;
	return r;
}

/* parse_one - find @key in @params and call its handler; 0 or -errno. */
static int parse_one(const char *doing, const char *key, const char *val,
		     const struct kernel_param *params, unsigned int num)
{
	unsigned int i;

	for (i = 0; i < num; i++) {
		if (strcmp(params[i].name, key) != 0)
			continue;
		if (params[i].set(val) == 0)
			return 0;
		printk("%s: bad value '%s' for parameter '%s'\n",
		       doing, val ? val : "", key);
		return -1;
	}
	printk("%s: unknown parameter '%s' ignored\n", doing, key);
	return -1;
}

/**
 * parse_args - split @args in place and call the handler of each word.
 * @doing:  what we are parsing, for messages ("Booting kernel").
 * @args:   the writable command line; NULL or empty is fine.
 * @params, @num: the handlers, matched by exact name.
 *
 * A word "key=value" passes "value" (split at the first '='), a bare "key"
 * passes NULL, "key=" passes "".  Words empty after quote removal are
 * skipped.  Returns the number of words that were unknown or refused.
 */
int parse_args(const char *doing, char *args,
	       const struct kernel_param *params, unsigned int num)
{
	char *word, *val;
	int problems = 0;

	if (!args)
		return 0;
	while (param_isspace(*args))
		args++;
	while (*args) {
		word = args;
		args = next_arg(args);
		if (!*word)
			continue;
		val = strchr(word, '=');
		if (val)
			*val++ = '\0';
		if (parse_one(doing, word, val, params, num))
			problems++;
	}
	return problems;
}

/**
 * copy_command_line - copy the boot loader's command line, whole words only.
 * @dst:  COMMAND_LINE_SIZE (or @size) bytes, NUL-terminated on return.
 * @src:  the loader's string, of any length.
 * @size: the size of @dst, at least 1.
 *
 * If @src fits, it is copied whole.  Otherwise only size - 1 characters
 * could be kept, and the copy ends at the last space (outside double
 * quotes, as next_arg() reads them) at or before the cut:
 *
 *   src:  s e l f t e s t _ m e m = 5 1 2 M      (_ is a space)
 *   size 14 keeps 13:  s e l f t e s t _ m e m = | 5 1 2 M
 *   dst:  s e l f t e s t            "mem=512M" dropped, not read as mem=
 *
 * Returns the number of characters of @src left out, 0 if none.
 */
size_t copy_command_line(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src), keep = 0, i;
	bool in_quote = false;

	if (len < size) {
		memcpy(dst, src, len + 1);
		return 0;
	}
	/* src[size - 1] is the first character that does not fit: a space
	 * there means the kept part ends with a whole word. */
	for (i = 0; i < size; i++) {
		if (!in_quote && param_isspace(src[i]))
			keep = i;
		if (src[i] == '"')
			in_quote = !in_quote;
	}
	memcpy(dst, src, keep);
	dst[keep] = '\0';
	return len - keep;
}
