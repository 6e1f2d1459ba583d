/*
 * boot/user/usertests.c - the user-space test suite: system calls and the
 * process address space, tested from the only place they can be, a user
 * process.  In the spirit of xv6's usertests.
 *
 * The kernel starts it in selftest mode, waits for it, and turns its exit
 * status into one line of its own KTAP report.  Our lines are that line's
 * KTAP *subtest*: the same format, every line indented by four spaces, with
 * the plan (1..M) first, so that a missing test counts as a failure:
 *
 *     KTAP version 1
 *     # Subtest: usertests
 *     1..18
 *     ok 1 int80_eax_ebx_ecx_edx_convention_preserves_registers # seeds: U2
 *     not ok 2 unknown_syscall_numbers_return_enosys # seeds: U2
 *     # unknown_syscall_numbers_return_enosys: syscall 223 returned 0, expected -38
 *
 * The exit status is the number of tests that failed: 0 when all passed.
 *
 * Each test is a function that returns NULL when it passes, or a message
 * naming what went wrong with the values it got and expected.  Above each
 * is one "Expect ..." sentence; "# seeds:" names the claims of
 * tests/CLAIMS.md it demonstrates.
 *
 * What should kill a process (a NULL pointer, a write to text, a touch of
 * kernel space) is done in a forked child, and the parent reads the
 * child's death from waitpid().  A child that survives exits with
 * CHILD_SURVIVED, so a kernel that lets the access through gives a failing
 * line, not a dead test suite.
 *
 * When run as `usertests exec-child a1` (by test 13's execve) it checks
 * its own argv and envp instead and reports by its exit status.  Test 14
 * execs another program, boot/user/stackcheck, with argv or envp empty:
 * with argv = {NULL} no argument could tell usertests what to do.
 */
#include <stdint.h>
#include <linux/stringify.h>
#include <memlayout.h>      /* the kernel's PAGE_SIZE, PAGE_ALIGN, TASK_SIZE, ELF_EXEC_BASE */
#include "ulib.h"
#include "stackcheck.h"

#define UNMAPPED_ADDR    0x40000000UL      /* nothing of ours is ever mapped here */
#define CHILD_SURVIVED   99                /* exit status of a child that should have died */

extern char _end[];                         /* user.ld: the end of .bss */

static char *initial_break;                 /* brk(0) when main() began */
static int shared_var;                      /* a .bss variable for fork's test */

/* ---- helpers ---- */

static char failure[256];

/* Format a failure message into the one static buffer and return it. */
__attribute__((format(printf, 1, 2)))
static const char *fail(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(failure, sizeof(failure), fmt, args);
	va_end(args);
	return failure;
}

/* A waitpid() status in words, for messages. */
static const char *describe_status(int status)
{
	static char buf[64];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exit %d%s", WEXITSTATUS(status),
			 WEXITSTATUS(status) == CHILD_SURVIVED ? " (the child survived)" : "");
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, sizeof(buf), "status 0x%x", status);
	return buf;
}

/* Reap child @pid into *@status; NULL, or a message if waitpid() did not. */
static const char *reap(int pid, int *status)
{
	int ret = waitpid(pid, status, 0);

	if (ret != pid)
		return fail("waitpid(%d) returned %d", pid, ret);
	return NULL;
}

/*
 * @addr as a pointer gcc cannot see through: for a constant like 0, gcc
 * would warn, or replace the access by a trap instruction (a NULL
 * dereference is undefined behaviour), and we want the real access.
 */
static volatile uint32_t *user_pointer(uintptr_t addr)
{
	asm("" : "+r"(addr));
	return (volatile uint32_t *)addr;
}

static inline uintptr_t current_esp(void)
{
	uintptr_t esp;

	asm volatile("mov %%esp, %0" : "=r"(esp));
	return esp;
}

/*
 * Fork a child that reads @addr (or writes @value there, if @write), then
 * exits CHILD_SURVIVED.  Returns NULL if the child died of SIGSEGV instead,
 * or a message.
 */
static const char *child_access_segfaults(uintptr_t addr, bool write, uint32_t value)
{
	const char *what = write ? "write to" : "read of";
	int status, pid = fork();
	const char *err;

	if (pid < 0)
		return fail("fork returned %d", pid);
	if (pid == 0) {
		if (write)
			*user_pointer(addr) = value;
		else
			(void)*user_pointer(addr);
		exit(CHILD_SURVIVED);
	}
	if ((err = reap(pid, &status)))
		return err;
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSEGV)
		return fail("%s 0x%08x in a child: expected SIGSEGV, got %s",
			    what, (unsigned int)addr, describe_status(status));
	return NULL;
}

/*
 * Read all of file @path into @buf (NUL-terminated); returns its length,
 * or -errno (-E2BIG if it does not fit).
 */
static int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), n = 0, len = 0;

	if (fd < 0)
		return fd;
	while ((size_t)len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	if (n < 0)
		return n;
	return (size_t)len == size - 1 ? -E2BIG : len;
}

/* The hexadecimal number at *@p; moves *@p past it. */
static unsigned long parse_hex(const char **p)
{
	unsigned long v = 0;

	for (;; (*p)++) {
		char c = **p;

		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (c - 'a' + 10);
		else
			return v;
	}
}

/*
 * One line of /proc/<pid>/maps, as Linux's show_map() prints it:
 *
 *   08048000-0804a000 r-xp 00000000 00:00 0          /usertests
 *   start    end      perms offset  dev   inode      name
 *
 * Returns true if @line starts with "start-end perms ".
 */
static bool parse_maps_line(const char *line, unsigned long *start,
			    unsigned long *end, char perms[5])
{
	const char *p = line;

	*start = parse_hex(&p);
	if (p != line + 8 || *p++ != '-')
		return false;
	*end = parse_hex(&p);
	if (p != line + 17 || *p++ != ' ')
		return false;
	memcpy(perms, p, 4);
	perms[4] = '\0';
	return p[4] == ' ';
}

