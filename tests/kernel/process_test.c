/*
 * tests/kernel/process_test.c - processes, from the kernel's side: the
 * user-space suite (boot/user/usertests.c) run as a process, and what only
 * the kernel can see of it: page directories (S2), CR3 at each switch (S3),
 * the stack and CR3 at each system call (S4), where user pages and page
 * tables live (P7), and that nothing is lost when processes end.
 *
 * The first test runs usertests and waits for it; its KTAP lines appear
 * as a subtest (indented) before this suite's own line.  While it runs,
 * two tracepoint probes check every system call and every context switch
 * as it happens.  The tests after it read what that run left: the log,
 * the probes' counts, the free lists.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/uaccess.h>
#include <trace/events/sched.h>
#include <trace/events/syscalls.h>
#include "selftest.h"

/* What the usertests run left behind, for the tests after it. */
static struct {
	bool ran;
	int status;
	unsigned long log_start;
	const char *lost;                  /* free lists after, or NULL */
	unsigned long forks_before;
} run;

/*
 * What the probes saw while usertests ran (watching is set only then, so
 * at other times, make bench's included, a probe is a call and a test).
 */
static struct {
	bool watching;
	/* sys_enter: every int 0x80 (S4). */
	unsigned long syscalls;
	unsigned long syscall_bad_stack;   /* pt_regs not at the top of current's stack */
	unsigned long syscall_cr3_changed; /* CR3 not __pa(current->mm->pgd) */
	pid_t last_pid;
	u32 last_nr, last_regs, last_stack_base, last_cr3, last_pgd_pa, last_user_esp;
	/* sched_switch: every context switch (S3). */
	unsigned long switches;
	unsigned long cr3_changes;         /* switches out of another CR3 than the last */
	unsigned long cr3_mismatches;      /* CR3 was not __pa(prev->active_mm->pgd) */
	unsigned long slice_expiries;      /* prev still runnable, its time slice used up */
	u32 last_switch_cr3;
} watch;

/* S4: on the task's kernel stack, in the task's address space. */
void probe_sys_enter(struct pt_regs *regs, long id)
{
	struct task_struct *tsk = current;
	u32 base = (u32)(uintptr_t)tsk->thread_info, at = (u32)(uintptr_t)regs;
	u32 cr3, pgd_pa;

	if (!watch.watching)
		return;
	cr3 = read_cr3();
	pgd_pa = tsk->mm ? (u32)__pa(tsk->mm->pgd) : 0;
	watch.syscalls++;
	if (at < base || at + sizeof(*regs) != base + THREAD_SIZE)
		watch.syscall_bad_stack++;
	if (cr3 != pgd_pa)
		watch.syscall_cr3_changed++;
	watch.last_pid = tsk->pid;
	watch.last_nr = (u32)id;
	watch.last_regs = at;
	watch.last_stack_base = base;
	watch.last_cr3 = cr3;
	watch.last_pgd_pa = pgd_pa;
	watch.last_user_esp = regs->esp;
}

/*
 * S3, seen from the switch after: while @prev ran, CR3 held the physical
 * address of its page directory, which context_switch() loaded when prev
 * was switched in.
 */
void probe_sched_switch(struct task_struct *prev, struct task_struct *next)
{
	u32 cr3 = read_cr3();

	(void)next;
	if (!watch.watching)
		return;
	watch.switches++;
	if (cr3 != (u32)__pa(prev->active_mm->pgd))
		watch.cr3_mismatches++;
	if (cr3 != watch.last_switch_cr3)
		watch.cr3_changes++;
	watch.last_switch_cr3 = cr3;
	if (prev->state == TASK_RUNNING && !prev->time_slice)
		watch.slice_expiries++;
}

/* A kernel thread that becomes the program @arg; its exit code says why
 * if it cannot (the errno, shifted as an exit status). */
static int exec_program(void *arg)
{
	const char *argv[] = { arg, NULL };
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	int err = kernel_execve(arg, argv, envp);

	return ((-err) & 0xff) << 8;
}

/* Reap every child left, orphans included: none may stay a zombie. */
static void reap_all(void)
{
	int status;

	while (do_wait(-1, &status, 0) > 0)
		;
}

/*
 * The user-space suite, run as a process of its own (pid > 1), as xv6's
 * usertests: hostile system calls, faults in children, stack and heap
 * growth, fork and exec.  Expect it to exit 0 (its count of failures),
 * and every page it and its children used back on the free lists.
 */
