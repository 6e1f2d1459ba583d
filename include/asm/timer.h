/*
 * asm/timer.h - time: the PIT's tick (jiffies, HZ per second) and the TSC,
 * calibrated against the PIT, for printk timestamps and instruction counts.
 */
#ifndef _ASM_TIMER_H
#define _ASM_TIMER_H

#include <linux/types.h>

#define HZ 100                    /* timer interrupts per second */
#define CLOCK_TICK_RATE 1193182   /* the PIT's input clock, Hz */

extern volatile unsigned long jiffies;
extern unsigned long tsc_khz;     /* 0 until time_init() */
extern u64 boot_tsc;              /* TSC at kernel entry (boot/head.asm) */

void time_init(void);             /* calibrate the TSC, start the PIT tick */
u64 sched_clock(void);            /* nanoseconds since kernel entry */

#endif /* _ASM_TIMER_H */