/*
 * Data, heap and stack must be "rw-p" (readable, writable, private); Linux
 * shows "rwxp" instead when it gives a program without PT_GNU_STACK
 * READ_IMPLIES_EXEC, and either is right.
 */
static bool perms_rw_private(const char perms[5])
{
	return perms[0] == 'r' && perms[1] == 'w' && perms[3] == 'p';
}

/* The start of the line of @maps that contains @needle, or NULL. */
static const char *maps_line_with(const char *maps, const char *needle)
{
	const char *p = strstr(maps, needle);

	if (!p)
		return NULL;
	while (p > maps && p[-1] != '\n')
		p--;
	return p;
}

/* The first line of @s, cut to 60 characters, for messages. */
static const char *first_line(const char *s)
{
	static char buf[61];
	size_t n = 0;

	for (; n < sizeof(buf) - 1 && s[n] && s[n] != '\n'; n++)
		buf[n] = s[n];
	buf[n] = '\0';
	return buf;
}

static const char *next_line(const char *line)
{
	const char *nl = strstr(line, "\n");

	return nl ? nl + 1 : line + strlen(line);
}

static char maps[4096], maps2[4096];

/* ---- the tests ---- */

/*
 * getpid with ebx, ecx, edx, esi, edi, ebp set to known values, which it
 * stores in after[0..5]; returns eax.  In assembly because ebp is gcc's
 * frame pointer and C cannot give it a value.
 */
int getpid_with_known_registers(unsigned long after[6]);
asm(".pushsection .text\n"
    ".intel_syntax noprefix\n"
    ".globl getpid_with_known_registers\n"
    ".type getpid_with_known_registers, @function\n"
    "getpid_with_known_registers:\n"
    "	push ebp\n"
    "	push ebx\n"
    "	push esi\n"
    "	push edi\n"
    "	push dword ptr [esp + 20]\n"      /* after, above 4 registers and the return address */
    "	mov ebx, 0x11111111\n"
    "	mov ecx, 0x22222222\n"
    "	mov edx, 0x33333333\n"
    "	mov esi, 0x44444444\n"
    "	mov edi, 0x55555555\n"
    "	mov ebp, 0x66666666\n"
    "	mov eax, " __stringify(__NR_getpid) "\n"
    "	int 0x80\n"
    "	xchg eax, [esp]\n"                /* eax = after; the result waits on the stack */
    "	mov [eax], ebx\n"
    "	mov [eax + 4], ecx\n"
    "	mov [eax + 8], edx\n"
    "	mov [eax + 12], esi\n"
    "	mov [eax + 16], edi\n"
    "	mov [eax + 20], ebp\n"
    "	pop eax\n"
    "	pop edi\n"
    "	pop esi\n"
    "	pop ebx\n"
    "	pop ebp\n"
    "	ret\n"
    ".att_syntax prefix\n"
    ".popsection\n");

/*
 * int 0x80 by hand, without ulib: eax = 20 is getpid; eax = 4 with ebx = 1,
 * ecx = a line, edx = its length is write (the line below appears in the
 * output as a KTAP comment).  Expect getpid's value, the length written,
 * and every register but eax as it was before the call.
 */
static const char *test_int80_convention(void)
{
	static const char line[] = "    # int 0x80: eax=4 (write), ebx=1, ecx=this line, edx=its length\n";
	static const char *const names[6] = { "ebx", "ecx", "edx", "esi", "edi", "ebp" };
	unsigned long after[6];
	long ret;
	int pid = getpid();

	asm volatile("int $0x80" : "=a"(ret) : "a"(__NR_getpid) : "memory");
	if (ret != pid)
		return fail("int 0x80 with eax=%d returned %ld, getpid() %d", __NR_getpid, ret, pid);
	asm volatile("int $0x80"
		     : "=a"(ret)
		     : "a"(__NR_write), "b"(1), "c"(line), "d"(sizeof(line) - 1)
		     : "memory");
	if (ret != (long)sizeof(line) - 1)
		return fail("write by int 0x80 returned %ld, expected %u", ret,
			    (unsigned int)sizeof(line) - 1);
	ret = getpid_with_known_registers(after);
	if (ret != pid)
		return fail("getpid with known registers returned %ld, expected %d", ret, pid);
	for (int i = 0; i < 6; i++)
		if (after[i] != 0x11111111UL * (i + 1))
			return fail("%s was 0x%08lx after int 0x80, expected 0x%08lx",
				    names[i], after[i], 0x11111111UL * (i + 1));
	return NULL;
}

/* Expect -ENOSYS for numbers that name no call, the kernel alive after. */
static const char *test_bad_syscall_numbers(void)
{
	static const long numbers[] = { -1, 1000, 0x7fffffff, 223 };

	for (unsigned int i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		long ret = syscall(numbers[i], 0, 0, 0, 0, 0);

		if (ret != -ENOSYS)
			return fail("syscall %ld returned %ld, expected %d",
				    numbers[i], ret, -ENOSYS);
	}
	return NULL;
}

/*
 * write(1, buf, len) where [buf, buf + len) is not all user memory we own:
 *
 *   0xffffffff +---------+ <- 0xfffff000: the fixmap's top page
 *              | kernel  |
 *   0xc0000000 +---------+ <- PAGE_OFFSET; 0xbffff000 + 0x2000 crosses it
 *              | user    | <- 0x40000000: unmapped
 *              |         | <- a heap page + 0xfffffff0 or 0xfffff000 wraps
 *   0x00000000 +---------+ <- NULL
 *
 * The heap page holds spaces and a newline: a kernel that wrongly wrote it
 * out would leave our KTAP lines readable.  Expect -EFAULT each time, this
 * process alive, and nothing printed.
 */