static const char *test_usertests(void)
{
	struct free_snapshot before;
	struct task_struct *p;
	pid_t pid, waited;

	run.forks_before = nr_forks;
	snapshot_free_shrunk(&before);
	run.log_start = log_position();
	watch.last_switch_cr3 = read_cr3();
	watch.watching = true;
	pid = kernel_thread(exec_program, (void *)"usertests", "usertests");
	waited = pid > 1 ? do_wait(pid, &run.status, 0) : pid;
	watch.watching = false;
	KTEST_EXPECT(pid > 1);
	KTEST_EXPECT_EQ(waited, pid);
	reap_all();
	for_each_process(p)
		if (p->pid > 1)
			return ktest_fail("task %d (%s) is still there", p->pid, p->comm);
	run.ran = true;
	run.lost = free_lists_unchanged_shrunk(&before);
	if (WTERMSIG(run.status))
		return ktest_fail("usertests was killed by signal %d", WTERMSIG(run.status));
	if (run.status)
		return ktest_fail("usertests: %d tests failed", WEXITSTATUS(run.status));
	return NULL;
}

/*
 * Nothing is lost: after usertests and its dozens of children have
 * exited and been reaped, every page they had (user pages, page tables,
 * page directories, kernel stacks, slab objects) is back.  Expect the
 * buddy free lists identical, block for block, to before the run.
 */
static const char *test_nothing_lost(void)
{
	if (!run.ran)
		return ktest_fail("usertests did not run");
	KTEST_EXPECT(nr_forks - run.forks_before >= 10);
	return run.lost;
}

/*
 * A user access to kernel space faults (S5): the kernel's pages have no
 * _PAGE_USER.  Expect usertests' children that touched 0xc0000000 and
 * NULL to have been killed with Linux's "segfault at" line, saying where
 * the address lies, and the children that ran ud2, divided by zero and
 * ran cli to have got the "traps:" line, while the kernel went on.
 */
static const char *test_user_access_to_kernel_killed(void)
{
	static const char *const lines[] = {
		"]: segfault at c0000000 ip ",
		"#PF: the address is in the direct map (lowmem)",
		"]: segfault at 0 ip ",
		"#PF: the address is in the NULL page",
		"] trap invalid opcode ip:",
		"] trap divide error ip:",
		"] trap general protection fault ip:",
	};

	if (!run.ran)
		return ktest_fail("usertests did not run");
	for (unsigned int i = 0; i < ARRAY_SIZE(lines); i++)
		if (!log_contains_since(run.log_start, lines[i]))
			return ktest_fail("no line \"%s\" in the log", lines[i]);
	for (unsigned long i = USER_PTRS_PER_PGD; i < PTRS_PER_PGD; i++)
		if (pgd_val(swapper_pg_dir[i]) & _PAGE_USER)
			return ktest_fail("swapper_pg_dir[%lu] = %08x allows user access",
					  i, pgd_val(swapper_pg_dir[i]));
	return NULL;
}

/*
 * Every int 0x80 of the run was checked on entry by probe_sys_enter()
 * (S4): the CPU had moved to the task's own kernel stack (pt_regs at its
 * very top) and CR3 still held that process's page directory.  Expect
 * hundreds of entries, no exception, and the last one's record consistent.
 */
static const char *test_syscall_entry_switches_stack_not_cr3(void)
{
	if (!run.ran)
		return ktest_fail("usertests did not run");
	KTEST_EXPECT(watch.syscalls >= 100);
	KTEST_EXPECT_EQ(watch.syscall_bad_stack, 0);
	KTEST_EXPECT_EQ(watch.syscall_cr3_changed, 0);
	KTEST_EXPECT_EQ(watch.last_regs + sizeof(struct pt_regs), watch.last_stack_base + THREAD_SIZE);
	KTEST_EXPECT_EQ(watch.last_cr3, watch.last_pgd_pa);
	KTEST_EXPECT(watch.last_user_esp < TASK_SIZE && watch.last_user_esp > TASK_SIZE - (8u << 20));
	KTEST_EXPECT(watch.last_pgd_pa < (u32)PFN_PHYS(max_low_pfn));   /* lowmem (P7) */
	return NULL;
}

/*
 * Each context switch loads CR3 with __pa(next's pgd) (S3).  probe_sched_switch()
 * saw every switch of the run, with the CR3 the outgoing task had run on.
 * Expect switches, CR3 changing between them, and at each the CR3 equal to
 * the physical address of the outgoing task's page directory; this kernel
 * thread runs on swapper_pg_dir.  usertests' spinning child was switched
 * out by the tick: at least one switch found its time slice used up.
 */
