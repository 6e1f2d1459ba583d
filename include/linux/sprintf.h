/*
 * linux/sprintf.h - snprintf() and vsnprintf(): formatting into a buffer
 * (kernel/vsprintf.c).
 *
 * A header of its own because the user programs' library uses the same
 * formatter (boot/user/ulib.h includes this header, and the Makefile
 * compiles kernel/vsprintf.c a second time for them): it must not bring in
 * printk() and the log buffer, which exist only in the kernel.
 *
 * Mirrors: include/linux/sprintf.h (2.6.11 declares these in
 * linux/kernel.h; later Linux split them out into this header).
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/types.h>

__attribute__((format(printf, 3, 4)))
int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

#endif /* _LINUX_SPRINTF_H */
