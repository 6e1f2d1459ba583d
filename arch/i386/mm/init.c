/*
 * arch/i386/mm/init.c - the kernel's page tables and physical memory at boot.
 *
 * head.asm entered its two page tables twice in swapper_pg_dir, at 0 and at
 * PAGE_OFFSET (claim P3).  zap_low_mappings() clears the identity half once
 * nothing reads low addresses, so that every user-space entry (0-767) of
 * the kernel's directory is empty and a NULL pointer faults.
 *
 * paging_init() then builds the real direct map: all of lowmem,
 * [0, max_low_pfn), at PAGE_OFFSET, where max_low_pfn = min(max_pfn,
 * MAXMEM_PFN) and MAXMEM = 1 GB - 128 MB = 896 MB (claim P4).  With the
 * CPU's PSE feature one pgd entry maps 4 MB directly, with the global bit
 * (PGE) so CR3 reloads keep it in the TLB; without it, 4 KB page tables
 * from memblock.  A lowmem end that is not 4 MB aligned is mapped with one
 * 4 KB page table even with PSE, so nothing past high_memory is.  Holes below high_memory (640 KB - 1 MB, firmware
 * ranges) are mapped like RAM, as Linux does: nothing reads them, and their
 * struct pages stay PG_reserved, so no allocator hands them out.
 *
 * Mirrors: arch/i386/mm/init.c zap_low_mappings(), paging_init(),
 * kernel_physical_mapping_init(), one_page_table_init(), zone_sizes_init(),
 * mem_init(); arch/i386/kernel/setup.c find_max_low_pfn() (2.6).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/fixmap.h>
#include <asm/mm.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/uaccess.h>
#include <trace/events/boot.h>

/* Only the early map is there until the direct map is built. */
void *high_memory = (void *)(uintptr_t)(PAGE_OFFSET + EARLY_MAP_SIZE);

unsigned long highstart_pfn, highend_pfn;
static bool direct_map_uses_pse;               /* 4 MB pages, else 4 KB page tables */
static unsigned long new_page_tables;          /* taken from memblock */

void __init zap_low_mappings(void)
{
	trace_zap_low_mappings(swapper_pg_dir);
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		set_pgd(swapper_pg_dir + i, __pgd(0));
	__flush_tlb();
}

pte_t *lookup_address(unsigned long addr, int *level)
{
	pgd_t *pgd = pgd_offset_k(addr);
	pmd_t *pmd = pmd_offset(pgd, addr);

	if (!pmd_present(*pmd))
		return NULL;
	if (pmd_large(*pmd)) {
		*level = 2;
		return (pte_t *)pmd;
	}
	*level = 1;
	return pte_offset_kernel(pmd, addr);
}

u64 slow_virt_to_phys(unsigned long addr)
{
	int level;
	pte_t *pte = lookup_address(addr, &level);

	if (!pte || !pte_present(*pte))
		return (u64)-1;
	if (level == 2)
		return (pte_val(*pte) & PGDIR_MASK) + (addr & ~PGDIR_MASK);
	return pte_phys(*pte) + (addr & ~PAGE_MASK);
}

static unsigned long pages_to_mb(unsigned long pages)
{
	return pages >> (20 - PAGE_SHIFT);
}

/* max_pfn: the end of RAM; max_low_pfn: the end of the direct map (P4). */
static void __init find_low_pfn_range(void)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_region *last = &mem->regions[mem->cnt - 1];

	max_pfn = (last->base + last->size) >> PAGE_SHIFT;
	max_low_pfn = min(max_pfn, (unsigned long)MAXMEM_PFN);
	highstart_pfn = highend_pfn = max_low_pfn;
	if (max_pfn > max_low_pfn)
		highend_pfn = max_pfn;
	printk("%luMB HIGHMEM available.\n", pages_to_mb(highend_pfn - highstart_pfn));
	printk("%luMB LOWMEM available.\n", pages_to_mb(max_low_pfn));
}

