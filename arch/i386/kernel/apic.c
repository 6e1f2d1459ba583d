/* arch/i386/kernel/apic.c - being written (issue 4). */
#include <asm/fixmap.h>
#include <asm/apic.h>

void init_apic_mappings(void)
{
}
