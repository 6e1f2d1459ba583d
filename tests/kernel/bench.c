/*
 * tests/kernel/bench.c - `make bench`: deterministic instruction counts.
 *
 * make bench boots with `bench=icount` on the command line under QEMU's
 * -icount shift=0,sleep=off, where the TSC advances by exactly one per
 * guest instruction (TOOLCHAIN.md, 7).  So a TSC difference taken with
 * interrupts off is an instruction count, identical from run to run, and
 * can be compared across changes without timing noise.  Each loop's own
 * overhead is included, the same for a mechanism and for its floor.
 * Booted with plain `bench` (make run CMDLINE=bench), the same differences
 * are TSC cycles, which vary, and the lines say "cycles".  The comments
 * below say "instructions", as under make bench.
 *
 * Each line:  "bench: <what>: <N> instructions[ per <unit>]", and a row
 * with a target ends in " MISSED" when the figure is over it.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <asm/mm.h>
#include <asm/processor.h>
#include <asm/qemu.h>
#include <asm/timer.h>
#include <trace/events/boot.h>
#include "selftest.h"

#define ROUNDS 1000

/* The targets (README "Benchmarks"), each printed beside its row. */
#define ORDER0_TARGET_X       3   /* order-0 pair, times the free-list floor */
#define BOOT_RELEASE_TARGET   40  /* instructions per page released at boot */
#define KMALLOC64_TARGET_X    4   /* kmalloc(64)+kfree pair, times the bump floor */
#define METADATA64_TARGET_PCT 10  /* kmalloc-64's bytes beyond each object, % */

/* What a TSC tick is in this boot (bench_setup()). */
static const char *tsc_unit(void)
{
	return bench_icount ? "instructions" : "cycles";
}

static const char *missed(bool over_target)
{
	return over_target ? " MISSED" : "";
}

/* A row "bench: <what>: N instructions (R.RRx the <floor>; target <= Tx)". */
static void print_vs_floor(const char *what, u64 n, u64 floor, const char *floor_name,
			   unsigned int target_x)
{
	printk("bench: %s: %llu %s (%llu.%02llux the %s; target <= %ux)%s\n", what, n,
	       tsc_unit(), n / floor, n * 100 / floor % 100, floor_name, target_x,
	       missed(n > target_x * floor));
}

/*
 * The boot steps (enum boot_phase), timed by the probes of the boot_phase
 * tracepoints (trace/events/boot.h) as the boot ran: BOOT_PHASE_SETUP_ARCH
 * from kernel entry (boot_tsc, head.asm) to the memory map ready, the
 * others from their start to their finish.  The probe takes the TSC last
 * on the way in and first on the way out, so a step's count holds the
 * step and two calls.
 */
static struct {
	u64 start, ticks;
	unsigned long pages;
} boot_phases[NR_BOOT_PHASES];

void probe_boot_phase_start(enum boot_phase phase)
{
	boot_phases[phase].start = rdtsc();
}

void probe_boot_phase_finish(enum boot_phase phase, unsigned long pages)
{
	u64 now = rdtsc();

	boot_phases[phase].ticks = now - (phase == BOOT_PHASE_SETUP_ARCH ? boot_tsc :
					  boot_phases[phase].start);
	boot_phases[phase].pages = pages;
}

/* Per page, for a step that counts pages. */
static u64 boot_phase_per_page(enum boot_phase phase)
{
	BUG_ON(!boot_phases[phase].pages);      /* the boot never finished this step */
	return boot_phases[phase].ticks / boot_phases[phase].pages;
}

/*
 * The floor for the page allocator: xv6's kalloc()/kfree(), a singly
 * linked list of free pages threaded through the pages themselves, under
 * its lock (on one CPU: interrupts off, as the per-CPU lists are), without
 * xv6's fill of freed pages with junk, which would only add a memset.
 */
struct run {
	struct run *next;
};
static struct run *freelist;

static __attribute__((noinline)) void *xv6_kalloc(void)
{
	u32 flags = local_irq_save();      /* xv6: acquire(&kmem.lock) */
	struct run *r = freelist;

	if (r)
		freelist = r->next;
	local_irq_restore(flags);
	return r;
}

static __attribute__((noinline)) void xv6_kfree(void *p)
{
	struct run *r = p;
	u32 flags = local_irq_save();

	r->next = freelist;
	freelist = r;
	local_irq_restore(flags);
}