/* The page table under @pmd, allocated (and zeroed) from memblock if none. */
static pte_t * __init one_page_table_init(pmd_t *pmd)
{
	if (pmd_none(*pmd)) {
		u64 pa = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

		if (!pa)
			panic("one_page_table_init: no memory for a page table");
		memset(__va(pa), 0, PAGE_SIZE);
		set_pmd(pmd, __pmd((u32)pa | _KERNPG_TABLE));
		new_page_tables++;
	}
	return pte_offset_kernel(pmd, 0);
}

/*
 * kernel_physical_mapping_init - map [0, max_low_pfn) at PAGE_OFFSET.  With
 * PSE a whole 4 MB pgd entry at a time, while one fits below max_low_pfn;
 * the tail, when max_low_pfn is not 4 MB aligned, through one 4 KB page
 * table, so nothing at or above high_memory is mapped and the
 * VMALLOC_OFFSET gap is truly empty.  (2.6.11 maps the whole last 4 MB
 * page, past max_low_pfn.)
 *
 *   PAGE_OFFSET            4 MB aligned        high_memory
 *   | 4 MB | 4 MB | ... | 4 MB | 4 KB ptes ... |  not mapped  |
 */
static void __init kernel_physical_mapping_init(void)
{
	u32 global = (read_cr4() & X86_CR4_PGE) ? _PAGE_GLOBAL : 0;   /* PGE was set before */
	unsigned long pfn = 0;

	while (pfn < max_low_pfn) {
		unsigned long vaddr = PAGE_OFFSET + PFN_PHYS(pfn);
		pmd_t *pmd = pmd_offset(pgd_offset_k(vaddr), vaddr);

		if (direct_map_uses_pse && pfn + PTRS_PER_PTE <= max_low_pfn) {
			set_pmd(pmd, __pmd(PFN_PHYS(pfn) | __PAGE_KERNEL | _PAGE_PSE | global));
			pfn += PTRS_PER_PTE;
			continue;
		}
		pte_t *pte = one_page_table_init(pmd);
		for (unsigned long i = pte_index(vaddr); i < PTRS_PER_PTE && pfn < max_low_pfn;
		     i++, pfn++)
			set_pte(pte + i, __pte(PFN_PHYS(pfn) | __PAGE_KERNEL | global));
	}
}

/* Pages of RAM (whole pages in memblock.memory) within [start, end). */
static unsigned long __init present_pages_in(unsigned long start, unsigned long end)
{
	unsigned long pages = 0;

	for (u32 i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long s = PFN_UP(r->base), e = PFN_DOWN(r->base + r->size);

		s = max(s, start);
		e = min(e, end);
		if (s < e)
			pages += e - s;
	}
	return pages;
}

static void __init print_zone_range(const char *name, unsigned long start, unsigned long end)
{
	if (start >= end)
		printk("  %-8s empty\n", name);
	else
		printk("  %-8s [mem %#018llx-%#018llx]\n", name,
		       (u64)PFN_PHYS(start), (u64)PFN_PHYS(end) - 1);
}

/*
 * zone_sizes_init - the three zones from the RAM map (Z1-Z4), mem_map for
 * every pfn below max_pfn (P5), and Linux's "Zone ranges:" report.
 */
static void __init zone_sizes_init(void)
{
	unsigned long bounds[MAX_NR_ZONES + 1] = {
		0, min(max_low_pfn, (unsigned long)MAX_DMA_PFN), max_low_pfn, max_pfn,
	};
	unsigned long zones_size[MAX_NR_ZONES], zholes_size[MAX_NR_ZONES];
	unsigned long map_size = max_pfn * sizeof(struct page);
	u64 map_pa;

	printk("Zone ranges:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		zones_size[z] = bounds[z + 1] - bounds[z];
		zholes_size[z] = zones_size[z] - present_pages_in(bounds[z], bounds[z + 1]);
		print_zone_range(zone_names[z], bounds[z], bounds[z + 1]);
	}
	printk("Early memory node ranges\n");
	for (u32 i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		printk("  node %3d: [mem %#018llx-%#018llx]\n", 0,
		       (u64)PFN_PHYS(PFN_UP(r->base)),
		       (u64)PFN_PHYS(PFN_DOWN(r->base + r->size)) - 1);
	}

	map_pa = memblock_alloc(map_size, PAGE_SIZE);
	if (!map_pa)
		panic("zone_sizes_init: no lowmem for mem_map (%lu KB)", map_size >> 10);
	printk("mem_map: %lu struct pages of %u bytes, %lu KB at [mem %#010llx-%#010llx]\n",
	       max_pfn, (unsigned int)sizeof(struct page), map_size >> 10,
	       map_pa, map_pa + map_size - 1);
	trace_boot_phase_start(BOOT_PHASE_MEM_MAP);
	free_area_init_node(&contig_page_data, __va(map_pa), zones_size, zholes_size);
	trace_boot_phase_finish(BOOT_PHASE_MEM_MAP, max_pfn);
}

