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
 * A fault at a user address, from user mode or from a copy_from_user(),
 * goes to the process's regions (mm/mmap.c): inside a region that allows
 * the access, or just below the stack region and near esp, it is demand
 * paging, and handle_mm_fault() maps a page.  Anywhere else a user-mode
 * access is a bad one: the process is killed with SIGSEGV and a line in
 * the format later kernels print,
 *
 *   usertests[5]: segfault at c0000000 ip 080481f3 sp bffffe10 error 7 in usertests[8048000+3000]
 *   #PF: the address is in the direct map (lowmem)
 *
 * and the kernel carries on (S5: ring 3 cannot touch kernel pages, whose
 * ptes lack _PAGE_USER).  A kernel-mode access goes to the exception
 * table, so a system call returns -EFAULT (U4, U5).
 *
 * Mirrors: arch/i386/mm/fault.c do_page_fault() and its vmalloc_fault
 * part (2.6.11), with the "#PF:" lines and the "segfault at" line of later
 * kernels (arch/x86/mm/fault.c show_fault_oops(), show_signal_msg()).
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/kallsyms.h>
#include <linux/vmalloc.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <asm/fixmap.h>
#include <asm/fault.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <trace/events/exceptions.h>

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

/* kmap_atomic() slot names, in enum km_type order (asm/kmap_types.h). */
static const char *const km_type_names[KM_TYPE_NR] = {
	"KM_BOUNCE_READ", "KM_SKB_SUNRPC_DATA", "KM_SKB_DATA_SOFTIRQ", "KM_USER0",
	"KM_USER1", "KM_BIO_SRC_IRQ", "KM_BIO_DST_IRQ", "KM_PTE0", "KM_PTE1",
	"KM_IRQ0", "KM_IRQ1", "KM_SOFTIRQ0", "KM_SOFTIRQ1",
};

/* "the guard page after the vmalloc area 0x...-0x... (8192 bytes, f+0x1c/0x40)" */
static void describe_vmalloc(unsigned long address, char *buf, size_t len)
{
	struct vm_struct *area = find_vm_area_covering(address);
	unsigned long start, end;
	char caller[64];

	if (!area) {
		snprintf(buf, len, "the vmalloc area, between allocated areas (never mapped)");
		return;
	}
	start = (unsigned long)area->addr;
	end = start + area->size;
	sprint_symbol(caller, sizeof(caller), area->caller);
	snprintf(buf, len, "%sthe %s area 0x%08lx-0x%08lx (%lu bytes, %s)",
		 address >= end - PAGE_SIZE ? "the guard page after " : "",
		 area->flags & VM_IOREMAP ? "ioremap" : area->flags & VM_MAP ? "vmap" : "vmalloc",
		 start, end, area->size, caller);
}

static void describe_fixmap(unsigned long address, char *buf, size_t len)
{
	unsigned int idx = __virt_to_fix(address);

	if (idx >= FIX_KMAP_BEGIN && idx <= FIX_KMAP_END) {
		unsigned int slot = idx - FIX_KMAP_BEGIN;

		snprintf(buf, len, "fixmap slot %u: kmap_atomic %s of CPU %u (%s)", idx,
			 km_type_names[slot % KM_TYPE_NR], slot / KM_TYPE_NR,
			 pte_none(*(kmap_pte - slot)) ? "not mapped now" : "mapped");
		return;
	}
	snprintf(buf, len, "fixmap slot %u (%s)", idx,
		 idx == FIX_APIC_BASE ? "FIX_APIC_BASE, the local APIC" :
		 idx == FIX_IO_APIC_BASE_0 ? "FIX_IO_APIC_BASE_0, the I/O APIC" :
		 idx == FIX_WP_TEST ? "FIX_WP_TEST, used once at boot" :
		 "no slot: the page below the fixmap");
}

/*
 * fault_region_describe - which part of the address space @address lies
 * in, in words a student can look up in memlayout.h; in the top 128 MB,
 * down to the vmalloc area, guard page, pkmap slot or fixmap slot.
 */
