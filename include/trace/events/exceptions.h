/*
 * trace/events/exceptions.h - tracepoints on the kernel's error paths
 * (linux/tracepoint.h).
 *
 *   page_fault_no_context   a kernel-mode page fault that no mapping can
 *                           resolve (not a vmalloc-area sync, not a user
 *                           address the process may touch): what comes
 *                           next is the exception-table fixup, or an oops.
 *                           2.6's do_page_fault() calls this point
 *                           "no_context".
 *   bug                     a BUG() or BUG_ON() that fired, after its
 *                           report and before the ud2 that oopses.  The one
 *                           probe that may not return: a self-test that
 *                           provokes a BUG on purpose jumps back into itself
 *                           from here (the self-tests' provokes_bug()).
 *
 * Mirrors: arch/x86/include/asm/trace/exceptions.h page_fault_kernel
 * (3.13+), which fires for every kernel-mode fault; ours fires only on the
 * no_context path.  Linux has no tracepoint on BUG.
 */
#ifndef _TRACE_EVENTS_EXCEPTIONS_H
#define _TRACE_EVENTS_EXCEPTIONS_H

#include <linux/tracepoint.h>
#include <linux/types.h>

struct pt_regs;

DECLARE_TRACE(page_fault_no_context,
	TP_PROTO(struct pt_regs *regs, unsigned long address, u32 error_code),
	TP_ARGS(regs, address, error_code))

DECLARE_TRACE(bug,
	TP_PROTO(const char *file, int line),
	TP_ARGS(file, line))

#endif /* _TRACE_EVENTS_EXCEPTIONS_H */
