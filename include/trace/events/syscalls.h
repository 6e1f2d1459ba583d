/*
 * trace/events/syscalls.h - the system-call tracepoint (linux/tracepoint.h).
 *
 *   sys_enter   every int 0x80, in do_syscall(), before the call runs:
 *               @regs is the pt_regs that entry.asm saved on the kernel
 *               stack, @id the call's number (eax).
 *
 * Mirrors: include/trace/events/syscalls.h sys_enter (2.6.33+).
 */
#ifndef _TRACE_EVENTS_SYSCALLS_H
#define _TRACE_EVENTS_SYSCALLS_H

#include <linux/tracepoint.h>

struct pt_regs;

DECLARE_TRACE(sys_enter,
	TP_PROTO(struct pt_regs *regs, long id),
	TP_ARGS(regs, id))

#endif /* _TRACE_EVENTS_SYSCALLS_H */