void fault_region_describe(unsigned long address, char *buf, size_t len)
{
	if (address < PAGE_SIZE)
		snprintf(buf, len, "the NULL page");
	else if (address < TASK_SIZE)
		snprintf(buf, len, "user space");
	else if (address < (unsigned long)high_memory)
		snprintf(buf, len, "the direct map (lowmem)");
	else if (address < VMALLOC_START)
		snprintf(buf, len, "the VMALLOC_OFFSET gap after the direct map (never mapped)");
	else if (address < VMALLOC_END)
		describe_vmalloc(address, buf, len);
	else if (address < PKMAP_BASE)
		snprintf(buf, len, "the two unmapped pages between the vmalloc area and the pkmap window");
	else if (address < PKMAP_ADDR(LAST_PKMAP)) {
		unsigned int nr = PKMAP_NR(address);
		int count = pkmap_count[nr];

		if (count > 1)
			snprintf(buf, len, "pkmap slot %u of the kmap() window (held by %d kmap())",
				 nr, count - 1);
		else
			snprintf(buf, len, "pkmap slot %u of the kmap() window (%s)", nr,
				 count ? "free, its TLB entry not yet flushed" : "unused");
	} else if (address < FIXADDR_BOOT_START)
		snprintf(buf, len, "the unused space between the pkmap window and the fixmap");
	else if (address < FIXADDR_TOP)
		describe_fixmap(address, buf, len);
	else
		snprintf(buf, len, "the reserved top page (FIX_HOLE)");
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
	char line[128];

	printk("BUG: unable to handle kernel %s at virtual address %08lx\n",
	       address < PAGE_SIZE ? "NULL pointer dereference" : "paging request",
	       address);
	pf_describe_access(error_code, user_mode(regs), line, sizeof(line));
	printk("#PF: %s\n", line);
	pf_describe_error(error_code, line, sizeof(line));
	printk("#PF: %s\n", line);
	fault_region_describe(address, line, sizeof(line));
	printk("#PF: the address is in %s\n", line);
	dump_pagetable(address);
	die("Oops", regs, error_code);
}

/*
 * A fault at user address @address in @mm: 0 if a page is now mapped (or
 * the region grown), -EFAULT if the access is not allowed, -ENOMEM if no
 * page was left.  2.6's good_area/bad_area checks.
 */
static int user_address_fault(struct mm_struct *mm, struct pt_regs *regs,
			      unsigned long address, u32 error_code)
{
	struct vm_area_struct *vma = find_vma(mm, address);

	if (!vma)
		return -EFAULT;
	if (vma->vm_start > address) {
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EFAULT;
		/* A user access far below esp is a bug, not stack growth
		 * (2.6 allows 64 KB and 32 words: "enter" and "pusha"). */
		if ((error_code & X86_PF_USER) &&
		    address + 65536 + 32 * sizeof(unsigned long) < trap_sp(regs))
			return -EFAULT;
		if (expand_stack(vma, address))
			return -EFAULT;
	}
	if (error_code & X86_PF_PROT)     /* present but refused: no COW here */
		return -EFAULT;
	if ((error_code & X86_PF_WRITE) ? !(vma->vm_flags & VM_WRITE)
					: !(vma->vm_flags & (VM_READ | VM_EXEC)))
		return -EFAULT;
	return handle_mm_fault(vma, address);
}

/* " in usertests[8048000+3000]": the program region that holds @ip
 * (later Linux's print_vma_addr(), which names file mappings only). */
static void describe_ip_region(struct mm_struct *mm, unsigned long ip, char *buf, size_t len)
{
	struct vm_area_struct *vma = mm ? find_vma(mm, ip) : NULL;

	if (vma && vma->vm_start <= ip && vma->vm_name)
		snprintf(buf, len, " in %s[%lx+%lx]", vma->vm_name,
			 vma->vm_start, vma->vm_end - vma->vm_start);
	else
		buf[0] = 0;
}

