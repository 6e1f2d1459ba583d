/*
 * arch/i386/kernel/i8259.c - the two cascaded 8259A PICs.
 *
 * At power-on the master PIC delivers IRQ 0-7 on vectors 8-15, which are
 * also CPU exception vectors (8 is the double fault).  init_IRQ() remaps
 * the master to 0x20-0x27 and the slave (on the master's IRQ 2) to
 * 0x28-0x2f, as Linux does (FIRST_EXTERNAL_VECTOR), and masks every line;
 * request_irq() unmasks the ones that get a handler.
 *
 * Spurious interrupts: a line that drops before the CPU acknowledges it
 * arrives as IRQ 7 (or 15) with the in-service bit clear.  Such an IRQ is
 * counted and not acknowledged (for IRQ 15 the master still needs its EOI).
 *
 * Mirrors: arch/i386/kernel/i8259.c init_8259A(), mask_and_ack_8259A().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/traps.h>

#define PIC_MASTER_CMD   0x20
#define PIC_MASTER_IMR   0x21
#define PIC_SLAVE_CMD    0xa0
#define PIC_SLAVE_IMR    0xa1
#define PIC_EOI          0x20
#define PIC_READ_ISR     0x0b
#define PIC_CASCADE_IR   2

static irq_handler_t irq_handlers[NR_IRQS];
static u16 cached_irq_mask = 0xffff;     /* bit set = line masked */
unsigned long irq_count[NR_IRQS];
unsigned long spurious_irq_count;

static void write_mask(void)
{
	outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
	outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
}

void enable_8259A_irq(unsigned int irq)
{
	cached_irq_mask &= ~(1u << irq);
	write_mask();
}

void __init init_IRQ(void)
{
	/* ICW1: edge triggered, cascade, ICW4 follows. */
	outb(0x11, PIC_MASTER_CMD); io_delay();
	outb(0x11, PIC_SLAVE_CMD);  io_delay();
	/* ICW2: the vector of IRQ 0 and of IRQ 8. */
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_IMR);     io_delay();
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_IMR);  io_delay();
	/* ICW3: the slave hangs on the master's IR2. */
	outb(1u << PIC_CASCADE_IR, PIC_MASTER_IMR); io_delay();
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);        io_delay();
	/* ICW4: 8086 mode, normal EOI. */
	outb(0x01, PIC_MASTER_IMR); io_delay();
	outb(0x01, PIC_SLAVE_IMR);  io_delay();

	cached_irq_mask = 0xffff & ~(1u << PIC_CASCADE_IR);
	write_mask();
}

int request_irq(unsigned int irq, irq_handler_t handler)
{
	if (irq >= NR_IRQS || irq_handlers[irq])
		return -EBUSY;
	irq_handlers[irq] = handler;
	enable_8259A_irq(irq);
	return 0;
}

/* Is @irq really in service, or is it a spurious IRQ 7/15? */
static bool irq_in_service(unsigned int irq)
{
	u16 port = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;

	outb(PIC_READ_ISR, port);
	return inb(port) & (1u << (irq & 7));
}

void do_IRQ(unsigned int irq, struct pt_regs *regs)
{
	if ((irq == 7 || irq == 15) && !irq_in_service(irq)) {
		spurious_irq_count++;
		if (irq == 15)
			outb(PIC_EOI, PIC_MASTER_CMD);
		return;
	}
	irq_count[irq]++;
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
	if (irq_handlers[irq])
		irq_handlers[irq](irq, regs);
}
