/*
 * kernel/printk.c - printk(), the log buffer, panic(), BUG and WARN reports.
 *
 * Every line goes to the serial console and into log_buf, a ring of
 * LOG_BUF_LEN bytes like the one Linux's dmesg reads.  log_end counts every
 * character ever logged, so a reader that notes it can later read just
 * what was printed since.
 *
 * A line starts with "[seconds.micros] ", the time since boot, as in Linux.
 * The clock is the TSC once time_init() has calibrated it; before that the
 * stamp is 0.000000, as in Linux's early boot.
 *
 * Mirrors: kernel/printk.c vprintk(), emit_log_char(); kernel/panic.c panic(),
 * warn_slowpath (2.6.2x).  Omitted: log levels, console drivers, locking.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <asm/serial.h>
#include <asm/qemu.h>
#include <asm/timer.h>
#include <asm/traps.h>
#include <trace/events/exceptions.h>

#define LOG_BUF_LEN (1u << 16)     /* a power of two: index = pos & (LEN - 1) */

static char log_buf[LOG_BUF_LEN];
static unsigned long log_end;      /* characters logged since boot */
static bool at_line_start = true;

static void emit_log_char(char c)
{
	log_buf[log_end & (LOG_BUF_LEN - 1)] = c;
	log_end++;
	serial_putc(c);
}

static void emit_string(const char *s)
{
	while (*s)
		emit_log_char(*s++);
}

static void emit_timestamp(void)
{
	u64 ns = sched_clock();
	char stamp[32];

	snprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ",
		 (unsigned long)(ns / 1000000000u),
		 (unsigned long)(ns % 1000000000u / 1000u));
	emit_string(stamp);
}

int vprintk(const char *fmt, va_list args)
{
	char line[512];
	u32 flags;
	int n;

	n = vsnprintf(line, sizeof(line), fmt, args);
	flags = local_irq_save();
	for (const char *p = line; *p; p++) {
		if (at_line_start)
			emit_timestamp();
		emit_log_char(*p);
		at_line_start = (*p == '\n');
	}
	local_irq_restore(flags);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/*
 * The log buffer, for a reader that wants the text itself (later Linux's
 * log_buf_addr_get() and log_buf_len_get(), for crash dumps), and log_end,
 * the count of characters logged since boot: the character at position
 * pos (pos < log_end, pos >= log_end - LOG_BUF_LEN) is
 * log_buf[pos & (LOG_BUF_LEN - 1)].  2.6's do_syslog() reads it the same way.
 */
char *log_buf_addr_get(void)
{
	return log_buf;
}

u32 log_buf_len_get(void)
{
	return LOG_BUF_LEN;
}

unsigned long log_buf_end_get(void)
{
	return log_end;
}

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

/*
 * A BUG: say where, then execute ud2.  The invalid-opcode trap prints the
 * oops (registers and backtrace) and dies, exactly as for any other
 * unexpected kernel exception.
 */
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
