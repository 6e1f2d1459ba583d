/*
 * arch/i386/kernel/traps.c - the IDT, the dispatch of every trap, and the
 * oops: what the kernel prints when it meets an exception it did not expect.
 *
 * All 256 vectors go through entry.asm's stubs to do_trap().  Vectors 0-31
 * are the CPU's exceptions; 0x20-0x2f the two 8259 PICs (i8259.c).  A
 * kernel-mode exception at an instruction listed in the exception table
 * resumes at its fixup (extable.c); anything else is an oops, printed in
 * Linux 2.6's format so a student can compare:
 *
 *   invalid opcode: 0000 [#1]
 *   CPU:    0
 *   EIP:    0060:[<c0101234>]    Not tainted
 *   EFLAGS: 00010046
 *   EIP is at start_kernel+0x34/0x200
 *   eax: 00000000   ebx: ...
 *   Call Trace:
 *    [<c0100123>] start_kernel+0x45/0x100
 *
 * Mirrors: arch/i386/kernel/traps.c trap_init(), die(), show_registers(),
 * show_trace() (2.6).  Omitted: vm86, kprobes, NMI watchdog, the
 * double-fault task gate (a kernel stack overflow here triple-faults).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <asm/desc.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <memlayout.h>

#define GATE_INTERRUPT  0x8e     /* present, DPL 0, 32-bit interrupt gate (IF off) */
#define GATE_SYSTEM     0xee     /* the same, callable from ring 3 (int3, into, bound) */

struct gate_struct idt_table[IDT_ENTRIES] __attribute__((aligned(8)));
extern const u32 trap_entry_table[FIRST_EXTERNAL_VECTOR + NR_IRQS];
extern const char system_call[];

static const char *const trap_names[32] = {
	"divide error", "debug", "nmi", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection fault", "page fault",
	"reserved", "coprocessor error", "alignment check", "machine check",
	"simd coprocessor error", "virtualization exception",
	"control protection", "reserved", "reserved", "reserved", "reserved",
	"reserved", "reserved", "reserved", "reserved", "reserved", "reserved",
};

static void set_gate(unsigned int n, u32 handler, u8 type_attr)
{
	idt_table[n] = (struct gate_struct){
		.offset_low = handler & 0xffff,
		.segment = __KERNEL_CS,
		.type_attr = type_attr,
		.offset_high = handler >> 16,
	};
}

void __init trap_init(void)
{
	struct { u16 size; u32 address; } __attribute__((packed)) idt_descr = {
		sizeof(idt_table) - 1, (u32)(uintptr_t)idt_table,
	};

	for (unsigned int n = 0; n < ARRAY_SIZE(trap_entry_table); n++)
		set_gate(n, trap_entry_table[n], GATE_INTERRUPT);
	/* As Linux's set_system_gate(): user code may execute int3/into/bound. */
	set_gate(3, trap_entry_table[3], GATE_SYSTEM);
	set_gate(4, trap_entry_table[4], GATE_SYSTEM);
	set_gate(5, trap_entry_table[5], GATE_SYSTEM);
	/*
	 * int 0x80, the system call (U2): DPL 3 so ring 3 may raise it.
	 * An interrupt gate, so it enters with interrupts off; do_syscall()
	 * turns them on at once, where 2.6's trap gate leaves them on: the
	 * few instructions between let entry code stay simple.
	 */
	set_gate(SYSCALL_VECTOR, (u32)(uintptr_t)system_call, GATE_SYSTEM);
	asm volatile("lidt %0" : : "m"(idt_descr));
}

asmlinkage void do_trap(struct pt_regs *regs)
{
	u32 nr = regs->trapnr;

	if (nr == SYSCALL_VECTOR)
		do_syscall(regs);
	else if (nr >= FIRST_EXTERNAL_VECTOR)
		do_IRQ(nr - FIRST_EXTERNAL_VECTOR, regs);
	else if (nr == X86_TRAP_PF)
		do_page_fault(regs, regs->error_code);
	else if (user_mode(regs))
		user_trap(trap_names[nr], regs);
	else if (!fixup_exception(regs))
		die(trap_names[nr], regs, regs->error_code);
	/* Back to user mode: the place where a task gives up the CPU when
	 * the tick has used up its slice (the kernel is not preemptive). */
	if (user_mode(regs))
		exit_to_user_mode(regs);
}

