/*
 * arch/i386/kernel/qemu.c - the way out of QEMU (see asm/qemu.h).
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/qemu.h>

void qemu_exit(int value)
{
	local_irq_disable();
	outl(value, QEMU_EXIT_PORT);
	for (;;)            /* no exit device (QEMU run by hand): stay here */
		halt();
}