static const char *test_hostile_write(void)
{
	char *page = brk(NULL);
	const char *err = NULL;

	if (brk(page + PAGE_SIZE) != page + PAGE_SIZE)
		return fail("brk(%p) refused", page + PAGE_SIZE);
	memset(page, ' ', PAGE_SIZE);
	page[PAGE_SIZE - 1] = '\n';

	const struct { uintptr_t buf; size_t len; } cases[] = {
		{ TASK_SIZE, 16 },
		{ 0xfffff000UL, 16 },
		{ UNMAPPED_ADDR, 16 },
		{ 0, 16 },
		{ (uintptr_t)page, 0xfffffff0UL },
		{ (uintptr_t)page, 0xfffff000UL },
		{ TASK_SIZE - PAGE_SIZE, 0x2000 },
	};

	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]) && !err; i++) {
		int ret = write(1, (const void *)cases[i].buf, cases[i].len);

		if (ret != -EFAULT)
			err = fail("write(1, 0x%08x, 0x%x) returned %d, expected %d",
				   (unsigned int)cases[i].buf, (unsigned int)cases[i].len,
				   ret, -EFAULT);
	}
	brk(page);
	return err;
}

/*
 * The name must be copied from user memory with copy_from_user():
 *
 *   brk-4096       brk-5        brk
 *      +------------+-----------+.........+
 *      | heap page  | "strad"   | unmapped: the copy faults here
 *      +------------+-----------+.........+
 *
 * Expect the name set and read back by uname and gethostname; -EFAULT for
 * a kernel, an unmapped, and a straddling name, with the name unchanged;
 * -EINVAL for 65 bytes.
 */
static const char *sethostname_checks(const char *name)
{
	char got[__NEW_UTS_LEN + 1], long_name[65];
	struct new_utsname u;
	char *start = brk(NULL), *end;
	int ret;

	if ((ret = sethostname(name, strlen(name))) != 0)
		return fail("sethostname(\"%s\") returned %d", name, ret);
	if ((ret = uname(&u)) != 0 || strcmp(u.nodename, name))
		return fail("uname returned %d, nodename \"%s\", expected \"%s\"",
			    ret, ret ? "" : u.nodename, name);
	if ((ret = gethostname(got, sizeof(got))) != 0 || strcmp(got, name))
		return fail("gethostname returned %d, \"%s\"", ret, ret ? "" : got);
	if ((ret = sethostname((const char *)TASK_SIZE, 5)) != -EFAULT)
		return fail("sethostname(0xc0000000, 5) returned %d, expected %d", ret, -EFAULT);
	if ((ret = sethostname((const char *)UNMAPPED_ADDR, 5)) != -EFAULT)
		return fail("sethostname(0x40000000, 5) returned %d, expected %d", ret, -EFAULT);
	memset(long_name, 'x', sizeof(long_name));
	if ((ret = sethostname(long_name, 65)) != -EINVAL)
		return fail("sethostname of 65 bytes returned %d, expected %d", ret, -EINVAL);

	end = brk(start + PAGE_SIZE);
	if (end != start + PAGE_SIZE)
		return fail("brk(%p) returned %p", start + PAGE_SIZE, end);
	memcpy(end - 5, "strad", 5);
	ret = sethostname(end - 5, 10);
	brk(start);
	if (ret != -EFAULT)
		return fail("sethostname(%p, 10) over the end of the heap returned %d, expected %d",
			    end - 5, ret, -EFAULT);
	gethostname(got, sizeof(got));
	if (strcmp(got, name))
		return fail("after the refused calls the name is \"%s\", expected \"%s\"",
			    got, name);
	return NULL;
}

/* The checks above, then the name we found put back. */
static const char *test_sethostname(void)
{
	char saved[__NEW_UTS_LEN + 1];
	const char *err;
	int ret;

	if ((ret = gethostname(saved, sizeof(saved))) < 0)
		return fail("gethostname returned %d", ret);
	err = sethostname_checks("usertests-host");
	sethostname(saved, strlen(saved));
	return err;
}

/*
 * uname() must write 390 bytes where we say.  Expect -EFAULT into the
 * kernel, into the read-only page of the ELF header and text (left
 * intact), and into unmapped memory; 0 and "Linux", "i686" into a buffer.
 */
static const char *test_uname_bad_buffers(void)
{
	const uintptr_t bad[] = { TASK_SIZE, ELF_EXEC_BASE, UNMAPPED_ADDR };
	const char *elf_header = (const char *)ELF_EXEC_BASE;
	struct new_utsname u;
	int ret;

	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if ((ret = uname((struct new_utsname *)bad[i])) != -EFAULT)
			return fail("uname(0x%08x) returned %d, expected %d",
				    (unsigned int)bad[i], ret, -EFAULT);
	if (strncmp(elf_header, "\177ELF", 4))
		return fail("the ELF header at 0x08048000 changed: \"%c%c%c\"",
			    elf_header[1], elf_header[2], elf_header[3]);
	if ((ret = uname(&u)) != 0)
		return fail("uname(&u) returned %d", ret);
	if (strcmp(u.sysname, "Linux") || strcmp(u.machine, "i686"))
		return fail("sysname \"%s\", machine \"%s\"; expected \"Linux\", \"i686\"",
			    u.sysname, u.machine);
	return NULL;
}

/*
 * Nothing is mapped below 0x08048000, so that NULL pointers fault.
 * Expect SIGSEGV for a child reading NULL, writing NULL + 0x1000, and
 * writing the last word below the text.
 */