static const char *test_switch_loads_pa_of_pgd(void)
{
	if (!run.ran)
		return ktest_fail("usertests did not run");
	KTEST_EXPECT(watch.switches >= 20);
	KTEST_EXPECT(watch.slice_expiries >= 1);
	KTEST_EXPECT(watch.cr3_changes >= 20);
	KTEST_EXPECT_EQ(watch.cr3_mismatches, 0);
	KTEST_EXPECT_EQ(read_cr3(), (u32)__pa(swapper_pg_dir));
	KTEST_EXPECT(current->active_mm == &init_mm);
	return NULL;
}

/*
 * pgd_alloc() (S2, P7): two new directories in lowmem, user halves empty,
 * kernel halves (entries 768-1023) equal to swapper_pg_dir's entry by
 * entry.  Then vmalloc() adds mappings after they were made: expect the
 * area readable through the new directory (vmalloc_fault() copies the
 * entry on first touch) and the kernel halves still identical.
 */
static const char *test_pgd_alloc_copies_kernel_half(void)
{
	struct free_snapshot before;
	struct mm_struct *a, *b;
	const char *err = NULL;
	unsigned long size = 5u << 20;     /* more than one pgd entry's 4 MB */
	char *area;
	u32 probe;

	snapshot_free_shrunk(&before);
	a = mm_alloc();
	b = mm_alloc();
	KTEST_EXPECT(a && b && a->pgd != b->pgd);
	for (unsigned long i = 0; i < PTRS_PER_PGD && !err; i++) {
		u32 va = pgd_val(a->pgd[i]), vb = pgd_val(b->pgd[i]);
		u32 vs = pgd_val(swapper_pg_dir[i]);

		if (i < USER_PTRS_PER_PGD ? (va || vb) : (va != vs || vb != vs))
			err = ktest_fail("entry %lu: %08x / %08x, swapper_pg_dir %08x",
					 i, va, vb, vs);
	}
	if (!err && !virt_addr_valid(a->pgd))
		err = ktest_fail("pgd %p is not in lowmem", a->pgd);
	area = err ? NULL : vmalloc(size);
	if (area) {
		area[0] = 1;
		area[size - 1] = 2;
		write_cr3((u32)__pa(a->pgd));
		if (probe_kernel_read(&probe, area + size - 4, 4) || probe >> 24 != 2)
			err = ktest_fail("vmalloc area %p unreadable through a new pgd", area);
		write_cr3((u32)__pa(swapper_pg_dir));
		for (unsigned long i = USER_PTRS_PER_PGD; i < PTRS_PER_PGD && !err; i++)
			if (pgd_val(a->pgd[i]) && pgd_val(a->pgd[i]) != pgd_val(swapper_pg_dir[i]))
				err = ktest_fail("entry %lu differs after vmalloc_fault", i);
		if (!err && pgd_val(a->pgd[pgd_index((unsigned long)area + size - 1)]) !=
			    pgd_val(swapper_pg_dir[pgd_index((unsigned long)area + size - 1)]))
			err = ktest_fail("the touched area's entry was not copied");
		vfree(area);
	} else if (!err) {
		err = ktest_fail("vmalloc(%lu) failed", size);
	}
	mmput(a);
	mmput(b);
	return err ? err : free_lists_unchanged_shrunk(&before);
}

/*
 * User pages and user page tables come from GFP_HIGHUSER (P7, U6): with
 * HighMem, both land there, and the kernel reaches them only through
 * kmap_atomic slots; the page directory stays in lowmem.  Expect a
 * demand-paged page in ZONE_HIGHMEM, its page table too, zero-filled,
 * and everything freed by mmput().
 */
static const char *test_user_pages_in_highmem(void)
{
	struct free_snapshot before;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	struct page *page, *table;
	const char *err = NULL;
	unsigned long addr = 0x08048000;
	u32 *kaddr;

	if (!totalhigh_pages)
		return ktest_skip("no HighMem at this RAM size");
	snapshot_free_shrunk(&before);
	mm = mm_alloc();
	KTEST_EXPECT(mm);
	vma = vma_alloc(mm, addr, addr + 4 * PAGE_SIZE, VM_READ | VM_WRITE);
	KTEST_EXPECT(vma && !insert_vm_struct(mm, vma));
	KTEST_EXPECT_EQ(handle_mm_fault(vma, addr + PAGE_SIZE + 5), 0);
	page = follow_page(mm, addr + PAGE_SIZE);
	table = pfn_to_page(pmd_phys(*pmd_offset(pgd_offset(mm->pgd, addr), addr)) >> PAGE_SHIFT);
	if (!page || !PageHighMem(page) || !PageHighMem(table))
		err = ktest_fail("page %p (highmem %d), table highmem %d", page,
				 page && PageHighMem(page), PageHighMem(table));
	if (!err) {
		kaddr = kmap_atomic(page, KM_USER0);
		if (kaddr[0] || kaddr[PAGE_SIZE / 4 - 1])
			err = ktest_fail("a new user page is not zeroed");
		kunmap_atomic(kaddr, KM_USER0);
	}
	if (!err && (follow_page(mm, addr) || mm->rss != 1 || mm->nr_ptes != 1))
		err = ktest_fail("rss %lu, nr_ptes %lu, expected 1 and 1", mm->rss, mm->nr_ptes);
	mmput(mm);
	return err ? err : free_lists_unchanged_shrunk(&before);
}

