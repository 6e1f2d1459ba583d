/*
 * arch/i386/mm/extable.c - the exception table (see asm/uaccess.h).
 *
 * The linker gathers every { insn, fixup } pair emitted by inline assembly
 * into the section __ex_table, between __start___ex_table and
 * __stop___ex_table, in link order.  sort_main_extable() sorts it by insn
 * once at boot, and search_exception_tables() bisects it.
 *
 * Mirrors: kernel/extable.c sort_main_extable(), search_exception_tables();
 * lib/extable.c search_extable(); arch/i386/mm/extable.c fixup_exception().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>

extern struct exception_table_entry __start___ex_table[];
extern struct exception_table_entry __stop___ex_table[];

/* An insertion sort: the table has a few dozen entries, sorted once. */
void __init sort_main_extable(void)
{
	struct exception_table_entry *t = __start___ex_table;
	size_t n = __stop___ex_table - __start___ex_table;

	for (size_t i = 1; i < n; i++) {
		struct exception_table_entry e = t[i];
		size_t j = i;

		while (j > 0 && t[j - 1].insn > e.insn) {
			t[j] = t[j - 1];
			j--;
		}
		t[j] = e;
	}
}

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	const struct exception_table_entry *lo = __start___ex_table;
	const struct exception_table_entry *hi = __stop___ex_table;

	while (lo < hi) {               /* search [lo, hi) */
		const struct exception_table_entry *mid = lo + (hi - lo) / 2;

		if (mid->insn == addr)
			return mid;
		if (mid->insn < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->eip);

	if (!e)
		return false;
	regs->eip = e->fixup;
	return true;
}
