/*
 * arch/i386/kernel/serial.c - a polled driver for the 16550 UART at COM1.
 *
 * The console of this kernel: QEMU connects COM1 to its stdio.  Transmit
 * only, 115200 baud 8N1, no interrupts: printk() waits until the transmit
 * holding register is empty and writes the next byte.
 *
 * Mirrors: arch/i386/boot/compressed/misc.c-era early serial and
 * arch/x86/kernel/early_printk.c early_serial_init() / early_serial_putc().
 */
#include <linux/types.h>
#include <asm/io.h>
#include <asm/serial.h>

#define COM1      0x3f8
#define BASE_BAUD 115200

/* Register offsets from the base port (National Semiconductor PC16550D). */
#define TXR  0    /* transmit holding register (write) */
#define DLL  0    /* divisor latch low, when LCR.DLAB = 1 */
#define IER  1    /* interrupt enable */
#define DLH  1    /* divisor latch high, when LCR.DLAB = 1 */
#define FCR  2    /* FIFO control */
#define LCR  3    /* line control */
#define MCR  4    /* modem control */
#define LSR  5    /* line status */
#define LSR_THRE 0x20   /* transmit holding register empty */

void serial_init(void)
{
	unsigned int divisor = BASE_BAUD / 115200;

	outb(0x00, COM1 + IER);        /* no interrupts: we poll */
	outb(0x80, COM1 + LCR);        /* DLAB = 1 to set the baud rate */
	outb(divisor & 0xff, COM1 + DLL);
	outb(divisor >> 8, COM1 + DLH);
	outb(0x03, COM1 + LCR);        /* 8 bits, no parity, 1 stop bit */
	outb(0x07, COM1 + FCR);        /* enable and clear the FIFOs */
	outb(0x03, COM1 + MCR);        /* DTR, RTS */
}

void serial_putc(char c)
{
	if (c == '\n')
		serial_putc('\r');
	while (!(inb(COM1 + LSR) & LSR_THRE))
		;
	outb(c, COM1 + TXR);
}
