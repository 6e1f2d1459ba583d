/*
 * kernel/printk.c - printk() and the log buffer.
 *
 * Every line goes to the serial console and into log_buf, a ring of
 * LOG_BUF_LEN bytes like the one Linux's dmesg reads.  log_end counts every
 * character ever logged, so a reader that notes it can later read just
 * what was printed since.
 *
 * A line starts with "[seconds.micros] ", the time since boot, as in Linux
 * with printk_time on (the default here; "printk.time=0" on the command
 * line turns it off).  The clock is the TSC once time_init() has
 * calibrated it; before that the stamp is 0.000000, as in Linux's early
 * boot.  The console is COM1 (serial_putc()).
 *
 * The host unit tests compile this file too, with serial_putc() writing
 * to the buffer they search and printk_time off.
 *
 * Mirrors: kernel/printk.c vprintk(), emit_log_char() (2.6.11); printk_time
 * and its "time" boot switch of later 2.6 kernels.  Omitted: log levels,
 * console drivers, locking.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/params.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/serial.h>
#include <asm/timer.h>

#define LOG_BUF_LEN (1u << 16)     /* a power of two: index = pos & (LEN - 1) */

static char log_buf[LOG_BUF_LEN];
static unsigned long log_end;      /* characters logged since boot */
static bool at_line_start = true;

/* Stamp each line with the time since boot. */
bool printk_time = true;

static int printk_time_setup(const char *val)
{
	if (!val || (strcmp(val, "0") && strcmp(val, "1")))
		return -EINVAL;
	printk_time = val[0] == '1';
	return 0;
}
__setup("printk.time", printk_time_setup);

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
		if (at_line_start && printk_time)
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