/*
 * An exception in user mode other than a page fault kills the process
 * with the signal Linux sends for it (there are no handlers to catch it),
 * and the kernel carries on.  The line is later Linux's
 * do_trap()/show_signal():
 *
 *   traps: usertests[7] trap invalid opcode ip:8049a31 sp:bfffff20 error:0
 */
static int trap_signal(u32 nr)
{
	switch (nr) {
	case X86_TRAP_DE:                         return SIGFPE;
	case X86_TRAP_DB: case X86_TRAP_BP:       return SIGTRAP;
	case X86_TRAP_UD:                         return SIGILL;
	case X86_TRAP_MF: case X86_TRAP_XF:       return SIGFPE;
	case X86_TRAP_AC:                         return SIGBUS;
	default:          return SIGSEGV;     /* overflow, bounds, #GP, #SS ... */
	}
}

void user_trap(const char *str, struct pt_regs *regs)
{
	printk("traps: %s[%d] trap %s ip:%x sp:%x error:%x\n", current->comm,
	       current->pid, str, regs->eip, regs->esp, regs->error_code);
	do_exit_signal(trap_signal(regs->trapnr));
}

/* Is @addr a plausible frame on the kernel stack that holds @sp? */
static bool valid_stack_ptr(unsigned long sp, unsigned long addr)
{
	unsigned long base = sp & ~(unsigned long)(THREAD_SIZE - 1);

	return addr >= base && addr + 8 <= base + THREAD_SIZE;
}

/*
 * Follow the chain of saved frame pointers (every function is compiled with
 * -fno-omit-frame-pointer):   [ebp] = caller's ebp,  [ebp + 4] = return address.
 */
void show_trace(unsigned long ebp)
{
	char sym[96];
	int depth = 0;

	printk("Call Trace:\n");
	while (ebp && valid_stack_ptr(ebp, ebp) && depth++ < 32) {
		unsigned long ret = ((unsigned long *)ebp)[1];
		unsigned long next = ((unsigned long *)ebp)[0];

		sprint_backtrace(sym, sizeof(sym), ret);
		printk(" [<%08lx>] %s\n", ret, sym);
		if (next <= ebp)      /* frames go up the stack; anything else ends it */
			break;
		ebp = next;
	}
}

/*
 * dump_stack - say who is running (later Linux's dump_stack_print_info()
 * line: the CPU, current's pid and name), then the call trace from here.
 * A report that calls it (a bad page, an allocation failure, a WARN) so
 * names the process it happened in, a user process or swapper at boot.
 */
void dump_stack(void)
{
	printk("CPU: %d PID: %d Comm: %.20s Not tainted\n", smp_processor_id(),
	       current->pid, current->comm);
	show_trace((unsigned long)__builtin_frame_address(0));
}

void show_registers(const struct pt_regs *regs)
{
	unsigned long sp = trap_sp(regs);
	u32 ss = user_mode(regs) ? regs->xss : __KERNEL_DS;
	char sym[96];

	sprint_symbol(sym, sizeof(sym), regs->eip);
	printk("CPU:    %d\n", smp_processor_id());
	printk("EIP:    %04x:[<%08x>]    Not tainted\n", regs->xcs & 0xffff, regs->eip);
	printk("EFLAGS: %08x\n", regs->eflags);
	printk("EIP is at %s\n", sym);
	printk("eax: %08x   ebx: %08x   ecx: %08x   edx: %08x\n",
	       regs->eax, regs->ebx, regs->ecx, regs->edx);
	printk("esi: %08x   edi: %08x   ebp: %08x   esp: %08lx\n",
	       regs->esi, regs->edi, regs->ebp, sp);
	printk("ds: %04x   es: %04x   ss: %04x\n",
	       regs->xds & 0xffff, regs->xes & 0xffff, ss & 0xffff);
	if (!user_mode(regs))
		show_trace(regs->ebp);
}

void die(const char *str, struct pt_regs *regs, u32 err)
{
	static int die_counter;

	local_irq_disable();
	printk("%s: %04x [#%d]\n", str, err & 0xffff, ++die_counter);
	show_registers(regs);
	panic("Fatal exception");
}
