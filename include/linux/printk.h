/*
 * linux/printk.h - formatted output to the serial console and the log buffer.
 *
 * printk() writes each line to COM1 and into log_buf, a ring like the one
 * dmesg reads.
 * Lines start with a "[    0.123456] " timestamp, as Linux's do.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/types.h>
#include <linux/sprintf.h>       /* snprintf(), vsnprintf(), which printk() uses */

__attribute__((format(printf, 1, 2))) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

/* Stamp each line with the time since boot ("printk.time=0": no). */
extern bool printk_time;

/* The log buffer, its size (a power of two), and the count of characters
 * logged since boot, which only grows (kernel/printk.c says how to index). */
char *log_buf_addr_get(void);
u32 log_buf_len_get(void);
unsigned long log_buf_end_get(void);

#endif /* _LINUX_PRINTK_H */
