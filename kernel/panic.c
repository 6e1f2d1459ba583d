/*
 * kernel/panic.c - when the kernel cannot go on, or finds it was wrong:
 * panic(), and the reports of BUG() and WARN_ON() (linux/kernel.h).
 *
 * panic() says why and leaves QEMU with the panic code (make test tells
 * it from a clean exit).  A BUG prints where it fired and executes ud2:
 * the invalid-opcode trap then prints the oops and dies, as for any other
 * unexpected kernel exception.  A WARN prints the same header and a call
 * trace, and the kernel goes on.
 *
 * Mirrors: kernel/panic.c panic() (2.6.11); lib/bug.c report_bug() and
 * kernel/panic.c warn_slowpath() (2.6.2x), whose "cut here" lines these
 * print.  Omitted: panic notifiers, reboot on panic, taint flags.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <asm/qemu.h>
#include <trace/events/exceptions.h>

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	local_irq_disable();
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk("Kernel panic - not syncing: %s\n", buf);
	qemu_exit(QEMU_EXIT_PANIC);
}

/* A BUG: say where, then execute ud2 (the oops comes from the trap). */
void __bug(const char *file, int line, const char *func, const char *cond)
{
	printk("------------[ cut here ]------------\n");
	printk("kernel BUG at %s:%d!\n", file, line);
	printk("%s: %s\n", func, cond);
	trace_bug(file, line);
	asm volatile("ud2");
	__builtin_unreachable();
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	printk("------------[ cut here ]------------\n");
	printk("WARNING: at %s:%d %s()\n", file, line, func);
	printk("%s\n", cond);
	dump_stack();
	printk("---[ end trace ]---\n");
}
