/*
 * arch/i386/kernel/asm-offsets.c - the C headers' numbers, for the
 * assembly files.
 *
 * NASM cannot read a C header, so boot/head.asm, boot/cpucheck.asm and
 * entry.asm would have to repeat every constant they use: a second copy
 * that nothing keeps in step with the first.  Instead this file is compiled, never linked: the
 * Makefile runs the cross compiler with -S on it, and each DEFINE() below
 * leaves one marker line in the assembly output, the value already
 * computed by the compiler:
 *
 *   DEFINE(THREAD_SIZE, THREAD_SIZE)    ->  "->THREAD_SIZE $8192 THREAD_SIZE"
 *
 * A sed script turns every marker into a NASM definition in
 * build/include/asm-offsets.inc, which the kernel's .asm files %include:
 *
 *   %define THREAD_SIZE 8192 ; THREAD_SIZE
 *
 * The linker scripts (linker.ld, boot/user/user.ld) take the few they need
 * from build/include/asm-offsets.ld, made from the same markers, one
 * assignment each ("EARLY_MAP_SIZE = 8388608;" and the expression in a
 * comment), which they INCLUDE.
 *
 * OFFSET() does the same for the place of a field in a struct, so the
 * assembly can follow the C layout (struct pt_regs) instead of counting.
 * Values are printed unsigned (through unsigned long long, which i386 gcc
 * prints in full), so an address such as PAGE_OFFSET stays 3221225472 and
 * not a negative int.
 *
 * Mirrors: arch/i386/kernel/asm-offsets.c and the sed script of Kbuild
 * that makes include/asm-i386/asm_offsets.h (2.6.11); they print C
 * #defines for gas, we print %defines for NASM.
 */
#include <linux/kernel.h>
#include <linux/multiboot2.h>
#include <memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/qemu.h>
#include <asm/serial.h>
#include <asm/segment.h>
#include <asm/traps.h>

