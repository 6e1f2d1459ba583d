/*
 * linux/tracepoint.h - named places in the kernel where a probe may watch.
 *
 * The self-tests must see things no /proc file shows: which stack an
 * int 0x80 landed on, the CR3 in force at each context switch, the fault
 * that the exception table just fixed up, how many instructions a boot
 * step took.  The kernel does not record these for them.  Instead, at
 * each such place it fires a tracepoint, trace_<name>(args), declared in
 * include/trace/events/<subsystem>.h:
 *
 *   kernel build (make run):   trace_sys_enter(regs, nr)  compiles to nothing
 *   self-test build:           trace_sys_enter(regs, nr)  calls probe_sys_enter(regs, nr)
 *
 * The self-test build is the kernel compiled with CONFIG_SELFTEST and
 * linked with the in-kernel self-tests (the Makefile's "two images"), as
 * Linux's KUnit tests are built in only with CONFIG_KUNIT.  Each tracepoint
 * then has exactly one probe, the self-tests' probe_<name>(), bound when the
 * kernel is linked: it is there from the first instruction, so even a
 * boot step can be watched.  A probe only looks; it must not change what
 * it is shown (the one exception is noted at trace_bug()).
 *
 * CONFIG_SELFTEST changes nothing but the bodies of these inline
 * functions: no structure, no constant, so an object compiled without it
 * links into either image.
 *
 * Mirrors: include/linux/tracepoint.h DECLARE_TRACE(), TP_PROTO(), TP_ARGS()
 * (2.6.28+), without CONFIG_TRACEPOINTS (empty inlines) and with it.
 * Omitted: probes registered at run time, several probes per tracepoint,
 * the ftrace ring buffer and its format files.
 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H

#define TP_PROTO(args...)  args
#define TP_ARGS(args...)   args

#ifdef CONFIG_SELFTEST
#define DECLARE_TRACE(name, proto, args)				\
	void probe_##name(proto);					\
	static inline void trace_##name(proto)				\
	{								\
		probe_##name(args);					\
	}
#else
/* Takes the arguments so that none is "unused", and does nothing. */
static inline void __tracepoint_ignore(int unused, ...)
{
	(void)unused;
}
#define DECLARE_TRACE(name, proto, args)				\
	static inline void trace_##name(proto)				\
	{								\
		__tracepoint_ignore(0, args);				\
	}
#endif

#endif /* _LINUX_TRACEPOINT_H */
