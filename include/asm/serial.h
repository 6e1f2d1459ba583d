/*
 * asm/serial.h - the COM1 16550 UART, polled: the kernel's console.
 *
 * Its port and registers, for arch/i386/kernel/serial.c and for
 * boot/cpucheck.asm, which must speak before any C has run (through
 * asm-offsets).  Register names are Linux's include/linux/serial_reg.h
 * ones; BASE_BAUD is include/asm-i386/serial.h's (the 1.8432 MHz clock / 16).
 */
#ifndef _ASM_SERIAL_H
#define _ASM_SERIAL_H

#define COM1          0x3f8    /* ttyS0 */
#define BASE_BAUD     115200
#define DEFAULT_BAUD  115200   /* the console's speed, 8N1: divisor 1 */

/* Register offsets from the base port (National Semiconductor PC16550D). */
#define UART_TX   0    /* transmit holding register (write) */
#define UART_DLL  0    /* divisor latch low, when LCR.DLAB = 1 */
#define UART_IER  1    /* interrupt enable */
#define UART_DLM  1    /* divisor latch high, when LCR.DLAB = 1 */
#define UART_FCR  2    /* FIFO control */
#define UART_LCR  3    /* line control */
#define UART_MCR  4    /* modem control */
#define UART_LSR  5    /* line status */

#define UART_FCR_ENABLE_FIFO  0x01
#define UART_FCR_CLEAR_RCVR   0x02
#define UART_FCR_CLEAR_XMIT   0x04
#define UART_LCR_WLEN8        0x03   /* 8 data bits; no parity and 1 stop bit are 0s */
#define UART_LCR_DLAB         0x80   /* the divisor latch replaces TX/IER */
#define UART_MCR_DTR          0x01
#define UART_MCR_RTS          0x02
#define UART_LSR_THRE         0x20   /* transmit holding register empty */

void serial_init(void);
void serial_putc(char c);

#endif /* _ASM_SERIAL_H */