/*
 * /proc/PID/maps in 2.6's format: address range, rights, offset,
 * device, inode, and the name at column 50.  Expect exactly these lines
 * for a hand-made address space.
 */
static const char *test_proc_maps_format(void)
{
	static const char expect[] =
		"08048000-0804a000 r-xp 00000000 00:00 0          /prog\n"
		"0804b000-0804c000 rw-p 00002000 00:00 0          /prog\n"
		"0804c000-0804e000 rw-p 0804c000 00:00 0          [heap]\n"
		"bffff000-c0000000 rw-p bffff000 00:00 0          [stack]\n";
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *v[4];
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	const char *err = NULL;

	KTEST_EXPECT(mm && buf);
	v[0] = vma_alloc(mm, 0x0804b000, 0x0804c000, VM_READ | VM_WRITE);
	v[1] = vma_alloc(mm, 0xbffff000, TASK_SIZE, VM_READ | VM_WRITE | VM_GROWSDOWN);
	v[2] = vma_alloc(mm, 0x08048000, 0x0804a000, VM_READ | VM_EXEC);
	v[3] = vma_alloc(mm, 0x0804c000, 0x0804e000, VM_READ | VM_WRITE);
	v[0]->vm_name = v[2]->vm_name = "prog";
	v[0]->vm_pgoff = 2;
	v[2]->vm_pgoff = 0;
	for (int i = 0; i < 4; i++)
		if (insert_vm_struct(mm, v[i]))
			err = ktest_fail("region %d refused", i);
	mm->start_brk = 0x0804c000;
	mm->brk = 0x0804d800;
	mm->start_stack = 0xbffffe00;
	if (!err) {
		mm_show_maps(mm, buf, PAGE_SIZE);
		if (strcmp(buf, expect))
			err = ktest_fail("got:\n%s", buf);
	}
	/* An overlapping region is refused. */
	if (!err) {
		struct vm_area_struct *o = vma_alloc(mm, 0x08049000, 0x0804b000, VM_READ);

		if (!insert_vm_struct(mm, o))
			err = ktest_fail("an overlapping region was accepted");
		kfree(o);
	}
	kfree(buf);
	mmput(mm);
	return err;
}

/*
 * exec of a program that is not there, from a kernel thread: expect
 * -ENOENT, and the thread still a kernel thread on swapper_pg_dir.
 */
static const char *test_exec_unknown_program(void)
{
	static const char *const argv[] = { "nope", NULL };

	KTEST_EXPECT_EQ(kernel_execve("no-such-program", argv, argv), -ENOENT);
	KTEST_EXPECT(!current->mm);
	KTEST_EXPECT_EQ(read_cr3(), (u32)__pa(swapper_pg_dir));
	return NULL;
}

static const struct selftest process_tests[] = {
	{ "usertests_run_as_a_process_and_pass", "seeds: U1 U2 U4 U5 U6", test_usertests },
	{ "exited_processes_leave_no_page_behind", NULL, test_nothing_lost },
	{ "user_access_to_kernel_space_kills_only_that_process", "seeds: S5 S1",
	  test_user_access_to_kernel_killed },
	{ "syscall_entry_switches_stack_not_cr3", "seeds: S4 U2 U3",
	  test_syscall_entry_switches_stack_not_cr3 },
	{ "context_switch_loads_pa_of_next_pgd_into_cr3", "seeds: S3",
	  test_switch_loads_pa_of_pgd },
	{ "pgd_alloc_copies_kernel_half_vmalloc_reaches_it", "seeds: S2 P7",
	  test_pgd_alloc_copies_kernel_half },
	{ "user_pages_and_page_tables_from_highmem", "seeds: P7 U6", test_user_pages_in_highmem },
	{ "proc_pid_maps_in_linux_format", "seeds: U1", test_proc_maps_format },
	{ "exec_unknown_program_is_enoent", NULL, test_exec_unknown_program },
};

const struct selftest_suite process_suite = {
	.name = "process",
	.tests = process_tests,
	.nr = ARRAY_SIZE(process_tests),
};