/* Instructions per iteration of an alloc+free pair of @order. */
static u64 bench_buddy_pair(unsigned int order)
{
	u64 t = rdtsc();

	for (int i = 0; i < ROUNDS; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		__free_pages(page, order);
	}
	return (rdtsc() - t) / ROUNDS;
}

static u64 bench_freelist_pair(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 4);
	char *base = page_address(block);
	u64 t;

	for (int i = 0; i < 16; i++)
		xv6_kfree(base + i * PAGE_SIZE);
	t = rdtsc();
	for (int i = 0; i < ROUNDS; i++) {
		xv6_kfree(xv6_kalloc());
		asm volatile("" : : : "memory");   /* gcc must not fold pop+push away */
	}
	t = (rdtsc() - t) / ROUNDS;
	freelist = NULL;
	__free_pages(block, 4);
	return t;
}

static void bench_page_allocator(void)
{
	u64 floor = bench_freelist_pair();
	u64 order0 = bench_buddy_pair(0), order3 = bench_buddy_pair(3);

	u64 release = boot_phase_per_page(BOOT_PHASE_MEMBLOCK_FREE_ALL);

	printk("bench: free-list (xv6) kalloc+kfree pair: %llu %s\n", floor, tsc_unit());
	print_vs_floor("buddy order-0 alloc_pages+__free_pages pair", order0, floor,
		       "free-list floor", ORDER0_TARGET_X);
	printk("bench: buddy order-3 alloc_pages+__free_pages pair: %llu %s\n", order3, tsc_unit());
	printk("bench: mem_map init: %llu %s per page (%lu pages)\n",
	       boot_phase_per_page(BOOT_PHASE_MEM_MAP), tsc_unit(),
	       boot_phases[BOOT_PHASE_MEM_MAP].pages);
	printk("bench: boot memory release to the buddy lists: %llu %s per page "
	       "(%lu pages; target <= %u)%s\n", release, tsc_unit(),
	       boot_phases[BOOT_PHASE_MEMBLOCK_FREE_ALL].pages, BOOT_RELEASE_TARGET,
	       missed(release > BOOT_RELEASE_TARGET));
}

/*
 * The floor for kmalloc: a bump allocator.  It hands out the next bytes of
 * one block and never takes anything back, so kfree is an empty call; the
 * allocation runs under the same per-CPU lock as the slab's (interrupts off).
 */
static char *bump_next, *bump_end;

static __attribute__((noinline)) void *bump_alloc(size_t size)
{
	u32 flags = local_irq_save();
	char *p = bump_next;

	size = ALIGN(size, 8);
	if (size > (size_t)(bump_end - p))
		p = NULL;
	else
		bump_next = p + size;
	local_irq_restore(flags);
	return p;
}

static __attribute__((noinline)) void bump_free(void *p)
{
	asm volatile("" : : "r"(p) : "memory");
}

static u64 bench_bump_pair(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 7);     /* 512 KB: ROUNDS * 64 bytes */
	u64 t;

	bump_next = page_address(block);
	bump_end = bump_next + (PAGE_SIZE << 7);
	t = rdtsc();
	for (int i = 0; i < ROUNDS; i++)
		bump_free(bump_alloc(64));
	t = (rdtsc() - t) / ROUNDS;
	__free_pages(block, 7);
	return t;
}

/*
 * Instructions per kmalloc(@size)+kfree pair, in the steady state: the
 * first pair fills this CPU's array, and from then on each pair pops and
 * pushes the same object.  Inlined, so that @size is a constant, as at
 * almost every kmalloc() call: the cache is then chosen at compile time.
 */
static __always_inline u64 bench_kmalloc_pair(size_t size)
{
	u64 t;

	kfree(kmalloc(size, GFP_KERNEL));
	t = rdtsc();
	for (int i = 0; i < ROUNDS; i++) {
		void *p = kmalloc(size, GFP_KERNEL);

		kfree(p);
	}
	return (rdtsc() - t) / ROUNDS;
}

/*
 * Instructions per pair when ROUNDS objects are allocated first and then
 * all freed: the arrays run empty and full, so this counts the refills
 * from the slabs, new slabs from the buddy allocator, and the flushes back.
 */
static void *batch[ROUNDS];

