/*
 * tests/kernel/bench.c - `make bench`: deterministic instruction counts.
 *
 * make bench boots with `bench` on the command line under QEMU's
 * -icount shift=0,sleep=off, where the TSC advances by exactly one per
 * guest instruction (TOOLCHAIN.md, 7).  So a TSC difference taken with
 * interrupts off is an instruction count, identical from run to run, and
 * can be compared across changes without timing noise.
 *
 * Each line:  "bench: <what>: <N> instructions"
 */
#include <linux/kernel.h>
#include <asm/processor.h>
#include <asm/qemu.h>
#include <asm/timer.h>
#include "selftest.h"

extern u64 memory_map_ready_tsc;    /* kernel/main.c */

void run_benchmarks(void)
{
	local_irq_disable();
	printk("bench: kernel entry to memory map ready: %llu instructions\n",
	       memory_map_ready_tsc - boot_tsc);
	printk("bench: done\n");
	qemu_exit(QEMU_EXIT_SUCCESS);
}