/*
 * fixrange_init - page tables (from memblock) for every pgd entry that
 * [start, end) touches.  The fixmap and the pkmap window get theirs here,
 * at boot, so their pgd entries are in swapper_pg_dir before any other page
 * directory is copied from it, and kmap()/kmap_atomic()/set_fixmap() never
 * allocate.  (2.6 did the same in pagetable_init().)
 */
static void __init fixrange_init(unsigned long start, unsigned long end)
{
	for (unsigned long vaddr = start & PMD_MASK; vaddr < end && vaddr >= (start & PMD_MASK);
	     vaddr += PMD_SIZE)
		one_page_table_init(pmd_offset(pgd_offset_k(vaddr), vaddr));
}

pte_t *pkmap_page_table;
pte_t *kmap_pte;

/*
 * The layout's order (L1), checked once its one run-time input,
 * high_memory, is known: direct map < gap < vmalloc < gap < pkmap <
 * fixmap < the reserved top page.  The constant parts are checked by the
 * compiler.
 */
_Static_assert(FIXADDR_TOP == 0xfffff000u, "F2: the top page is reserved");
_Static_assert(PKMAP_BASE % (1u << PMD_SHIFT) == 0, "K3: one page table covers the window");
_Static_assert(PKMAP_BASE + LAST_PKMAP * PAGE_SIZE <= FIXADDR_BOOT_START, "pkmap below fixmap");
_Static_assert(VMALLOC_END == PKMAP_BASE - 2 * PAGE_SIZE, "V3");
_Static_assert(FIXADDR_START - FIXADDR_BOOT_START == PAGE_SIZE, "one boot-time slot");
_Static_assert(PAGE_OFFSET + MAXMEM + 2 * VMALLOC_OFFSET <= VMALLOC_END,
	       "even a full direct map leaves a vmalloc area");

static void __init check_memory_layout(void)
{
	unsigned long hm = (unsigned long)high_memory;

	BUG_ON(hm > PAGE_OFFSET + MAXMEM);
	BUG_ON(VMALLOC_START < hm + VMALLOC_OFFSET || VMALLOC_START >= hm + 2 * VMALLOC_OFFSET);
	BUG_ON(VMALLOC_START % VMALLOC_OFFSET);
	BUG_ON(VMALLOC_START >= VMALLOC_END);
	BUG_ON(VMALLOC_END + 2 * PAGE_SIZE != PKMAP_BASE);
	BUG_ON(PKMAP_ADDR(LAST_PKMAP) > FIXADDR_BOOT_START);
	BUG_ON(FIXADDR_BOOT_START >= FIXADDR_START || FIXADDR_START >= FIXADDR_TOP);
}

/* The page tables of the top of kernel space (2.6: pagetable_init's tail,
 * permanent_kmaps_init(), kmap_init()). */
static void __init top_page_tables_init(void)
{
	check_memory_layout();
	fixrange_init(FIXADDR_BOOT_START, FIXADDR_TOP + PAGE_SIZE - 1);
	fixrange_init(PKMAP_BASE, PKMAP_ADDR(LAST_PKMAP));
	pkmap_page_table = pte_offset_kernel(pmd_offset(pgd_offset_k(PKMAP_BASE), PKMAP_BASE),
					     PKMAP_BASE);
	kmap_pte = pte_offset_kernel(pmd_offset(pgd_offset_k(__fix_to_virt(FIX_KMAP_BEGIN)),
						__fix_to_virt(FIX_KMAP_BEGIN)),
				     __fix_to_virt(FIX_KMAP_BEGIN));
}

