/*
 * arch/i386/kernel/time.c - the timer tick and the TSC.
 *
 * The PIT's channel 0 interrupts HZ times a second on IRQ 0; each tick adds
 * one to jiffies.  The TSC counts CPU cycles (under QEMU's -icount, guest
 * instructions); its rate is measured once against the PIT's channel 2,
 * whose input clock is exactly CLOCK_TICK_RATE Hz:
 *
 *   tsc_khz = TSC ticks during CALIBRATE_MS milliseconds / CALIBRATE_MS
 *
 * Mirrors: arch/i386/kernel/time.c time_init(), timer_interrupt();
 * arch/i386/kernel/timers/common.c calibrate_tsc() (2.6).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/timer.h>
#include <linux/sched.h>

#define PIT_CH0       0x40
#define PIT_CH2       0x42
#define PIT_MODE      0x43
#define PIT_GATE_PORT 0x61      /* bit 0: channel 2 gate, bit 5: its output */
#define CALIBRATE_MS  10
#define CALIBRATE_LATCH (CLOCK_TICK_RATE * CALIBRATE_MS / 1000)
#define LATCH ((CLOCK_TICK_RATE + HZ / 2) / HZ)

volatile unsigned long jiffies;
unsigned long tsc_khz;

static void timer_interrupt(unsigned int irq, struct pt_regs *regs)
{
	(void)irq;
	(void)regs;
	jiffies++;
	scheduler_tick();       /* wake sleepers, charge the running task */
}

/* Count TSC ticks while channel 2 counts CALIBRATE_LATCH input clocks down. */
static unsigned long __init calibrate_tsc(void)
{
	u64 start, end;

	outb((inb(PIT_GATE_PORT) & ~0x02) | 0x01, PIT_GATE_PORT);  /* gate on, speaker off */
	outb(0xb0, PIT_MODE);          /* channel 2, lobyte/hibyte, mode 0 */
	outb(CALIBRATE_LATCH & 0xff, PIT_CH2);
	outb(CALIBRATE_LATCH >> 8, PIT_CH2);
	start = rdtsc();
	while (!(inb(PIT_GATE_PORT) & 0x20))   /* output goes high at terminal count */
		;
	end = rdtsc();
	return (unsigned long)((end - start) / CALIBRATE_MS);
}

void __init time_init(void)
{
	tsc_khz = calibrate_tsc();
	outb(0x34, PIT_MODE);          /* channel 0, lobyte/hibyte, mode 2 (rate) */
	outb(LATCH & 0xff, PIT_CH0);
	outb(LATCH >> 8, PIT_CH0);
	if (request_irq(0, timer_interrupt))
		panic("time_init: IRQ 0 is taken");
	printk("Detected %lu.%03lu MHz processor (TSC), timer at %d Hz.\n",
	       tsc_khz / 1000, tsc_khz % 1000, HZ);
}

u64 sched_clock(void)
{
	u64 cycles;

	if (!tsc_khz)
		return 0;
	cycles = rdtsc() - boot_tsc;
	/* ns = cycles * 10^6 / khz, split so the product cannot overflow. */
	return cycles / tsc_khz * 1000000u + cycles % tsc_khz * 1000000u / tsc_khz;
}
