/*
 * asm/apic.h - the local APIC and the I/O APIC, reached through their
 * fixmap slots (claim F4).
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

/* Map the local APIC at FIX_APIC_BASE and the I/O APIC at
 * FIX_IO_APIC_BASE_0, uncached, and say where (2.6's messages). */
void init_apic_mappings(void);

#endif /* _ASM_APIC_H */
