/*
 * tests/kernel/bench.c - `make bench`: deterministic instruction counts.
 *
 * make bench boots with `bench` on the command line under QEMU's
 * -icount shift=0,sleep=off, where the TSC advances by exactly one per
 * guest instruction (TOOLCHAIN.md, 7).  So a TSC difference taken with
 * interrupts off is an instruction count, identical from run to run, and
 * can be compared across changes without timing noise.  Each loop's own
 * overhead is included, the same for a mechanism and for its floor.
 *
 * Each line:  "bench: <what>: <N> instructions[ per <unit>]"
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/mm.h>
#include <asm/processor.h>
#include <asm/qemu.h>
#include <asm/timer.h>
#include "selftest.h"

#define ROUNDS 1000

extern u64 memory_map_ready_tsc;    /* kernel/main.c */

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

static __attribute__((noinline)) void *kalloc(void)
{
	u32 flags = local_irq_save();      /* xv6: acquire(&kmem.lock) */
	struct run *r = freelist;

	if (r)
		freelist = r->next;
	local_irq_restore(flags);
	return r;
}

static __attribute__((noinline)) void kfree(void *p)
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
		kfree(base + i * PAGE_SIZE);
	t = rdtsc();
	for (int i = 0; i < ROUNDS; i++) {
		kfree(kalloc());
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

	printk("bench: free-list (xv6) kalloc+kfree pair: %llu instructions\n", floor);
	printk("bench: buddy order-0 alloc_pages+__free_pages pair: %llu instructions "
	       "(%llu.%02llux the free-list floor; target <= 3x)\n",
	       order0, order0 / floor, order0 * 100 / floor % 100);
	printk("bench: buddy order-3 alloc_pages+__free_pages pair: %llu instructions\n", order3);
	printk("bench: mem_map init: %llu instructions per page (%lu pages)\n",
	       memmap_init_ticks / max_pfn, max_pfn);
	printk("bench: boot memory release to the buddy lists: %llu instructions per page "
	       "(%lu pages; target <= 40)\n",
	       boot_release_ticks / boot_released_pages, boot_released_pages);
}

void run_benchmarks(void)
{
	local_irq_disable();
	printk("bench: kernel entry to memory map ready: %llu instructions\n",
	       memory_map_ready_tsc - boot_tsc);
	bench_page_allocator();
	printk("bench: done\n");
	qemu_exit(QEMU_EXIT_SUCCESS);
}