static const char *test_null_page(void)
{
	const char *err;

	if ((err = child_access_segfaults(0, false, 0)))
		return err;
	if ((err = child_access_segfaults(0x1000, true, 0x5a5a5a5a)))
		return err;
	return child_access_segfaults(ELF_EXEC_BASE - 4, true, 0x5a5a5a5a);
}

/*
 * Kernel pages are present in every page table but not for user mode.
 * Expect SIGSEGV for a child writing 0xc0000000, reading the kernel image
 * at 0xc0100000 and reading the top page; the parent carries on.
 */
static const char *test_kernel_space_from_user(void)
{
	const char *err;
	int pid = getpid();

	if ((err = child_access_segfaults(TASK_SIZE, true, 0x5a5a5a5a)))
		return err;
	if ((err = child_access_segfaults(0xc0100000UL, false, 0)))
		return err;
	if ((err = child_access_segfaults(0xfffff000UL, false, 0)))
		return err;
	if (getpid() != pid)
		return fail("getpid() is %d after the children, was %d", getpid(), pid);
	return NULL;
}

/*
 * The text segment is mapped r-x.  The child writes back the word it
 * would read, so even a kernel that wrongly allowed it changes nothing.
 * Expect SIGSEGV.
 */
static const char *test_write_to_text(void)
{
	uintptr_t addr = (uintptr_t)test_write_to_text;

	return child_access_segfaults(addr, true, *user_pointer(addr));
}

/*
 * One 4 KB frame per call, down to @target; each frame is filled with a
 * pattern of its depth and checked after the deeper calls return.
 * Returns the number of bytes found changed.
 */
static uintptr_t stack_lowest;

static int fill_stack_down_to(uintptr_t target, unsigned int depth)
{
	volatile unsigned char frame[PAGE_SIZE];
	int bad = 0;

	for (unsigned int i = 0; i < sizeof(frame); i++)
		frame[i] = (unsigned char)(depth * 7 + i);
	stack_lowest = (uintptr_t)frame;
	if ((uintptr_t)frame > target)
		bad = fill_stack_down_to(target, depth + 1);
	for (unsigned int i = 0; i < sizeof(frame); i++)
		if (frame[i] != (unsigned char)(depth * 7 + i))
			bad++;
	return bad;
}

/* test_stack_growth's child: NULL, or what went wrong. */
static const char *grow_stack_256k(void)
{
	uintptr_t target = current_esp() - (256UL << 10);
	unsigned long start, end;
	const char *line;
	char perms[5];
	int bad, len;

	if ((bad = fill_stack_down_to(target, 0)))
		return fail("%d bytes of the stack frames changed", bad);
	if ((len = read_file("/proc/self/maps", maps, sizeof(maps))) < 0)
		return fail("reading /proc/self/maps returned %d", len);
	if (!(line = maps_line_with(maps, "[stack]")))
		return fail("no [stack] line in /proc/self/maps");
	if (!parse_maps_line(line, &start, &end, perms))
		return fail("cannot parse the [stack] line");
	if (end != TASK_SIZE || start > (stack_lowest & ~(PAGE_SIZE - 1)))
		return fail("[stack] is %08lx-%08lx, expected ..-c0000000 from %08lx or lower",
			    start, end, (unsigned long)(stack_lowest & ~(PAGE_SIZE - 1)));
	return NULL;
}

/*
 * The stack grows down on demand.  A child recurses 256 KB below its esp,
 * page by page.  Expect every frame intact, and the [stack] line of
 * /proc/self/maps ending at c0000000 and reaching the lowest frame.
 */
static const char *test_stack_growth(void)
{
	int status, pid = fork();
	const char *err;

	if (pid < 0)
		return fail("fork returned %d", pid);
	if (pid == 0) {
		err = grow_stack_256k();
		if (err)
			printf("    # stack_grows_down_256k_on_demand: child: %s\n", err);
		exit(err ? 1 : 0);
	}
	if ((err = reap(pid, &status)))
		return err;
	if (status != 0)
		return fail("the child: %s%s", describe_status(status),
			    WIFEXITED(status) ? " (its message is above)" : "");
	return NULL;
}

/*
 * The stack grows only for accesses at or above esp - 65536 - 128 (the
 * reach of x86's enter and pusha, as Linux allows).  Expect SIGSEGV for a
 * child reading 1 MB below esp, and reading 0xb0000000.
 */
static const char *test_far_below_stack(void)
{
	const char *err;

	if ((err = child_access_segfaults((current_esp() & ~(PAGE_SIZE - 1)) - (1UL << 20),
					  false, 0)))
		return err;
	return child_access_segfaults(0xb0000000UL, false, 0);
}

/*
 * The heap starts on the page after .bss and moves with brk():
 *
 *   _end   start=PAGE_ALIGN(_end)          start + 1 MB
 *   ..bss|..|------------ [heap] ------------|
 *
 * Expect the break there; 1 MB more that reads zero and keeps a pattern,
 * listed as [heap]; after shrinking, SIGSEGV in a child touching it; brk
 * below the start, into the stack or into the kernel refused (the old
 * break returned).
 */
