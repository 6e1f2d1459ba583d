/*
 * arch/i386/kernel/apic.c - mapping the local APIC and the I/O APIC into
 * their fixmap slots (claim F4).
 *
 * The fixmap's first slots after the reserved top page are not for RAM but
 * for devices: FIX_APIC_BASE and FIX_IO_APIC_BASE_0.  Their virtual
 * addresses are constants, so code anywhere can reach the interrupt
 * controllers without asking where they were put; which physical page
 * each slot shows is decided here, at boot:
 *
 *   local APIC  the IA32_APIC_BASE MSR says where it is (0xfee00000 unless
 *               firmware moved it); cpuid 1, edx bit 9 says there is one.
 *   I/O APIC    Linux reads its address from the MP table (mpc_apicaddr)
 *               or ACPI's MADT; this kernel parses neither and uses the
 *               address every PC chipset starts with, 0xfec00000.
 *
 * Mirrors: arch/i386/kernel/apic.c init_apic_mappings(), the MSR read of
 * detect_init_APIC() (2.6.11).
 * Omitted: programming either APIC (LVTs, timer, redirection entries),
 * re-enabling an APIC the BIOS turned off, more than one I/O APIC, SMP.
 */
#include <linux/kernel.h>
#include <asm/apic.h>
#include <asm/fixmap.h>
#include <asm/processor.h>

unsigned long mp_lapic_addr;

void init_apic_mappings(void)
{
	unsigned long ioapic_phys = IO_APIC_DEFAULT_PHYS_BASE;
	u64 apicbase;

	if (!(cpuid_edx(1) & X86_FEATURE_APIC)) {
		/* (2.6 would map a zeroed page instead, so that reads do no harm.) */
		printk("No local APIC present (cpuid 1: edx bit 9 clear): "
		       "FIX_APIC_BASE and FIX_IO_APIC_BASE_0 left unmapped\n");
		return;
	}
	apicbase = native_read_msr(MSR_IA32_APICBASE);
	mp_lapic_addr = apicbase & MSR_IA32_APICBASE_BASE;
	if (!(apicbase & MSR_IA32_APICBASE_ENABLE))
		printk("Local APIC disabled by BIOS (IA32_APIC_BASE %#llx)\n", apicbase);

	set_fixmap_nocache(FIX_APIC_BASE, mp_lapic_addr);
	printk("mapped APIC to %08lx (%08lx)\n", (unsigned long)APIC_BASE, mp_lapic_addr);

	set_fixmap_nocache(FIX_IO_APIC_BASE_0, ioapic_phys);
	printk("mapped IOAPIC to %08lx (%08lx)\n",
	       (unsigned long)__fix_to_virt(FIX_IO_APIC_BASE_0), ioapic_phys);
}
