/*
 * arch/i386/mm/fault.c - the page-fault handler.
 *
 * CR2 holds the address that faulted and the error code says how (see
 * asm/fault.h).  A kernel-mode fault at an instruction that has an
 * exception-table entry is expected (a probe, a copy from a user pointer):
 * it resumes at the fixup.  Any other kernel fault is a bug and gets an
 * oops that says which address, what kind of access, where in the address
 * space the address lies, and what the page directory held for it.
 *
 * First, though, a not-present fault in the vmalloc area may only mean that
 * this page directory has not yet copied swapper_pg_dir's entry for a page
 * table vmalloc() added after it was made: vmalloc_fault() copies it and
 * the instruction runs again.
 *
 * Mirrors: arch/i386/mm/fault.c do_page_fault() (2.6), with the "#PF:"
 * lines of later kernels (arch/x86/mm/fault.c show_fault_oops()).
 * Omitted for now: user faults and demand paging (the user-space issue).
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <asm/fault.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

struct page_fault_record last_kernel_fault;

void pf_describe_access(u32 error_code, bool user, char *buf, size_t len)
{
	snprintf(buf, len, "%s %s in %s mode",
		 (error_code & X86_PF_USER) ? "user" : "supervisor",
		 (error_code & X86_PF_INSTR) ? "instruction fetch" :
		 (error_code & X86_PF_WRITE) ? "write access" : "read access",
		 user ? "user" : "kernel");
}

void pf_describe_error(u32 error_code, char *buf, size_t len)
{
	snprintf(buf, len, "error_code(0x%04x) - %s", error_code,
		 !(error_code & X86_PF_PROT) ? "not-present page" :
		 (error_code & X86_PF_RSVD) ? "reserved bit violation" :
		 "permissions violation");
}

const char *fault_region_name(unsigned long address)
{
	if (address < PAGE_SIZE)
		return "the NULL page";
	if (address < TASK_SIZE)
		return "user space";
	if (address < (unsigned long)high_memory)
		return "the direct map (lowmem)";
	return "kernel space above the direct map";
}

/* "*pde = 00000000" and, when there is a page table, "*pte = ...". */
static void dump_pagetable(unsigned long address)
{
	pgd_t *pgd = pgd_offset(__va(read_cr3() & PAGE_MASK), address);
	pmd_t *pmd = pmd_offset(pgd, address);

	printk("*pde = %08x\n", pmd_val(*pmd));
	if (pmd_present(*pmd) && !pmd_large(*pmd))
		printk("*pte = %08x\n", pte_val(*pte_offset_kernel(pmd, address)));
}

static __attribute__((noreturn)) void
kernel_fault_oops(struct pt_regs *regs, unsigned long address, u32 error_code)
{
	char line[80];

	printk("BUG: unable to handle kernel %s at virtual address %08lx\n",
	       address < PAGE_SIZE ? "NULL pointer dereference" : "paging request",
	       address);
	pf_describe_access(error_code, user_mode(regs), line, sizeof(line));
	printk("#PF: %s\n", line);
	pf_describe_error(error_code, line, sizeof(line));
	printk("#PF: %s\n", line);
	printk("#PF: the address is in %s\n", fault_region_name(address));
	dump_pagetable(address);
	die("Oops", regs, error_code);
}

void do_page_fault(struct pt_regs *regs, u32 error_code)
{
	unsigned long address = read_cr2();

	/* 2.6: "address >= TASK_SIZE && !(error_code & 5)", a kernel-mode
	 * not-present fault above user space; only the vmalloc area can
	 * have entries to copy. */
	if (address >= VMALLOC_START && address < VMALLOC_END &&
	    !(error_code & (X86_PF_PROT | X86_PF_USER)) && vmalloc_fault(address) == 0)
		return;
	if (!user_mode(regs)) {
		last_kernel_fault = (struct page_fault_record){
			.address = address, .error_code = error_code,
			.eip = regs->eip, .count = last_kernel_fault.count + 1,
		};
		if (fixup_exception(regs)) {
			last_kernel_fault.fixed_up = true;
			return;
		}
	}
	kernel_fault_oops(regs, address, error_code);
}
