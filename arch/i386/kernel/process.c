/*
 * arch/i386/kernel/process.c - the machine side of tasks: a new task's
 * first stack, a program's first registers, and the switch itself.
 *
 * A task that is not running is parked inside switch_to_asm (entry.asm):
 * its kernel stack ends with a *switch frame*, and thread.esp points at it.
 *
 *   thread.esp -> eflags, edi, esi, ebx, ebp, return address
 *
 * switch_to_asm pushes such a frame for the task leaving the CPU, then
 * pops the next task's and returns on its stack.  A task that has never
 * run gets a frame made by hand, whose return address is where it starts:
 *
 *   a forked child:  ret_from_fork, then ret_from_trap pops the pt_regs at
 *                    the top of its stack (its parent's, with eax = 0) and
 *                    irets to user mode: fork() returns 0 in the child;
 *   a kernel thread: kernel_thread_start, which calls fn(arg) (esi, ebx
 *                    of the frame) and do_exit() with its result.
 *
 * context_switch() does the rest of the change, in the order 2.6 does it:
 *   1. switch_mm (asm/mmu_context.h): if the address space changes, CR3 =
 *      __pa(next->active_mm->pgd), the new address space (S3); kernel
 *      threads run on swapper_pg_dir.  User mappings are not global, so
 *      the load drops their TLB entries; the kernel's direct map is global
 *      and stays;
 *   2. the TSS's esp0 = the top of next's kernel stack, where the CPU will
 *      switch to on next's next trap or int 0x80 from user mode (S4);
 *   3. switch_to_asm: the kernel stacks, and so `current`.
 *
 * Mirrors: arch/i386/kernel/process.c copy_thread(), __switch_to();
 * include/asm-i386/processor.h start_thread(); kernel/sched.c
 * context_switch();
 * include/asm-i386/mmu_context.h switch_mm() (2.6.11).  Omitted: the FPU
 * (user programs are built without it), TLS, debug registers, I/O bitmap.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/mmu_context.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/segment.h>

extern const char ret_from_fork[], kernel_thread_start[];

struct switch_frame {
	u32 eflags, edi, esi, ebx, ebp, eip;
};

static struct switch_frame *push_switch_frame(struct task_struct *p, void *below)
{
	struct switch_frame *f = (struct switch_frame *)below - 1;

	memset(f, 0, sizeof(*f));
	f->eflags = 0x2;                  /* interrupts off: schedule() holds them off */
	p->thread.esp = (unsigned long)f;
	return f;
}

/* A forked child: a copy of the parent's user registers, fork() = 0. */
void copy_thread(struct task_struct *p, const struct pt_regs *regs)
{
	struct pt_regs *childregs = task_pt_regs(p);

	*childregs = *regs;
	childregs->eax = 0;
	p->thread.esp0 = (unsigned long)p->thread_info + THREAD_SIZE;
	push_switch_frame(p, childregs)->eip = (u32)(uintptr_t)ret_from_fork;
}

void copy_kernel_thread(struct task_struct *p, int (*fn)(void *), void *arg)
{
	struct switch_frame *f;

	p->thread.esp0 = (unsigned long)p->thread_info + THREAD_SIZE;
	f = push_switch_frame(p, task_pt_regs(p));
	f->eip = (u32)(uintptr_t)kernel_thread_start;
	f->esi = (u32)(uintptr_t)fn;
	f->ebx = (u32)(uintptr_t)arg;
}

/*
 * The registers a new program starts with: ring 3 segments, eip at its
 * entry, esp at its argc, interrupts on, every other register 0 (the
 * i386 ABI leaves them undefined; Linux's ELF_PLAT_INIT clears them).
 */
void start_thread(struct pt_regs *regs, unsigned long eip, unsigned long esp)
{
	memset(regs, 0, sizeof(*regs));
	regs->xds = regs->xes = regs->xss = __USER_DS;
	regs->xcs = __USER_CS;
	regs->eip = eip;
	regs->esp = esp;
	regs->eflags = X86_EFLAGS_IF | 0x2;
}

void context_switch(struct task_struct *prev, struct task_struct *next)
{
	struct mm_struct *mm = next->mm ? next->mm : &init_mm;

	switch_mm(prev->active_mm, mm, next);
	next->active_mm = mm;
	init_tss[smp_processor_id()].esp0 = next->thread.esp0;
	next->thread_info->cpu = smp_processor_id();
	switch_to_asm(&prev->thread.esp, next->thread.esp);
}
