/*
 * asm/fault.h - the page-fault error code, and the words the fault
 * handler prints for it.
 *
 *   bit 0  P     0: the page was not present   1: a protection violation
 *   bit 1  W/R   0: a read                     1: a write
 *   bit 2  U/S   0: in kernel mode             1: in user mode
 *   bit 3  RSVD  a reserved bit was set in a paging entry
 *   bit 4  I/D   the access was an instruction fetch
 */
#ifndef _ASM_FAULT_H
#define _ASM_FAULT_H

#include <linux/types.h>

#define X86_PF_PROT   0x01
#define X86_PF_WRITE  0x02
#define X86_PF_USER   0x04
#define X86_PF_RSVD   0x08
#define X86_PF_INSTR  0x10

/*
 * The two "#PF:" lines of the oops, as later Linux prints them:
 *   "supervisor write access in kernel mode"
 *   "error_code(0x0002) - not-present page"
 */
void pf_describe_access(u32 error_code, bool user, char *buf, size_t len);
void pf_describe_error(u32 error_code, char *buf, size_t len);
/* Which part of the address space @address lies in, in words: a region,
 * or in the top 128 MB the vmalloc area, guard page, pkmap or fixmap slot. */
void fault_region_describe(unsigned long address, char *buf, size_t len);

/*
 * vmalloc_fault - a kernel fault at @address in the vmalloc area, in a page
 * directory that lacks the page table swapper_pg_dir has there: copy the
 * entry and return 0 if that maps @address;
 * -1 for a real fault: swapper_pg_dir has no table there either, this
 * directory already has the entry, or the page is not mapped (a guard page).
 * The page-fault handler's (arch/i386/mm/fault.c, which says why).
 */
int vmalloc_fault(unsigned long address);

#endif /* _ASM_FAULT_H */