void __init paging_init(void)
{
	u32 features = cpuid_edx(1);

	_Static_assert(sizeof(struct page) <= 32, "struct page is 32 bytes on i386, as in Linux 2.6");
	find_low_pfn_range();
	direct_map_uses_pse = features & X86_FEATURE_PSE;
	if (direct_map_uses_pse)
		write_cr4(read_cr4() | X86_CR4_PSE);
	if (features & X86_FEATURE_PGE)
		write_cr4(read_cr4() | X86_CR4_PGE);
	memblock_set_current_limit(EARLY_MAP_SIZE);     /* page tables: early-mapped */
	kernel_physical_mapping_init();
	__flush_tlb_all();
	high_memory = (void *)(uintptr_t)(PAGE_OFFSET + PFN_PHYS(max_low_pfn));
	memblock_set_current_limit(PFN_PHYS(max_low_pfn));   /* now all of lowmem */
	printk("Direct map: %luMB at 0x%08x-0x%08lx with %s pages%s, %lu new page tables\n",
	       pages_to_mb(max_low_pfn), PAGE_OFFSET, (unsigned long)high_memory - 1,
	       direct_map_uses_pse ? "4 MB" : "4 KB",
	       (features & X86_FEATURE_PGE) ? ", global" : "", new_page_tables);
	top_page_tables_init();
	zone_sizes_init();
}

/*
 * test_wp_bit - does the CPU honour read-only pages in kernel mode (CR0.WP,
 * set by head.asm)?  Map a page read-only at the boot-time fixmap slot
 * FIX_WP_TEST, try to write it through the exception table, and unmap it.
 * (A 386 ignored WP; 2.6 then refused to boot a kernel built for later
 * CPUs.  copy_to_user() relies on it to see copy-on-write pages.)
 */
static void __init test_wp_bit(void)
{
	unsigned long vaddr = __fix_to_virt(FIX_WP_TEST);
	char c = 0x5a;
	bool honoured;

	printk("Checking if this processor honours the WP bit even in supervisor mode...");
	__set_fixmap(FIX_WP_TEST, __pa(swapper_pg_dir), __pgprot(_PAGE_PRESENT | _PAGE_ACCESSED));
	honoured = probe_kernel_write((void *)vaddr, &c, 1) != 0;
	clear_fixmap(FIX_WP_TEST);
	if (!honoured)
		panic("This kernel needs a CPU that honours the WP bit in supervisor mode");
	printk("Ok.\n");
}

void __init mem_init(void)
{
	unsigned long physpages = 0, released, free, code, rwdata, rodata, bss;
	struct zone *zone;

	trace_boot_phase_start(BOOT_PHASE_MEMBLOCK_FREE_ALL);
	released = memblock_free_all();
	trace_boot_phase_finish(BOOT_PHASE_MEMBLOCK_FREE_ALL, released);
	init_per_zone_pages_min();
	for_each_zone(zone)
		physpages += zone->present_pages;
	free = nr_free_pages();
	code = _etext - _text;
	rodata = __init_begin - _etext;
	rwdata = _edata - _sdata;
	bss = __bss_stop - __bss_start;
	printk("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
	       "%luK init, %luK bss, %luK reserved, %luK highmem)\n",
	       free << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
	       code >> 10, rwdata >> 10, rodata >> 10,
	       (unsigned long)(__init_end - __init_begin) >> 10, bss >> 10,
	       (physpages - free) << (PAGE_SHIFT - 10),
	       totalhigh_pages << (PAGE_SHIFT - 10));
	show_memory_layout();
	test_wp_bit();
}

/*
 * free_initmem - the boot is over: fill .init with 0xcc (int3, so a late
 * call into it traps at once) and give its pages to the buddy allocator.
 */
void free_initmem(void)
{
	unsigned long start = (unsigned long)__init_begin, end = (unsigned long)__init_end;

	memset(__init_begin, 0xcc, end - start);
	free_bootmem_range(PFN_DOWN(__pa(start)), PFN_DOWN(__pa(end)));
	printk("Freeing unused kernel memory: %luk freed\n", (end - start) >> 10);
}

