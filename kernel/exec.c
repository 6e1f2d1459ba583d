/*
 * kernel/exec.c - execve(): replace the current process's program.
 *
 * Programs are the Multiboot2 modules GRUB loaded (grub.cfg's module2
 * lines, each named by its command line: "init", "usertests"), checked by
 * elf_check().  There is no file system: a module is the whole file, in
 * lowmem, for ever.
 *
 *   1. copy the arguments and environment strings into the kernel: they
 *      live in the old address space, which is about to go;
 *   2. build a new address space: a page directory (kernel half copied,
 *      S2), a region per PT_LOAD segment with its pages filled from the
 *      file now, and a stack region at the top of user space;
 *   3. lay out the new stack (U1), from TASK_SIZE down:
 *
 *        0xC0000000  +---------------------------+
 *                    | 4 zero bytes              |
 *                    | environment strings       |
 *                    | argument strings          |
 *                    | (padding to 16 bytes)     |
 *                    | auxv: AT_PAGESZ, AT_ENTRY,|
 *                    |       AT_NULL pairs       |
 *                    | NULL, envp[envc-1] .. [0] |
 *                    | NULL, argv[argc-1] .. [0] |
 *        esp ->      | argc                      |  16-byte aligned
 *                    +---------------------------+
 *                      ... the stack grows down from here on faults
 *
 *   4. the point of no return: switch CR3 to the new directory
 *      (activate_mm(), asm/mmu_context.h), free the old address space,
 *      and set the registers so that the return to user mode lands at
 *      e_entry with that esp.
 *
 * Every page is written through kmap_atomic(): user pages come from
 * GFP_HIGHUSER, and a highmem page has no kernel address of its own (P7).
 * Anything wrong before step 4 leaves the caller's program untouched and
 * returns an error.
 *
 * Mirrors: fs/exec.c do_execve(), copy_strings(), setup_arg_pages(),
 * exec_mmap(); fs/binfmt_elf.c load_elf_binary(), create_elf_tables()
 * (2.6.11).  Omitted: interpreters (static programs only), set-uid,
 * randomisation, the vDSO, MAX_ARG_PAGES (one page of strings here).
 */
#include <linux/kernel.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/multiboot2.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/mmu_context.h>
#include <asm/setup.h>
#include <asm/uaccess.h>

#define ARG_MAX      PAGE_SIZE      /* bytes of argument and environment strings */
#define MAX_ARGS     256            /* argv and envp pointers, each */

/* The strings of argv and envp, copied out of the old address space. */
struct linux_binprm {
	char *strings;                  /* argc + envc NUL-terminated strings */
	u32 len;                        /* bytes used in strings */
	u32 argc, envc;
};

/* Append the NULL-terminated array @vec of strings; -E2BIG, -EFAULT. */
static int copy_strings(struct linux_binprm *bprm, const char *const *vec,
			bool from_user, u32 *count)
{
	for (u32 i = 0; vec; i++) {
		const char *s;
		long n;

		if (i >= MAX_ARGS)
			return -E2BIG;
		if (from_user) {
			u32 ptr;

			if (get_user_u32(&ptr, (const u32 *)(vec + i)))
				return -EFAULT;
			s = (const char *)(uintptr_t)ptr;
		} else {
			s = vec[i];
		}
		if (!s)
			break;
		if (from_user) {
			n = strncpy_from_user(bprm->strings + bprm->len, s, ARG_MAX - bprm->len);
			if (n < 0)
				return (int)n;
		} else {
			n = (long)strnlen(s, ARG_MAX - bprm->len);
			memcpy(bprm->strings + bprm->len, s, n);
		}
		if (bprm->len + n >= ARG_MAX)
			return -E2BIG;              /* no room for the NUL */
		bprm->strings[bprm->len + n] = 0;
		bprm->len += n + 1;
		(*count)++;
	}
	return 0;
}

