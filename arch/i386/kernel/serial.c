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

/* boot/cpucheck.asm sets the UART up the same way when it must speak first. */
void serial_init(void)
{
	unsigned int divisor = BASE_BAUD / DEFAULT_BAUD;

	outb(0x00, COM1 + UART_IER);            /* no interrupts: we poll */
	outb(UART_LCR_DLAB, COM1 + UART_LCR);   /* to set the baud rate */
	outb(divisor & 0xff, COM1 + UART_DLL);
	outb(divisor >> 8, COM1 + UART_DLM);
	outb(UART_LCR_WLEN8, COM1 + UART_LCR);  /* 8N1 */
	outb(UART_FCR_ENABLE_FIFO | UART_FCR_CLEAR_RCVR | UART_FCR_CLEAR_XMIT, COM1 + UART_FCR);
	outb(UART_MCR_DTR | UART_MCR_RTS, COM1 + UART_MCR);
}

void serial_putc(char c)
{
	if (c == '\n')
		serial_putc('\r');
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	outb(c, COM1 + UART_TX);
}