#define DEFINE(sym, val) \
	asm volatile("\n->" #sym " %0 " #val : : "i" ((unsigned long long)(val)))
#define OFFSET(sym, str, mem)  DEFINE(sym, offsetof(struct str, mem))
#define BLANK()  asm volatile("\n->" : : )

/* Never called: only its compiled text is read. */
void foo(void);
void foo(void)
{
	/* The layout (memlayout.h, asm/pgtable*.h). */
	DEFINE(PAGE_OFFSET, PAGE_OFFSET);
	DEFINE(PAGE_SIZE, PAGE_SIZE);
	DEFINE(PGDIR_SHIFT, PGDIR_SHIFT);
	DEFINE(PGD_ENTRY_SIZE, sizeof(pgd_t));
	DEFINE(EARLY_MAP_SIZE, EARLY_MAP_SIZE);
	DEFINE(LOAD_PHYSICAL_ADDR, LOAD_PHYSICAL_ADDR);
	DEFINE(ELF_EXEC_BASE, ELF_EXEC_BASE);
	DEFINE(THREAD_SIZE, THREAD_SIZE);
	DEFINE(_PAGE_PRESENT, _PAGE_PRESENT);
	DEFINE(_PAGE_RW, _PAGE_RW);
	BLANK();

	/* Control registers (asm/processor.h). */
	DEFINE(X86_CR0_WP, X86_CR0_WP);
	DEFINE(X86_CR0_PG, X86_CR0_PG);
	BLANK();

	/* The CPU check (asm/processor.h) and how it speaks and stops
	 * (asm/serial.h, asm/qemu.h). */
	DEFINE(X86_EFLAGS_ID, X86_EFLAGS_ID);
	DEFINE(X86_FEATURE_TSC, X86_FEATURE_TSC);
	DEFINE(X86_FEATURE_CMOV, X86_FEATURE_CMOV);
	DEFINE(COM1, COM1);
	DEFINE(BASE_BAUD, BASE_BAUD);
	DEFINE(DEFAULT_BAUD, DEFAULT_BAUD);
	DEFINE(UART_TX, UART_TX);
	DEFINE(UART_DLL, UART_DLL);
	DEFINE(UART_IER, UART_IER);
	DEFINE(UART_DLM, UART_DLM);
	DEFINE(UART_FCR, UART_FCR);
	DEFINE(UART_LCR, UART_LCR);
	DEFINE(UART_MCR, UART_MCR);
	DEFINE(UART_LSR, UART_LSR);
	DEFINE(UART_FCR_ENABLE_FIFO, UART_FCR_ENABLE_FIFO);
	DEFINE(UART_FCR_CLEAR_RCVR, UART_FCR_CLEAR_RCVR);
	DEFINE(UART_FCR_CLEAR_XMIT, UART_FCR_CLEAR_XMIT);
	DEFINE(UART_LCR_WLEN8, UART_LCR_WLEN8);
	DEFINE(UART_LCR_DLAB, UART_LCR_DLAB);
	DEFINE(UART_MCR_DTR, UART_MCR_DTR);
	DEFINE(UART_MCR_RTS, UART_MCR_RTS);
	DEFINE(UART_LSR_THRE, UART_LSR_THRE);
	DEFINE(QEMU_EXIT_PORT, QEMU_EXIT_PORT);
	DEFINE(QEMU_EXIT_BAD_CPU, QEMU_EXIT_BAD_CPU);
	BLANK();

	/* Segments (asm/segment.h) and vectors (asm/traps.h). */
	DEFINE(__KERNEL_DS, __KERNEL_DS);
	DEFINE(X86_TRAP_DE, X86_TRAP_DE);
	DEFINE(X86_TRAP_DB, X86_TRAP_DB);
	DEFINE(X86_TRAP_NMI, X86_TRAP_NMI);
	DEFINE(X86_TRAP_BP, X86_TRAP_BP);
	DEFINE(X86_TRAP_OF, X86_TRAP_OF);
	DEFINE(X86_TRAP_BR, X86_TRAP_BR);
	DEFINE(X86_TRAP_UD, X86_TRAP_UD);
	DEFINE(X86_TRAP_NM, X86_TRAP_NM);
	DEFINE(X86_TRAP_DF, X86_TRAP_DF);
	DEFINE(X86_TRAP_OLD_MF, X86_TRAP_OLD_MF);
	DEFINE(X86_TRAP_TS, X86_TRAP_TS);
	DEFINE(X86_TRAP_NP, X86_TRAP_NP);
	DEFINE(X86_TRAP_SS, X86_TRAP_SS);
	DEFINE(X86_TRAP_GP, X86_TRAP_GP);
	DEFINE(X86_TRAP_PF, X86_TRAP_PF);
	DEFINE(X86_TRAP_SPURIOUS, X86_TRAP_SPURIOUS);
	DEFINE(X86_TRAP_MF, X86_TRAP_MF);
	DEFINE(X86_TRAP_AC, X86_TRAP_AC);
	DEFINE(X86_TRAP_MC, X86_TRAP_MC);
	DEFINE(X86_TRAP_XF, X86_TRAP_XF);
	DEFINE(X86_TRAP_VE, X86_TRAP_VE);
	DEFINE(X86_TRAP_CP, X86_TRAP_CP);
	DEFINE(FIRST_EXTERNAL_VECTOR, FIRST_EXTERNAL_VECTOR);
	DEFINE(NR_IRQS, NR_IRQS);
	DEFINE(SYSCALL_VECTOR, SYSCALL_VECTOR);
	BLANK();

	/* struct pt_regs (asm/ptrace.h), as entry.asm builds it. */
	OFFSET(PT_XES, pt_regs, xes);
	OFFSET(PT_TRAPNR, pt_regs, trapnr);
	OFFSET(PT_EIP, pt_regs, eip);
	BLANK();

	/* The Multiboot2 header (linux/multiboot2.h). */
	DEFINE(MULTIBOOT2_HEADER_MAGIC, MULTIBOOT2_HEADER_MAGIC);
	DEFINE(MULTIBOOT_ARCHITECTURE_I386, MULTIBOOT_ARCHITECTURE_I386);
	DEFINE(MULTIBOOT_HEADER_TAG_END, MULTIBOOT_HEADER_TAG_END);
	DEFINE(MULTIBOOT_HEADER_TAG_INFORMATION_REQUEST,
	       MULTIBOOT_HEADER_TAG_INFORMATION_REQUEST);
	DEFINE(MULTIBOOT_TAG_TYPE_BASIC_MEMINFO, MULTIBOOT_TAG_TYPE_BASIC_MEMINFO);
	DEFINE(MULTIBOOT_TAG_TYPE_MMAP, MULTIBOOT_TAG_TYPE_MMAP);
}