/* The module named @name ("usertests", or "/usertests"), or NULL. */
static const struct mb2_module *find_program(const char *name)
{
	if (*name == '/')
		name++;
	for (u32 i = 0; i < boot_mb2.nr_modules; i++)
		if (!strcmp(boot_mb2.modules[i].cmdline, name))
			return &boot_mb2.modules[i];
	return NULL;
}

/* Write @len bytes at user address @addr of @mm, whose pages are mapped
 * already (exec's own new pages), through KM_USER0. */
static void copy_to_new_mm(struct mm_struct *mm, unsigned long addr, const void *src, u32 len)
{
	while (len) {
		u32 off = addr & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);
		char *kaddr = kmap_atomic(follow_page(mm, addr), KM_USER0);

		memcpy(kaddr + off, src, n);
		kunmap_atomic(kaddr, KM_USER0);
		addr += n;
		src = (const char *)src + n;
		len -= n;
	}
}

/* Give every page of [start, end) of @vma a zeroed GFP_HIGHUSER page. */
static int populate(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	for (unsigned long addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE) {
		struct page *page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);

		if (!page)
			return -ENOMEM;
		if (install_page(vma, addr, page)) {
			__free_page(page);
			return -ENOMEM;
		}
	}
	return 0;
}

/* One region per PT_LOAD segment, its file bytes copied in now; the bss
 * past them is zero (the rest of the last file page is zeroed, whole bss
 * pages are demand-zero). */
static int load_segments(struct mm_struct *mm, const u8 *image, const char *name)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)image;

	for (u32 i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *ph = (const Elf32_Phdr *)(image + eh->e_phoff +
							    i * eh->e_phentsize);
		struct vm_area_struct *vma;
		unsigned long flags = 0;
		int err;

		if (ph->p_type != PT_LOAD || !ph->p_memsz)
			continue;
		flags |= (ph->p_flags & PF_R) ? VM_READ : 0;
		flags |= (ph->p_flags & PF_W) ? VM_WRITE : 0;
		flags |= (ph->p_flags & PF_X) ? VM_EXEC : 0;
		vma = vma_alloc(mm, ph->p_vaddr & PAGE_MASK,
				PAGE_ALIGN(ph->p_vaddr + ph->p_memsz), flags);
		if (!vma)
			return -ENOMEM;
		vma->vm_pgoff = ph->p_offset >> PAGE_SHIFT;
		vma->vm_name = name;
		if (insert_vm_struct(mm, vma)) {        /* two segments overlap */
			kfree(vma);
			printk("elf: %s: PT_LOAD %u overlaps another segment\n", name, i);
			return -ENOEXEC;
		}
		err = populate(vma, ph->p_vaddr, ph->p_vaddr + ph->p_filesz);
		if (err)
			return err;
		copy_to_new_mm(mm, ph->p_vaddr, image + ph->p_offset, ph->p_filesz);
	}
	return 0;
}

/*
 * Write at @w the user addresses of @n strings, the first at *@p (user) and
 * *@s (its kernel copy), then the NULL that ends the vector, even when @n
 * is 0 (argv = {NULL}, envp = {NULL}).  Advance *@p and *@s past the @n
 * strings; return the word after the NULL.
 */
static u32 *put_string_pointers(u32 *w, u32 n, unsigned long *p, const char **s)
{
	for (u32 i = 0; i < n; i++) {
		u32 len = strlen(*s) + 1;

		*w++ = *p;
		*p += len;
		*s += len;
	}
	*w++ = 0;
	return w;
}

