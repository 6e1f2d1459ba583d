/*
 * trace/events/boot.h - tracepoints in the boot (linux/tracepoint.h).
 *
 *   boot_phase_start(phase)          a boot step begins ...
 *   boot_phase_finish(phase, pages)  ... and ends, having handled @pages
 *                                    pages (0 if it counts none).  The
 *                                    steps are enum boot_phase's; make
 *                                    bench times them.
 *   zap_low_mappings(pgd)            the identity map of the first 8 MB,
 *                                    which head.asm made, is about to go.
 *                                    Nothing has written @pgd since
 *                                    head.asm but the kernel's early
 *                                    steps, which leave it alone.
 *
 * Mirrors: include/trace/events/initcall.h initcall_start, initcall_finish
 * (4.16+), which time each initcall the same way.  Linux has no tracepoint
 * in zap_low_mappings().
 */
#ifndef _TRACE_EVENTS_BOOT_H
#define _TRACE_EVENTS_BOOT_H

#include <linux/tracepoint.h>
#include <asm/pgtable.h>

enum boot_phase {
	BOOT_PHASE_SETUP_ARCH,          /* kernel entry to the memory map ready: no start */
	BOOT_PHASE_MEM_MAP,             /* the struct pages initialised */
	BOOT_PHASE_MEMBLOCK_FREE_ALL,   /* boot memory released to the buddy lists */
	NR_BOOT_PHASES
};

DECLARE_TRACE(boot_phase_start,
	TP_PROTO(enum boot_phase phase),
	TP_ARGS(phase))

DECLARE_TRACE(boot_phase_finish,
	TP_PROTO(enum boot_phase phase, unsigned long pages),
	TP_ARGS(phase, pages))

DECLARE_TRACE(zap_low_mappings,
	TP_PROTO(const pgd_t *pgd),
	TP_ARGS(pgd))

#endif /* _TRACE_EVENTS_BOOT_H */
