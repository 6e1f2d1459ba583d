/*
 * kernel/kallsyms.c - look up the function an address belongs to.
 *
 * kallsyms_addresses[] is sorted (nm -n), and entry i covers
 * [kallsyms_addresses[i], kallsyms_addresses[i + 1]); the last entry is
 * _etext, the end of the code.  A bisection finds the entry.
 *
 * Mirrors: kernel/kallsyms.c kallsyms_lookup() (2.6).  Omitted: name
 * compression, module symbols, data symbols.
 */
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/string.h>

/* Generated into build/kallsyms.c by the Makefile. */
extern const u32 kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const u32 kallsyms_name_offsets[];
extern const char kallsyms_names[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	u32 lo = 0, hi = kallsyms_num;

	if (kallsyms_num < 2 || addr < kallsyms_addresses[0] ||
	    addr >= kallsyms_addresses[kallsyms_num - 1])
		return NULL;
	while (hi - lo > 1) {           /* invariant: addresses[lo] <= addr < addresses[hi] */
		u32 mid = (lo + hi) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (size)
		*size = kallsyms_addresses[lo + 1] - kallsyms_addresses[lo];
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	return kallsyms_names + kallsyms_name_offsets[lo];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (u32 i = 0; i + 1 < kallsyms_num; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

void sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	if (name)
		snprintf(buf, len, "%s+0x%lx/0x%lx", name, offset, size);
	else
		snprintf(buf, len, "0x%08lx", addr);
}

/*
 * sprint_backtrace - like sprint_symbol, for a return address on the stack:
 * look up @addr - 1, the call instruction's last byte.  A call to a noreturn
 * function (panic, __bug) may be the last instruction of its function, and
 * its return address then is the first byte of the next function, which is
 * not where the call came from.  (Linux 2.6.38: sprint_backtrace().)
 */
void sprint_backtrace(char *buf, size_t len, unsigned long addr)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr - 1, &size, &offset);

	if (name)
		snprintf(buf, len, "%s+0x%lx/0x%lx", name, offset + 1, size);
	else
		snprintf(buf, len, "0x%08lx", addr);
}
