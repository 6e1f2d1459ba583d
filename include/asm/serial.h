/* asm/serial.h - the COM1 16550 UART, polled: the kernel's console. */
#ifndef _ASM_SERIAL_H
#define _ASM_SERIAL_H

void serial_init(void);
void serial_putc(char c);

#endif /* _ASM_SERIAL_H */