static __attribute__((noreturn)) void
bad_user_access(struct pt_regs *regs, unsigned long address, u32 error_code)
{
	struct task_struct *tsk = current;
	char where[64], region[128];

	describe_ip_region(tsk->mm, regs->eip, where, sizeof(where));
	printk("%s[%d]: segfault at %lx ip %08x sp %08x error %x%s\n", tsk->comm,
	       tsk->pid, address, regs->eip, regs->esp, error_code, where);
	fault_region_describe(address, region, sizeof(region));
	printk("#PF: the address is in %s\n", region);
	do_exit_signal(SIGSEGV);
}

/*
 * vmalloc_fault - sync this page directory with swapper_pg_dir at @address.
 *
 * A page directory other than swapper_pg_dir (a process's) gets a copy of
 * entries 768-1023 of swapper_pg_dir when it is made (S2, pgd_alloc()):
 * it shares the kernel's page tables, but only those that existed at that
 * moment.  When vmalloc() later needs a new page table, pte_alloc_kernel()
 * enters it in swapper_pg_dir alone, and the first touch of the area
 * through the older directory faults here.  Copying swapper_pg_dir's entry
 * and running the instruction again is Linux 2.6's choice: lazy, so
 * vmalloc() never has to visit every directory in the system.  It is safe
 * because kernel page tables are never freed (pte_alloc_kernel()): an
 * entry once copied stays right, and vfree() clears ptes inside the shared
 * tables, which every directory sees at once.  The fixmap and pkmap page
 * tables are made at boot (fixrange_init()), before any copy is taken, so
 * every directory has them and kmap() never faults.  With PAE (Linux's;
 * this kernel has no PAE build) all directories share the kernel's pmd
 * page, so a new page table appears in all of them at once and there is
 * nothing to sync.
 *
 * 2.6.11 does this inline in do_page_fault(), at its vmalloc_fault label;
 * later kernels made it a function of its own, vmalloc_fault(), as here.
 */

int vmalloc_fault(unsigned long address)
{
	pgd_t *pgd = pgd_offset(__va(read_cr3() & PAGE_MASK), address);
	pgd_t *pgd_k = pgd_offset_k(address);
	pmd_t *pmd = pmd_offset(pgd, address), *pmd_k = pmd_offset(pgd_k, address);

	/* With two levels the pmd is the pgd entry; with PAE both point into
	 * the one shared kernel pmd page, so pmd == pmd_k and nothing is copied. */
	if (!pmd_present(*pmd_k) || !pmd_none(*pmd))
		return -1;                    /* nothing to copy: a real fault */
	set_pmd(pmd, *pmd_k);
	/* A guard page or a freed area faults again, for real: */
	return pte_present(*pte_offset_kernel(pmd_k, address)) ? 0 : -1;
}

void do_page_fault(struct pt_regs *regs, u32 error_code)
{
	unsigned long address = read_cr2();
	struct mm_struct *mm = current->mm;

	/* 2.6: "address >= TASK_SIZE && !(error_code & 5)", a kernel-mode
	 * not-present fault above user space; only the vmalloc area can
	 * have entries to copy. */
	if (address >= VMALLOC_START && address < VMALLOC_END &&
	    !(error_code & (X86_PF_PROT | X86_PF_USER)) && vmalloc_fault(address) == 0)
		return;
	if (address < TASK_SIZE && mm) {
		int err = user_address_fault(mm, regs, address, error_code);

		if (!err)
			return;
		if (err == -ENOMEM) {
			printk("Out of memory: Killed process %d (%s).\n",
			       current->pid, current->comm);
			do_exit_signal(SIGKILL);
		}
	}
	if (user_mode(regs))
		bad_user_access(regs, address, error_code);
	/* no_context: a kernel fault that only the exception table can
	 * excuse.  A fixed-up fault prints nothing. */
	trace_page_fault_no_context(regs, address, error_code);
	if (fixup_exception(regs))
		return;
	kernel_fault_oops(regs, address, error_code);
}
