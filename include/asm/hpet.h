/*
 * asm/hpet.h - the High Precision Event Timer's registers (Intel's IA-PC
 * HPET specification).  QEMU's pc machine has one at the usual address;
 * Linux finds that address in the ACPI HPET table.
 *
 * Mirrors: include/asm-i386/hpet.h (2.6).
 */
#ifndef _ASM_HPET_H
#define _ASM_HPET_H

#define HPET_ADDRESS          0xfed00000u   /* the default; ACPI says where */
#define HPET_MMAP_SIZE        1024
#define HPET_ID               0x000         /* General Capabilities and ID, low half */
#define HPET_PERIOD           0x004         /* its high half: the counter period, fs */
#define HPET_ID_VENDOR_SHIFT  16

#endif /* _ASM_HPET_H */
