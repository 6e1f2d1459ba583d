/*
 * kernel/main.c - start_kernel(): the boot sequence, one call per line.
 *
 * boot/head.asm arrives here on the boot stack, with paging on, running at
 * the kernel's linked (high) addresses, interrupts off.  Each call below
 * sets up one mechanism; their order is the lesson: the console first so
 * everything can be reported, the CPU's tables before anything can trap,
 * the memory map before anything allocates.
 *
 * Mirrors: init/main.c start_kernel() (2.6).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/linkage.h>
#include <linux/errno.h>
#include <linux/multiboot2.h>
#include <linux/params.h>
#include <linux/selftest.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/mm.h>
#include <asm/processor.h>
#include <asm/serial.h>
#include <asm/setup.h>
#include <asm/timer.h>
#include <asm/uaccess.h>

/* The split is read off PAGE_OFFSET (CONFIG_PAGE_OFFSET): user space gets
 * PAGE_OFFSET >> 30 of the 4 GB, the kernel the rest. */
static const char linux_banner[] =
	"i386 teaching kernel: the 32-bit Linux memory layout "
	"(%uG/%uG split, PAGE_OFFSET 0x%08x)\n";

static const char *crash_kind;

/* crash=null|bug|guard: provoke an oops on purpose, after the boot. */
static int crash_setup(const char *val)
{
	if (!val || (strcmp(val, "null") && strcmp(val, "bug") && strcmp(val, "guard")))
		return -EINVAL;
	crash_kind = val;
	return 0;
}
__setup("crash", crash_setup);

/*
 * crash=null writes through a NULL pointer, crash=bug fails a BUG_ON,
 * crash=guard writes one page past a vmalloc(100) area, into its guard page:
 * both end in an oops, so a student can read one (and make test checks it).
 */
static __attribute__((noinline)) void crash_on_purpose(void)
{
	printk("crash=%s: provoking an oops on purpose\n", crash_kind);
	if (!strcmp(crash_kind, "null"))
		*(volatile int *)0 = 1;
	if (!strcmp(crash_kind, "guard")) {
		char *p = vmalloc(100);     /* one page, then its guard page */

		if (p)
			((volatile char *)p)[PAGE_SIZE] = 1;
	}
	BUG_ON(!strcmp(crash_kind, "bug"));
}

/* The /proc views of memory, at the end of the boot report. */
static void show_memory_report(void)
{
	printk("/proc/buddyinfo:\n");
	show_buddyinfo();
	printk("/proc/zoneinfo:\n");
	show_zoneinfo();
	printk("/proc/meminfo:\n");
	show_meminfo();
	printk("/proc/slabinfo:\n");
	show_slabinfo();
	printk("/proc/vmallocinfo:\n");
	show_vmallocinfo();
}


static void rest_init(void);

asmlinkage void __init start_kernel(u32 magic, phys_addr_t mb2_phys)
{
	serial_init();          /* COM1: printk works from here on */
	printk(linux_banner, PAGE_OFFSET >> 30, 4 - (PAGE_OFFSET >> 30), PAGE_OFFSET);
	cpu_init();             /* our GDT and segment registers, this CPU's TSS */
	trap_init();            /* IDT: 32 exceptions, 16 IRQ vectors, int 0x80 */
	sched_init();           /* this boot thread is task 0: `current` works */
	sort_main_extable();    /* exception table, bisected by the fault handler */
	zap_low_mappings();     /* nothing runs at low addresses now: drop them (P3) */
	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		panic("start_kernel: not started by a Multiboot2 loader "
		      "(eax = 0x%08x, expected 0x%08x)", magic,
		      MULTIBOOT2_BOOTLOADER_MAGIC);
	setup_arch(mb2_phys);   /* Multiboot2 info, command line, e820, memblock */
	paging_init();          /* direct-map lowmem (P4), mem_map (P5), zones (Z1-Z4) */
	mem_init();             /* free boot memory -> buddy lists (Z5); watermarks */
	kmem_cache_init();      /* slab caches: size-32 ... size-131072 (A1) */
	fork_init();            /* the task_struct cache */
	init_apic_mappings();   /* local APIC and I/O APIC in their fixmap slots (F4) */
	init_IRQ();             /* 8259 PICs remapped to vectors 0x20-0x2f */
	time_init();            /* TSC calibrated against the PIT; HZ tick on IRQ 0 */
	local_irq_enable();
	rest_init();
}

/*
 * kernel_init - pid 1, the first task after the boot thread, as in Linux:
 * a kernel thread that does what the command line asked, then becomes
 * the first user process by exec'ing the program "init".  It is also the
 * child reaper: orphaned processes become its children.
 */
static int kernel_init(void *unused)
{
	static const char *const argv[] = { "init", NULL };
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	int err;

	(void)unused;
	child_reaper = current;
	selftest_run_all();     /* the self-test build only: KTAP or make bench, then exit QEMU */
	show_memory_report();
	printk("Boot complete. Starting init as pid %d (quit QEMU with Ctrl-A X).\n",
	       current->pid);
	err = kernel_execve("init", argv, envp);
	panic("No init found (error %d): is the module \"init\" in grub.cfg?", err);
}

/*
 * rest_init - what runs after the boot proper, outside .init: free the
 * boot-only pages, start pid 1, and become the idle task.
 */
static __attribute__((noinline, noreturn)) void rest_init(void)
{
	free_initmem();
	if (crash_kind)
		crash_on_purpose();
	kernel_thread(kernel_init, NULL, "init");
	cpu_idle();             /* pid 0 runs only when nothing else can */
}
