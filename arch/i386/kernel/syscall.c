/*
 * arch/i386/kernel/syscall.c - int 0x80: the table of system calls and
 * the dispatch (U2).
 *
 * User space puts the call's number in eax and up to five arguments in
 * ebx, ecx, edx, esi, edi, then executes int 0x80.  The CPU switches to
 * the task's kernel stack (the TSS's esp0) and entry.asm saves every
 * register there as struct pt_regs; CR3 stays as it was, so the kernel
 * runs in the caller's address space and can reach its pages (S4).
 * do_syscall() calls sys_call_table[eax] with the five registers as
 * arguments and stores the result, or -errno, in the saved eax: that is
 * what the process sees when iret returns to it.
 *
 * The numbers are Linux i386's, named in asm/unistd.h, the header the
 * user programs include too; a number with no entry, or out of range,
 * returns -ENOSYS.
 *
 * Two facts hold when do_syscall() starts (S4): the saved registers sit at
 * the top of the current task's 8 KB kernel stack, where the TSS's esp0
 * pointed the CPU, and CR3 still holds the physical address of the
 * current process's page directory.  Each entry fires the sys_enter
 * tracepoint (trace/events/syscalls.h) there.
 *
 * Mirrors: arch/i386/kernel/entry.S system_call and sys_call_table
 * (2.6.11; later kernels move the table to syscall_table.S).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/unistd.h>
#include <trace/events/syscalls.h>

/* Every entry is called with five arguments; each reads the ones it has
 * (the i386 C convention lets a callee ignore extra stack arguments). */
typedef asmlinkage long (*syscall_t)(u32, u32, u32, u32, u32);
/* Through void (*)(void), the type C allows any function pointer to pass. */
#define SYSCALL(nr, fn) [nr] = (syscall_t)(void (*)(void))(fn)

static const syscall_t sys_call_table[] = {
	SYSCALL(__NR_exit, sys_exit),
	SYSCALL(__NR_fork, sys_fork),
	SYSCALL(__NR_read, sys_read),
	SYSCALL(__NR_write, sys_write),
	SYSCALL(__NR_open, sys_open),
	SYSCALL(__NR_close, sys_close),
	SYSCALL(__NR_waitpid, sys_waitpid),
	SYSCALL(__NR_execve, sys_execve),
	SYSCALL(__NR_getpid, sys_getpid),
	SYSCALL(__NR_kill, sys_kill),
	SYSCALL(__NR_brk, sys_brk),
	SYSCALL(__NR_getppid, sys_getppid),
	SYSCALL(__NR_sethostname, sys_sethostname),
	SYSCALL(__NR_uname, sys_newuname),
	SYSCALL(__NR_sched_yield, sys_sched_yield),
	SYSCALL(__NR_nanosleep, sys_nanosleep),
};
#define NR_syscalls ARRAY_SIZE(sys_call_table)

void do_syscall(struct pt_regs *regs)
{
	u32 nr = regs->eax;
	syscall_t fn = nr < NR_syscalls ? sys_call_table[nr] : NULL;

	trace_sys_enter(regs, nr);
	local_irq_enable();
	regs->eax = fn ? (u32)fn(regs->ebx, regs->ecx, regs->edx, regs->esi, regs->edi)
		       : (u32)-ENOSYS;
	local_irq_disable();
}