static __always_inline u64 bench_kmalloc_batch(size_t size)
{
	u64 t;

	kmem_cache_shrink_all();
	t = rdtsc();
	for (int i = 0; i < ROUNDS; i++)
		batch[i] = kmalloc(size, GFP_KERNEL);
	for (int i = 0; i < ROUNDS; i++)
		kfree(batch[i]);
	return (rdtsc() - t) / ROUNDS;
}

/*
 * The bytes a cache spends per object beyond the object itself: a slab's
 * pages less its objects (the on-slab descriptor and bufctl[], the colour
 * leftover), plus an off-slab descriptor's object, shared by num objects.
 * Hundredths of a byte, to print as a decimal.
 */
static unsigned long metadata_per_object_x100(const struct kmem_cache *c)
{
	unsigned long slab_bytes = (unsigned long)PAGE_SIZE << c->gfporder;

	if (c->flags & CFLGS_OFF_SLAB)
		slab_bytes += c->slabp_cache->buffer_size;
	return (slab_bytes - c->num * c->obj_size) * 100 / c->num;
}

static void bench_kmalloc(void)
{
	static const unsigned int sizes[] = { 32, 64, 256, 4096 };
	u64 floor = bench_bump_pair();
	u64 pair64 = bench_kmalloc_pair(64), pair4096 = bench_kmalloc_pair(4096);
	u64 batch64 = bench_kmalloc_batch(64), batch4096 = bench_kmalloc_batch(4096);

	printk("bench: bump allocator alloc+free pair (64 bytes): %llu %s\n", floor, tsc_unit());
	print_vs_floor("kmalloc(64)+kfree pair", pair64, floor, "bump floor", KMALLOC64_TARGET_X);
	printk("bench: kmalloc(4096)+kfree pair: %llu %s\n", pair4096, tsc_unit());
	printk("bench: %d kmalloc(64) then %d kfree, from empty caches: %llu %s per pair\n",
	       ROUNDS, ROUNDS, batch64, tsc_unit());
	printk("bench: %d kmalloc(4096) then %d kfree, from empty caches: %llu %s per pair\n",
	       ROUNDS, ROUNDS, batch4096, tsc_unit());
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		const struct kmem_cache *c = malloc_sizes[kmalloc_index(sizes[i])].cs_cachep;
		unsigned long m = metadata_per_object_x100(c);
		char target[32] = "";

		/* m is hundredths of a byte, so m / obj_size is a percentage. */
		if (sizes[i] == 64)
			snprintf(target, sizeof(target), " (target <= %u%%)%s",
				 METADATA64_TARGET_PCT,
				 missed(m > METADATA64_TARGET_PCT * c->obj_size));
		printk("bench: %s metadata: %lu.%02lu bytes per object (%lu.%lu%% of %u; "
		       "%u object%s per %lu KB slab%s)%s\n", kmem_cache_name(c), m / 100, m % 100,
		       m / c->obj_size, m * 10 / c->obj_size % 10, c->obj_size, c->num,
		       c->num == 1 ? "" : "s",
		       (unsigned long)(PAGE_SIZE << c->gfporder) >> 10,
		       (c->flags & CFLGS_OFF_SLAB) ? ", descriptor off-slab" : "",
		       target);
	}
}

/* The user-space figures: boot/user/bench.c, run as a process. */
static int exec_bench(void *unused)
{
	/* argv[1] is the unit its lines print; no environment. */
	const char *const argv[] = { "bench", tsc_unit(), NULL };
	int err;

	(void)unused;
	err = kernel_execve("bench", argv, argv + 2);
	return ((-err) & 0xff) << 8;
}

static void bench_user(void)
{
	int status = -1;
	pid_t pid;

	local_irq_enable();                 /* user mode runs with interrupts on */
	pid = kernel_thread(exec_bench, NULL, "bench");
	if (pid < 0 || do_wait(pid, &status, 0) != pid || status)
		printk("bench: the user-space benchmark failed (pid %d, status 0x%x)\n",
		       pid, status);
	local_irq_disable();
}

void run_benchmarks(void)
{
	local_irq_disable();
	printk("bench: kernel entry to memory map ready: %llu %s\n",
	       boot_phases[BOOT_PHASE_SETUP_ARCH].ticks, tsc_unit());
	bench_page_allocator();
	bench_kmalloc();
	bench_user();
	printk("bench: done\n");
	qemu_exit(QEMU_EXIT_SUCCESS);
}
