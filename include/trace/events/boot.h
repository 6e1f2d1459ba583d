/*
 * trace/events/boot.h - tracepoints in the boot (linux/tracepoint.h).
 *
 *   boot_phase_start(phase)          a boot step begins ...
 *   boot_phase_finish(phase, pages)  ... and ends, having handled @pages
 *                                    pages (0 if it counts none).  The
 *                                    steps: "setup_arch" (from kernel
 *                                    entry to the memory map ready: it
 *                                    has no start), "mem_map" (struct
 *                                    pages initialised), "memblock_free_all"
 *                                    (boot memory released to the buddy
 *                                    lists).  make bench times them.
 *   zap_low_mappings(pgd)            the identity map of the first 8 MB,
 *                                    which head.asm made, is about to go:
 *                                    @pgd is still as head.asm left it.
 *
 * Mirrors: include/trace/events/initcall.h initcall_start, initcall_finish
 * (4.16+), which time each initcall the same way.  Linux has no tracepoint
 * in zap_low_mappings().
 */
#ifndef _TRACE_EVENTS_BOOT_H
#define _TRACE_EVENTS_BOOT_H

#include <linux/tracepoint.h>
#include <asm/pgtable.h>

DECLARE_TRACE(boot_phase_start,
	TP_PROTO(const char *phase),
	TP_ARGS(phase))

DECLARE_TRACE(boot_phase_finish,
	TP_PROTO(const char *phase, unsigned long pages),
	TP_ARGS(phase, pages))

DECLARE_TRACE(zap_low_mappings,
	TP_PROTO(const pgd_t *pgd),
	TP_ARGS(pgd))

#endif /* _TRACE_EVENTS_BOOT_H */
