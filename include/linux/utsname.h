/*
 * linux/utsname.h - what uname() returns: six NUL-terminated strings of
 * at most __NEW_UTS_LEN characters.  The kernel fills it (kernel/sys.c),
 * user programs read it, so both include this header.
 *
 * Plain C, no includes: usable from freestanding user C.
 *
 * Mirrors: include/linux/utsname.h (2.6.11) struct new_utsname; the
 * kernel's own copy, system_utsname, lives in kernel/sys.c.
 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];     /* the host name (sethostname) */
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

#endif /* _LINUX_UTSNAME_H */
