/* asm/irq.h - the two 8259A interrupt controllers and the IRQ handlers. */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#include <linux/types.h>
#include <asm/ptrace.h>

typedef void (*irq_handler_t)(unsigned int irq, struct pt_regs *regs);

void init_IRQ(void);     /* remap the PICs to 0x20-0x2f, mask every line */
/* Install @handler for @irq and unmask the line: 0 or -EBUSY. */
int request_irq(unsigned int irq, irq_handler_t handler);
void enable_8259A_irq(unsigned int irq);

extern unsigned long irq_count[16];      /* interrupts seen, per line */
extern unsigned long spurious_irq_count;

#endif /* _ASM_IRQ_H */