/* ---- The layout report (claims L1, L2, V7) ---- */

/* "( 111 MB)" or "(4096 kB)", as 2.6's mem_init() prints each line. */
static void layout_line(const char *name, unsigned long start, unsigned long end, bool mb)
{
	printk("    %-8s: 0x%08lx - 0x%08lx   (%4lu %s)\n", name, start, end,
	       mb ? (end - start) >> 20 : (end - start) >> 10, mb ? "MB" : "kB");
}

/* A size in words for the drawing: "4 kB", "8 MB", "3072 MB". */
static void size_words(unsigned long bytes, char *buf, size_t len)
{
	if (bytes >= (1ul << 20) && !(bytes & ((1ul << 20) - 1)))
		snprintf(buf, len, "%lu MB", bytes >> 20);
	else if (bytes >= (1ul << 20))
		snprintf(buf, len, "%lu.%lu MB", bytes >> 20, ((bytes >> 10) & 1023) * 10 / 1024);
	else
		snprintf(buf, len, "%lu kB", bytes >> 10);
}

/*
 * show_memory_layout - Linux's "virtual kernel memory layout:" table, then
 * the whole 4 GB drawn from the top down with this boot's boundaries.  The
 * drawing is not to scale: every region gets one line, however large.
 */
void show_memory_layout(void)
{
	const struct {
		unsigned long start;       /* the region runs from here to the previous start */
		const char *what, *mark;
	} r[] = {
		{ FIXADDR_TOP,        "reserved top page (FIX_HOLE)", "FIXADDR_TOP" },
		{ FIXADDR_START + PAGE_SIZE, "fixmap: APIC, IOAPIC, kmap_atomic slots", NULL },
		{ FIXADDR_START,      "boot-time fixmap slot (FIX_WP_TEST)", "FIXADDR_START" },
		{ FIXADDR_BOOT_START, "unused page", "FIXADDR_BOOT_START" },
		{ PKMAP_ADDR(LAST_PKMAP), "unused", NULL },
		{ PKMAP_BASE,         "pkmap: the kmap() window", "PKMAP_BASE" },
		{ VMALLOC_END,        "2 unmapped pages", "VMALLOC_END" },
		{ VMALLOC_START,      "vmalloc, vmap, ioremap", "VMALLOC_START" },
		{ (unsigned long)high_memory, "gap (VMALLOC_OFFSET): never mapped", "high_memory" },
		{ PAGE_OFFSET,        "direct map: lowmem", "PAGE_OFFSET" },
		{ 0,                  "user space", NULL },
	};
	static const char rule[] = "----------------------------------------------------";
	unsigned long top = 0;          /* 4 GB, as 0 in 32 bits: the first region's end */
	char size[16];

	printk("virtual kernel memory layout:\n");
	layout_line("fixmap", FIXADDR_START, FIXADDR_TOP, false);
	layout_line("pkmap", PKMAP_BASE, PKMAP_ADDR(LAST_PKMAP), false);
	layout_line("vmalloc", VMALLOC_START, VMALLOC_END, true);
	layout_line("lowmem", PAGE_OFFSET, (unsigned long)high_memory, true);
	layout_line("  .init", (unsigned long)__init_begin, (unsigned long)__init_end, false);
	layout_line("  .data", (unsigned long)_etext, (unsigned long)_edata, false);
	layout_line("  .text", (unsigned long)_text, (unsigned long)_etext, false);

	printk("The 4 GB address space, top down (not to scale):\n");
	printk("  0xffffffff +%s+\n", rule);
	for (unsigned int i = 0; i < ARRAY_SIZE(r); i++) {
		size_words(top - r[i].start, size, sizeof(size));
		printk("             | %-40s %9s |\n", r[i].what, size);
		printk("  0x%08lx +%s+%s%s\n", r[i].start, rule, r[i].mark ? " " : "",
		       r[i].mark ? r[i].mark : "");
		top = r[i].start;
	}
}