static const char *test_brk(void)
{
	char *start = brk(NULL), *end, *ret;
	volatile uint32_t *heap;
	const uintptr_t refused[] = { (uintptr_t)start - PAGE_SIZE, TASK_SIZE - PAGE_SIZE, TASK_SIZE };
	const size_t words = (1UL << 20) / 4;
	const char *line, *err;
	unsigned long lo, hi;
	char perms[5];
	int len;

	if (initial_break != (char *)PAGE_ALIGN((uintptr_t)_end))
		return fail("the first break is %p, expected PAGE_ALIGN(_end = %p)",
			    initial_break, _end);
	if (start != initial_break)
		return fail("brk(0) is %p, was %p at the start", start, initial_break);
	end = brk(start + (1UL << 20));
	if (end != start + (1UL << 20))
		return fail("brk(%p) returned %p", start + (1UL << 20), end);
	heap = (volatile uint32_t *)start;
	for (size_t i = 0; i < words; i++)
		if (heap[i] != 0) {
			brk(start);
			return fail("new heap word at %p is 0x%08x, expected 0",
				    &heap[i], heap[i]);
		}
	for (size_t i = 0; i < words; i++)
		heap[i] = 0xa5000000 + i;
	for (size_t i = 0; i < words; i++)
		if (heap[i] != 0xa5000000 + i) {
			brk(start);
			return fail("heap word at %p is 0x%08x, wrote 0x%08x",
				    &heap[i], heap[i], 0xa5000000 + (unsigned int)i);
		}
	len = read_file("/proc/self/maps", maps, sizeof(maps));
	line = len < 0 ? NULL : maps_line_with(maps, "[heap]");
	if (!line || !parse_maps_line(line, &lo, &hi, perms) ||
	    lo > (unsigned long)start || hi < (unsigned long)end || !perms_rw_private(perms)) {
		brk(start);
		return fail("no rw-p [heap] line covering %p-%p in /proc/self/maps (read: %d)",
			    start, end, len);
	}
	if ((ret = brk(start)) != start)
		return fail("shrinking: brk(%p) returned %p", start, ret);
	if ((err = child_access_segfaults((uintptr_t)start, false, 0)))
		return err;
	if ((err = child_access_segfaults((uintptr_t)end - 4, true, 0x5a5a5a5a)))
		return err;
	for (unsigned int i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if ((ret = brk((void *)refused[i])) != start) {
			brk(start);
			return fail("brk(0x%08x) returned %p, expected the old break %p",
				    (unsigned int)refused[i], ret, start);
		}
	return NULL;
}

/*
 * fork copies the address space: the same address then holds different
 * values in two processes that are alive and run in turns.  Expect each to
 * keep its own value of shared_var across the other's write and a sleep,
 * the child's getppid() to be the parent, and the child to exit 0.
 */
static const char *test_fork_separate_memory(void)
{
	int parent = getpid(), status, pid;
	const char *err, *wait_err;

	shared_var = 0;
	pid = fork();
	if (pid < 0)
		return fail("fork returned %d", pid);
	if (pid == 0) {
		shared_var = 2;
		sleep_ms(20);
		if (shared_var != 2)
			exit(1);
		if (getppid() != parent)
			exit(2);
		if (getpid() == parent)
			exit(3);
		exit(0);
	}
	shared_var = 1;
	sched_yield();
	sleep_ms(10);
	if (pid == parent)
		err = fail("fork returned our own pid %d", pid);
	else if (shared_var != 1)
		err = fail("the parent's shared_var is %d after the child wrote 2, expected 1",
			   shared_var);
	else
		err = NULL;
	if ((wait_err = reap(pid, &status)))
		return wait_err;
	if (err)
		return err;
	if (status != 0) {
		static const char *const why[] = {
			"", "its shared_var changed from 2", "getppid() was not the parent",
			"getpid() was the parent's",
		};
		int code = WEXITSTATUS(status);

		return fail("the child: %s%s%s", describe_status(status),
			    WIFEXITED(status) && code >= 1 && code <= 3 ? ": " : "",
			    WIFEXITED(status) && code >= 1 && code <= 3 ? why[code] : "");
	}
	return NULL;
}

/*
 * What main() does when run as `usertests exec-child a1` with envp
 * {"KEY=value"}: check what execve() laid out on the stack (see crt0.asm)
 * and exit 42, or the number of the first check that failed.
 */
#define EXEC_CHILD_OK 42
static const char *const exec_child_checks[] = {
	"", "argc is not 3", "argv[0] is not \"usertests\"", "argv[2] is not \"a1\"",
	"argv[3] is not NULL", "envp[0] is not \"KEY=value\"", "envp[1] is not NULL",
	"environ is not envp", "argv or envp is not between esp and 0xc0000000",
	"a string is not between esp and 0xc0000000",
};

static bool between_esp_and_top(const void *p, uintptr_t esp)
{
	return (uintptr_t)p > esp && (uintptr_t)p < TASK_SIZE;
}

static int exec_child_main(int argc, char **argv, char **envp)
{
	uintptr_t esp = current_esp();

	if (argc != 3)
		return 1;
	if (!argv[0] || strcmp(argv[0], "usertests"))
		return 2;
	if (!argv[2] || strcmp(argv[2], "a1"))
		return 3;
	if (argv[3] != NULL)
		return 4;
	if (!envp[0] || strcmp(envp[0], "KEY=value"))
		return 5;
	if (envp[1] != NULL)
		return 6;
	if (environ != envp)
		return 7;
	if (!between_esp_and_top(argv, esp) || !between_esp_and_top(&argv[3], esp) ||
	    !between_esp_and_top(envp, esp) || !between_esp_and_top(&envp[1], esp))
		return 8;
	for (int i = 0; i < argc; i++)
		if (!between_esp_and_top(argv[i], esp))
			return 9;
	if (!between_esp_and_top(envp[0], esp))
		return 9;
	return EXEC_CHILD_OK;
}

/*
 * A child replaces itself by this program with arguments and an
 * environment; they travel on the new stack, above esp.  Expect the child
 * to exit 42 (its checks passed).
 */
static const char *test_execve_args(void)
{
	char *const argv[] = { "usertests", "exec-child", "a1", NULL };
	char *const envp[] = { "KEY=value", NULL };
	const int nr_checks = sizeof(exec_child_checks) / sizeof(exec_child_checks[0]);
	int status, pid = fork(), code;
	const char *err;

	if (pid < 0)
		return fail("fork returned %d", pid);
	if (pid == 0) {
		int ret = execve("usertests", argv, envp);

		exit(ret < 0 ? 100 - ret : 100);
	}
	if ((err = reap(pid, &status)))
		return err;
	code = WEXITSTATUS(status);
	if (WIFEXITED(status) && code == EXEC_CHILD_OK)
		return NULL;
	if (WIFEXITED(status) && code >= 1 && code < nr_checks)
		return fail("the new program: %s", exec_child_checks[code]);
	if (WIFEXITED(status) && code >= 100)
		return fail("execve(\"usertests\") returned %d in the child", 100 - code);
	return fail("the child: %s, expected exit %d", describe_status(status), EXEC_CHILD_OK);
}

/*
 * Exec boot/user/stackcheck in a child with @argv and @envp; NULL if it
 * found its stack laid out as Linux's and counted @argc and @envc.
 */
static const char *exec_stackcheck(char *const argv[], char *const envp[], int argc, int envc)
{
	int status, pid = fork(), code;
	const char *err;

	if (pid < 0)
		return fail("fork returned %d", pid);
	if (pid == 0) {
		int ret = execve("stackcheck", argv, envp);

		exit(ret < 0 ? 200 - ret : 200);
	}
	if ((err = reap(pid, &status)))
		return err;
	code = WEXITSTATUS(status);
	if (WIFEXITED(status) && code == 10 * argc + envc)
		return NULL;
	if (WIFEXITED(status) && code > STACKCHECK_FAILED && code < 200)
		return fail("stackcheck with argc %d, envc %d: check %d of check_stack() failed",
			    argc, envc, code - STACKCHECK_FAILED);
	if (WIFEXITED(status) && code >= 200)
		return fail("execve(\"stackcheck\") returned %d in the child", 200 - code);
	return fail("stackcheck with argc %d, envc %d: %s, expected exit %d", argc, envc,
		    describe_status(status), 10 * argc + envc);
}

/*
 * An empty vector is still ended by its NULL: execve with envp = {NULL},
 * then with argv = {NULL}, then both, then neither empty.  Expect, word by
 * word from esp: argc, argv[], NULL, envp[], NULL, AT_PAGESZ 4096,
 * AT_ENTRY _start, AT_NULL 0, then the strings back to back up to the 4
 * zero bytes under 0xc0000000; stackcheck checks them and exits
 * 10 * argc + envc.
 */
static const char *test_execve_empty_argv_envp(void)
{
	char *const args[] = { "stackcheck", "a1", NULL };
	char *const env[] = { "KEY=value", "K2=v2", NULL };
	char *const none[] = { NULL };
	const char *err;

	if ((err = exec_stackcheck(args, none, 2, 0)) ||
	    (err = exec_stackcheck(none, env, 0, 2)) ||
	    (err = exec_stackcheck(none, none, 0, 0)) ||
	    (err = exec_stackcheck(args, env, 2, 2)))
		return err;
	return NULL;
}

/*
 * execve must fail and return for a program that is not there, and for a
 * path it cannot read.  Expect -ENOENT, then -EFAULT twice.
 */
static const char *test_execve_errors(void)
{
	char *const argv[] = { "no-such-program", NULL };
	int ret;

	if ((ret = execve("no-such-program", argv, NULL)) != -ENOENT)
		return fail("execve(\"no-such-program\") returned %d, expected %d", ret, -ENOENT);
	if ((ret = execve((const char *)TASK_SIZE, argv, NULL)) != -EFAULT)
		return fail("execve(0xc0000000) returned %d, expected %d", ret, -EFAULT);
	if ((ret = execve((const char *)UNMAPPED_ADDR, argv, NULL)) != -EFAULT)
		return fail("execve(0x40000000) returned %d, expected %d", ret, -EFAULT);
	return NULL;
}

/*
 * /proc/self/maps lists our address space, low to high, in Linux's format.
 * Expect the text first at 08048000 (r-xp), an rw-p line holding .bss,
 * [stack] ending at c0000000, every range ordered and below c0000000 (a
 * process has at most 3 GB), and /proc/<our pid>/maps the same text.
 */
static const char *test_proc_self_maps(void)
{
	unsigned long start, end, prev_end = 0;
	const char *line, *stack;
	char perms[5], path[32];
	bool data = false;
	int len, len2;

	if ((len = read_file("/proc/self/maps", maps, sizeof(maps))) <= 0)
		return fail("reading /proc/self/maps returned %d", len);
	if (strncmp(maps, "08048000-", 9) || !parse_maps_line(maps, &start, &end, perms) ||
	    strcmp(perms, "r-xp"))
		return fail("the first line is not 08048000-... r-xp: \"%s\"", first_line(maps));
	for (line = maps; *line; line = next_line(line)) {
		if (!parse_maps_line(line, &start, &end, perms))
			return fail("cannot parse the line \"%s\"", first_line(line));
		if (start >= end || start < prev_end || end > TASK_SIZE)
			return fail("range %08lx-%08lx after %08lx or past c0000000",
				    start, end, prev_end);
		if (start <= (uintptr_t)&shared_var && (uintptr_t)&shared_var < end &&
		    perms_rw_private(perms))
			data = true;
		prev_end = end;
	}
	if (!data)
		return fail("no rw-p line holds .bss (shared_var at %p)", &shared_var);
	stack = maps_line_with(maps, "[stack]");
	if (!stack || !parse_maps_line(stack, &start, &end, perms) || end != TASK_SIZE ||
	    !perms_rw_private(perms))
		return fail("no rw-p [stack] line ending at c0000000");
	snprintf(path, sizeof(path), "/proc/%d/maps", getpid());
	if ((len2 = read_file(path, maps2, sizeof(maps2))) != len || strcmp(maps, maps2))
		return fail("%s (read: %d) differs from /proc/self/maps (%d bytes)",
			    path, len2, len);
	return NULL;
}

/*
 * File descriptors and paths the kernel does not have, and a buffer it
 * cannot write.  Expect -ENOENT for "/nope", -EBADF for read, write and
 * close of fd 99, -EFAULT for a read into 0xc0000000.
 */
static const char *test_fd_errors(void)
{
	char buf[16];
	int ret, fd;

	if ((ret = open("/nope", O_RDONLY)) != -ENOENT)
		return fail("open(\"/nope\") returned %d, expected %d", ret, -ENOENT);
	if ((ret = read(99, buf, sizeof(buf))) != -EBADF)
		return fail("read(99) returned %d, expected %d", ret, -EBADF);
	if ((ret = write(99, "x", 1)) != -EBADF)
		return fail("write(99) returned %d, expected %d", ret, -EBADF);
	if ((ret = close(99)) != -EBADF)
		return fail("close(99) returned %d, expected %d", ret, -EBADF);
	if ((fd = open("/proc/self/maps", O_RDONLY)) < 0)
		return fail("open(\"/proc/self/maps\") returned %d", fd);
	ret = read(fd, (void *)TASK_SIZE, sizeof(buf));
	close(fd);
	if (ret != -EFAULT)
		return fail("read(maps, 0xc0000000) returned %d, expected %d", ret, -EFAULT);
	if ((ret = close(fd)) != -EBADF)
		return fail("a second close(%d) returned %d, expected %d", fd, ret, -EBADF);
	return NULL;
}

/*
 * Expect -ECHILD from waitpid(-1) with no children; -EINVAL from nanosleep
 * with tv_nsec = 10^9 or tv_sec = -1, -EFAULT with a kernel pointer, and 0
 * for 10 ms.
 */
static const char *test_waitpid_nanosleep(void)
{
	const struct timespec bad_nsec = { 0, 1000000000L }, bad_sec = { -1, 0 };
	int ret, status;

	if ((ret = waitpid(-1, &status, 0)) != -ECHILD)
		return fail("waitpid(-1) without children returned %d, expected %d", ret, -ECHILD);
	if ((ret = nanosleep(&bad_nsec, NULL)) != -EINVAL)
		return fail("nanosleep(tv_nsec = 1000000000) returned %d, expected %d", ret, -EINVAL);
	if ((ret = nanosleep(&bad_sec, NULL)) != -EINVAL)
		return fail("nanosleep(tv_sec = -1) returned %d, expected %d", ret, -EINVAL);
	if ((ret = nanosleep((const struct timespec *)TASK_SIZE, NULL)) != -EFAULT)
		return fail("nanosleep(0xc0000000) returned %d, expected %d", ret, -EFAULT);
	if ((ret = sleep_ms(10)) != 0)
		return fail("nanosleep(10 ms) returned %d", ret);
	return NULL;
}

/* One of test_many_children's children: 64 KB of heap and of stack. */
static void touch_memory_and_exit(int code)
{
	volatile unsigned char stack[64 << 10];
	char *start = brk(NULL);
	volatile unsigned char *heap = (volatile unsigned char *)start;

	if (brk(start + sizeof(stack)) != start + sizeof(stack))
		exit(1);
	for (unsigned int i = 0; i < sizeof(stack); i++)
		heap[i] = stack[i] = (unsigned char)(code + i);
	for (unsigned int i = 0; i < sizeof(stack); i++)
		if (heap[i] != (unsigned char)(code + i) || stack[i] != heap[i])
			exit(2);
	exit(code);
}

/*
 * Eight children alive at once, each with memory of its own.  Expect
 * waitpid(-1) to reap each exactly once with exit 10 + its index, then
 * -ECHILD.
 */
#define NR_CHILDREN 8
static const char *test_many_children(void)
{
	int pids[NR_CHILDREN], reaped[NR_CHILDREN] = { 0 }, n, status, pid, ret;
	const char *err = NULL;

	for (n = 0; n < NR_CHILDREN; n++) {
		pids[n] = fork();
		if (pids[n] < 0) {
			err = fail("fork %d returned %d", n, pids[n]);
			break;
		}
		if (pids[n] == 0)
			touch_memory_and_exit(10 + n);
	}
	for (int left = n; left > 0; left--) {
		int i;

		if ((pid = waitpid(-1, &status, 0)) < 0)
			return fail("waitpid(-1) returned %d with %d children left", pid, left);
		for (i = 0; i < n && pids[i] != pid; i++)
			;
		if (i == n || reaped[i]++)
			return fail("waitpid(-1) returned %d: not a child left to reap", pid);
		if (!err && (!WIFEXITED(status) || WEXITSTATUS(status) != 10 + i))
			err = fail("child %d (pid %d): %s, expected exit %d",
				   i, pid, describe_status(status), 10 + i);
	}
	if (!err && (ret = waitpid(-1, &status, 0)) != -ECHILD)
		return fail("after reaping all, waitpid(-1) returned %d, expected %d", ret, -ECHILD);
	return err;
}

/* ---- the runner ---- */

/*
 * The PIT drives a round-robin scheduler: a child that never makes a
 * system call cannot keep the CPU.  The parent sleeps 30 ms while the
 * child spins; it only wakes if the tick ends the child's time slice and
 * switches back (without preemption the suite would hang here).  Then
 * kill() ends the child.  Expect kill(child, 0) == 0, the sleep to
 * return, the child killed by SIGKILL, and kill() of a missing process
 * -ESRCH, of a bad signal -EINVAL, of init (pid 1) -EPERM.
 */
static const char *test_preemption_and_kill(void)
{
	int pid, status, r;
	const char *err;

	pid = fork();
	if (pid < 0)
		return fail("fork returned %d", pid);
	if (pid == 0)
		for (volatile unsigned int spin = 0;; spin++)
			;
	if ((r = sleep_ms(30)) != 0)
		err = fail("nanosleep returned %d with a spinning child", r);
	else if ((r = kill(pid, 0)) != 0)
		err = fail("kill(child, 0) returned %d, expected 0", r);
	else if ((r = kill(pid, SIGKILL)) != 0)
		err = fail("kill(child, SIGKILL) returned %d, expected 0", r);
	else
		err = NULL;
	if (err)
		kill(pid, SIGKILL);
	if ((r = waitpid(pid, &status, 0)) != pid)
		return fail("waitpid(%d) returned %d", pid, r);
	if (err)
		return err;
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
		return fail("the child: %s, expected killed by signal 9", describe_status(status));
	if ((r = kill(pid, SIGKILL)) != -ESRCH)
		return fail("kill of a reaped child returned %d, expected -ESRCH", r);
	if ((r = kill(getpid(), 99)) != -EINVAL)
		return fail("kill(self, 99) returned %d, expected -EINVAL", r);
	if ((r = kill(1, SIGKILL)) != -EPERM)
		return fail("kill(1, SIGKILL) returned %d, expected -EPERM", r);
	return NULL;
}

/* Run @fn in a child; expect it killed by @sig. */
static const char *child_killed_by(void (*fn)(void), int sig, const char *what)
{
	int status, pid = fork();
	const char *err;

	if (pid < 0)
		return fail("fork returned %d", pid);
	if (pid == 0) {
		fn();
		exit(CHILD_SURVIVED);
	}
	if ((err = reap(pid, &status)))
		return err;
	if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
		return fail("%s in a child: expected signal %d, got %s", what, sig,
			    describe_status(status));
	return NULL;
}

static void do_ud2(void)
{
	asm volatile("ud2");
}

static volatile int zero;

static void do_divide_by_zero(void)
{
	int r;

	asm volatile("cltd; idivl %1" : "=a"(r) : "r"(zero), "a"(1) : "edx");
	(void)r;
}

static void do_privileged(void)
{
	asm volatile("cli");        /* IOPL 0: #GP in ring 3 */
}

/*
 * Exceptions other than page faults end only the process, with Linux's
 * signal: ud2 SIGILL, a division by zero SIGFPE, a privileged
 * instruction (cli) SIGSEGV through a general protection fault.
 */
static const char *test_user_exceptions(void)
{
	const char *err;

	if ((err = child_killed_by(do_ud2, SIGILL, "ud2")))
		return err;
	if ((err = child_killed_by(do_divide_by_zero, SIGFPE, "idiv by 0")))
		return err;
	return child_killed_by(do_privileged, SIGSEGV, "cli");
}

static const struct {
	const char *name;
	const char *seeds;                  /* "" if the test demonstrates no claim */
	const char *(*fn)(void);
} tests[] = {
	{ "int80_eax_ebx_ecx_edx_convention_preserves_registers", "U2", test_int80_convention },
	{ "unknown_syscall_numbers_return_enosys", "U2", test_bad_syscall_numbers },
	{ "write_refuses_kernel_unmapped_and_wrapping_buffers", "S1 U5 U6", test_hostile_write },
	{ "sethostname_round_trip_and_efault_on_bad_names", "U4 U5", test_sethostname },
	{ "uname_refuses_kernel_readonly_and_unmapped_buffers", "U5 U6", test_uname_bad_buffers },
	{ "null_page_and_below_text_segfault_in_child", "U1", test_null_page },
	{ "user_access_to_kernel_space_kills_only_the_child", "S5 U6", test_kernel_space_from_user },
	{ "write_to_text_segfaults_in_child", "U1", test_write_to_text },
	{ "stack_grows_down_256k_on_demand", "U1", test_stack_growth },
	{ "access_far_below_esp_segfaults_in_child", "U1", test_far_below_stack },
	{ "brk_grows_zeroed_heap_and_shrinking_unmaps", "U1", test_brk },
	{ "fork_gives_live_processes_separate_memory", "S2 S3", test_fork_separate_memory },
	{ "execve_passes_argv_envp_above_the_stack", "U1", test_execve_args },
	{ "execve_empty_argv_or_envp_still_null_terminated", "U1", test_execve_empty_argv_envp },
	{ "execve_unknown_program_enoent_bad_path_efault", "U5", test_execve_errors },
	{ "proc_self_maps_shows_text_data_stack_below_3g", "S1 U1 U6", test_proc_self_maps },
	{ "open_read_write_close_bad_path_fd_and_buffer", "U5", test_fd_errors },
	{ "waitpid_echild_and_nanosleep_argument_checks", "U5", test_waitpid_nanosleep },
	{ "eight_children_touch_memory_and_are_reaped", "", test_many_children },
	{ "cpu_bound_child_is_preempted_by_the_tick_then_killed", "", test_preemption_and_kill },
	{ "ud2_divide_error_and_cli_kill_the_child_with_linux_signals", "", test_user_exceptions },
};

int main(int argc, char **argv, char **envp)
{
	const int nr_tests = sizeof(tests) / sizeof(tests[0]);
	int failed = 0;

	if (argc > 1 && !strcmp(argv[1], "exec-child"))
		return exec_child_main(argc, argv, envp);
	initial_break = brk(NULL);
	printf("    KTAP version 1\n    # Subtest: usertests\n    1..%d\n", nr_tests);
	for (int i = 0; i < nr_tests; i++) {
		const char *err = tests[i].fn();

		printf("    %s %d %s%s%s\n", err ? "not ok" : "ok", i + 1, tests[i].name,
		       tests[i].seeds[0] ? " # seeds: " : "", tests[i].seeds);
		if (err) {
			printf("    # %s: %s\n", tests[i].name, err);
			failed++;
		}
	}
	return failed;
}