/* The stack region and its first pages, laid out as the comment above. */
static int setup_stack(struct mm_struct *mm, const struct linux_binprm *bprm,
		       u32 entry, unsigned long *sp_out)
{
	u32 nwords = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * 3;
	unsigned long strings = (TASK_SIZE - 4 - bprm->len);
	unsigned long sp = ((strings & ~15ul) - nwords * 4) & ~15ul;
	unsigned long base = sp & PAGE_MASK;
	u32 *words, *w;
	const char *s = bprm->strings;
	unsigned long p = strings;
	struct vm_area_struct *vma;
	int err;

	vma = vma_alloc(mm, base, TASK_SIZE, VM_READ | VM_WRITE | VM_GROWSDOWN);
	if (!vma)
		return -ENOMEM;
	if (insert_vm_struct(mm, vma)) {
		kfree(vma);
		return -ENOEXEC;            /* a segment reaches the stack */
	}
	err = populate(vma, base, TASK_SIZE);
	if (err)
		return err;
	copy_to_new_mm(mm, strings, bprm->strings, bprm->len);

	words = kmalloc(nwords * 4, GFP_KERNEL);
	if (!words)
		return -ENOMEM;
	w = words;
	*w++ = bprm->argc;
	mm->arg_start = p;
	w = put_string_pointers(w, bprm->argc, &p, &s);   /* argv[], NULL */
	mm->arg_end = mm->env_start = p;
	w = put_string_pointers(w, bprm->envc, &p, &s);   /* envp[], NULL */
	mm->env_end = p;
	*w++ = AT_PAGESZ; *w++ = PAGE_SIZE;
	*w++ = AT_ENTRY;  *w++ = entry;
	*w++ = AT_NULL;   *w++ = 0;
	copy_to_new_mm(mm, sp, words, nwords * 4);
	kfree(words);
	mm->start_stack = sp;
	*sp_out = sp;
	return 0;
}

long do_execve(const char *uname, const char *const *argv, const char *const *envp,
	       struct pt_regs *regs, bool from_user)
{
	struct linux_binprm bprm = { 0 };
	const struct mb2_module *mod;
	struct elf_info info;
	struct mm_struct *mm, *old, *active_mm;
	unsigned long sp;
	char name[64];
	long err;

	if (from_user) {
		err = strncpy_from_user(name, uname, sizeof(name));
		if (err < 0)
			return err;
		if (err == sizeof(name))
			return -ENAMETOOLONG;
	} else {
		strlcpy(name, uname, sizeof(name));
	}
	mod = find_program(name);
	if (!mod)
		return -ENOENT;
	if (elf_check(__va(mod->mod_start), mod->mod_end - mod->mod_start, &info))
		return -ENOEXEC;

	bprm.strings = kmalloc(ARG_MAX, GFP_KERNEL);
	if (!bprm.strings)
		return -ENOMEM;
	err = copy_strings(&bprm, argv, from_user, &bprm.argc);
	if (!err)
		err = copy_strings(&bprm, envp, from_user, &bprm.envc);
	if (err)
		goto out;

	err = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out;
	err = load_segments(mm, __va(mod->mod_start), mod->cmdline);
	if (!err)
		err = setup_stack(mm, &bprm, info.e_entry, &sp);
	if (err) {
		mmput(mm);
		goto out;
	}
	mm->start_code = info.start_code;
	mm->end_code = info.end_code;
	mm->start_data = info.start_data;
	mm->end_data = info.end_data;
	mm->start_brk = mm->brk = PAGE_ALIGN(info.elf_brk);

	/* The point of no return (2.6: flush_old_exec, exec_mmap). */
	old = current->mm;
	active_mm = current->active_mm;
	current->mm = mm;
	current->active_mm = mm;
	activate_mm(active_mm, mm);
	if (old)
		mmput(old);
	strlcpy(current->comm, mod->cmdline, sizeof(current->comm));
	start_thread(regs, info.e_entry, sp);
out:
	kfree(bprm.strings);
	return err;
}

asmlinkage long sys_execve(const char *name, const char *const *argv,
			   const char *const *envp)
{
	struct pt_regs *regs = task_pt_regs(current);
	long err = do_execve(name, argv, envp, regs, true);

	/* On success regs->eax is the new program's first eax: 0. */
	return err ? err : (long)regs->eax;
}

int kernel_execve(const char *name, const char *const *argv, const char *const *envp)
{
	struct pt_regs *regs = task_pt_regs(current);
	long err = do_execve(name, argv, envp, regs, false);

	if (err)
		return (int)err;
	ret_to_user(regs);
}
