/*
 * linux/printk.h - formatted output to the serial console and the log buffer.
 *
 * printk() writes each line to COM1 and into log_buf, a ring like the one
 * dmesg reads; self-tests search log_buf to check that a report was printed.
 * Lines start with a "[    0.123456] " timestamp, as Linux's do.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/types.h>
#include <linux/sprintf.h>       /* snprintf(), vsnprintf(), which printk() uses */

__attribute__((format(printf, 1, 2))) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

/* Position in the log: everything printed so far (it only grows). */
unsigned long log_position(void);
/* Does the text printed since @since contain @needle? */
bool log_contains_since(unsigned long since, const char *needle);

#endif /* _LINUX_PRINTK_H */
