/*
 * asm/kmap_types.h - the purposes of the kmap_atomic() slots (claim F3).
 *
 * Each CPU has one fixmap slot per purpose.  Code that maps a page with
 * kmap_atomic(page, KM_USER0) owns that CPU's KM_USER0 slot until
 * kunmap_atomic(); it must not sleep, and nothing else on the CPU may use
 * KM_USER0 meanwhile.  An interrupt handler uses KM_IRQ0/1 so as not to
 * tread on the code it interrupted.  A second kmap_atomic() of the same
 * slot replaces the first mapping.
 *
 * Mirrors: include/asm-i386/kmap_types.h (2.6.11), the same list.
 */
#ifndef _ASM_KMAP_TYPES_H
#define _ASM_KMAP_TYPES_H

enum km_type {
	KM_BOUNCE_READ,
	KM_SKB_SUNRPC_DATA,
	KM_SKB_DATA_SOFTIRQ,
	KM_USER0,
	KM_USER1,
	KM_BIO_SRC_IRQ,
	KM_BIO_DST_IRQ,
	KM_PTE0,
	KM_PTE1,
	KM_IRQ0,
	KM_IRQ1,
	KM_SOFTIRQ0,
	KM_SOFTIRQ1,
	KM_TYPE_NR
};

#endif /* _ASM_KMAP_TYPES_H */
